import { download, http, type Page } from './client.ts';
import type { CaseDetail, CaseQuery, CaseSummary, ProcedureSummary, ProcedureTable, TaskItem } from './engine-types.ts';

const enc = encodeURIComponent;

/** Body of a write: the engine's own fields (legal date, seen version, handling organisation) next to the action's input. */
export type ActionBody = Record<string, unknown> & { on?: string; version?: number; orgId?: number };

export const caseApi = {
  procedures: () => http.get<{ items: ProcedureSummary[] }>('/procedures'),
  table: (procedure: string) => http.get<ProcedureTable>(`/procedures/${enc(procedure)}`),
  list: (procedure: string, query: CaseQuery) => http.get<Page<CaseSummary>>(`/cases/${enc(procedure)}`, query),
  /** Silent: the case page shows a missing case itself. */
  get: (procedure: string, id: number) => http.get<CaseDetail>(`/cases/${enc(procedure)}/${id}`, undefined, { isSilent: true }),
  create: (procedure: string, body: ActionBody) => http.post<CaseDetail>(`/cases/${enc(procedure)}`, body, { isSilent: true }),
  act: (procedure: string, id: number, action: string, body: ActionBody) =>
    http.post<CaseDetail>(`/cases/${enc(procedure)}/${id}/actions/${enc(action)}`, body, { isSilent: true }),
  /** The filtered list as an xlsx (same filters as list, no paging). */
  exportList: (procedure: string, query: Omit<CaseQuery, 'page' | 'pageSize'>) =>
    download('GET', `/cases/${enc(procedure)}/export`, { query, fallbackName: `${procedure}.xlsx` }),
  tasks: (query: { page: number; pageSize: number }) => http.get<Page<TaskItem>>('/tasks', query),
};
