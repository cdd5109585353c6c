import { ApiError, download, http, type ApiErrorBody, type Page } from './client.ts';

/** 人民调解: ledger import (台账导入) and the committee register (调委会). */
export type ImportMode = 'valid_rows' | 'all_or_nothing';

export type LedgerRowError = { row: number; column: string; message: string };

export type LedgerImportResult = {
  total: number;
  imported: number;
  duplicates: number;
  isCommitted: boolean;
  errorCount: number;
  errors: LedgerRowError[];
  errorReportFileId: number | null;
};

export type CommitteeWarning = { code: string; message: string; basis: string; memberIds: number[] };

export type CommitteeSummary = {
  id: number;
  name: string;
  kind: string;
  kindLabel: string;
  fieldLabel: string | null;
  orgName: string | null;
  townshipOrgName: string | null;
  guideOrgName: string | null;
  establishedOn: string | null;
  isActive: boolean;
  memberCount: number;
  mediatorCount: number;
  warnings: CommitteeWarning[];
};

export type CommitteeQuery = { page: number; pageSize: number; q?: string };

function errorBody(data: unknown, status: number): ApiErrorBody {
  if (data && typeof data === 'object' && 'code' in data && 'message' in data) return data as ApiErrorBody;
  return { code: `HTTP_${status}`, message: `导入失败（${status}）` };
}

export const mediationApi = {
  template: () => download('GET', '/mediation/ledger/template', { fallbackName: '人民调解台账导入模板.xlsx' }),
  /** multipart POST: file, orgId, mode. The caller shows the error message. */
  importLedger: async (file: File, orgId: number, mode: ImportMode, csrfToken: string | null): Promise<LedgerImportResult> => {
    const form = new FormData();
    form.append('orgId', String(orgId));
    form.append('mode', mode);
    form.append('file', file, file.name);
    const response = await fetch('/api/mediation/ledger/import', {
      method: 'POST',
      credentials: 'same-origin',
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken, Accept: 'application/json' } : { Accept: 'application/json' },
      body: form,
    });
    const text = await response.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!response.ok) throw new ApiError(response.status, errorBody(data, response.status));
    return data as LedgerImportResult;
  },
  errorReportUrl: (fileId: number) => `/api/files/${fileId}`,
  committees: (query: CommitteeQuery) => http.get<Page<CommitteeSummary>>('/mediation/committees', query),
};
