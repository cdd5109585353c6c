import { http } from './client.ts';
import type { TemplateKind } from './report-types.ts';

const enc = encodeURIComponent;

export const docTemplateApi = {
  list: () => http.get<{ items: TemplateKind[] }>('/document-templates'),
  /** orgId null: the wording for every organisation without its own. */
  save: (kind: string, slot: string, orgId: number | null, text: string) =>
    http.put<{ ok: boolean }>(`/document-templates/${enc(kind)}/texts/${enc(slot)}`, { orgId, text }, { isSilent: true }),
  reset: (kind: string, slot: string, orgId: number | null) =>
    http.del<{ ok: boolean }>(`/document-templates/${enc(kind)}/texts/${enc(slot)}`, { query: { orgId } }),
};
