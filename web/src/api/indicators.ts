import { http, type Page } from './client.ts';
import type { EnteredFigure, EnteredFigureInput, EnteredStatus, IndicatorList } from './report-types.ts';

export type EnteredQuery = { page: number; pageSize: number; year?: number | null; status?: EnteredStatus | null };

export const indicatorApi = {
  list: (year: number, org: number | null) => http.get<IndicatorList>('/indicators', { year, org }),
  entered: (query: EnteredQuery) => http.get<Page<EnteredFigure>>('/entered-figures', query),
  enter: (body: EnteredFigureInput) => http.post<{ id: number }>('/entered-figures', body, { isSilent: true }),
  review: (id: number, decision: 'approve' | 'reject', note: string) =>
    http.post<{ ok: boolean }>(`/entered-figures/${id}/review`, { decision, note: note || undefined }),
};
