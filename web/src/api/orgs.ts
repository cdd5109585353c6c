import { http } from './client.ts';
import type { Org, OrgInput } from './types.ts';

export const orgApi = {
  list: () => http.get<{ items: Org[] }>('/orgs'),
  /** The same list for pickers and filters: quiet when the user may not read organisations. */
  options: () => http.get<{ items: Org[] }>('/orgs', undefined, { isSilent: true }),
  /** Every enabled organisation's name, whatever the user's scope: for choosing a respondent or defendant. */
  names: async (): Promise<{ items: Org[] }> => {
    const answer = await http.get<{ items: Pick<Org, 'id' | 'parentId' | 'name' | 'kind'>[] }>('/orgs/options', undefined, { isSilent: true });
    return { items: answer.items.map((o) => ({ ...o, shortName: null, code: '', sort: 0, isEnabled: true, userCount: 0 })) };
  },
  create: (body: OrgInput) => http.post<{ id: number }>('/orgs', body, { isSilent: true }),
  update: (id: number, body: OrgInput) => http.put<{ ok: boolean }>(`/orgs/${id}`, body, { isSilent: true }),
  remove: (id: number) => http.del<{ ok: boolean }>(`/orgs/${id}`),
};
