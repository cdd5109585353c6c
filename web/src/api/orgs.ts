import { http } from './client.ts';
import type { Org, OrgInput } from './types.ts';

export const orgApi = {
  list: () => http.get<{ items: Org[] }>('/orgs'),
  /** The same list for pickers and filters: quiet when the user may not read organisations. */
  options: () => http.get<{ items: Org[] }>('/orgs', undefined, { isSilent: true }),
  create: (body: OrgInput) => http.post<{ id: number }>('/orgs', body, { isSilent: true }),
  update: (id: number, body: OrgInput) => http.put<{ ok: boolean }>(`/orgs/${id}`, body, { isSilent: true }),
  remove: (id: number) => http.del<{ ok: boolean }>(`/orgs/${id}`),
};
