import { http } from './client.ts';
import type { DocNumberFormat, DocNumberFormats } from './report-types.ts';

export const docNumberApi = {
  list: () => http.get<DocNumberFormats>('/doc-number-formats'),
  /** Replaces the whole list; silent so the page can mark the rows the server refuses. */
  save: (items: DocNumberFormat[]) => http.put<{ ok: boolean; count: number }>('/doc-number-formats', { items }, { isSilent: true }),
};
