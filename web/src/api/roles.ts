import { http } from './client.ts';
import type { PermissionCatalog, Role, RoleInput } from './types.ts';

export const roleApi = {
  list: (isSilent = false) => http.get<{ items: Role[] }>('/roles', undefined, { isSilent }),
  create: (body: RoleInput) => http.post<{ id: number }>('/roles', body, { isSilent: true }),
  update: (id: number, body: RoleInput) => http.put<{ ok: boolean }>(`/roles/${id}`, body, { isSilent: true }),
  remove: (id: number) => http.del<{ ok: boolean }>(`/roles/${id}`),
  catalog: () => http.get<PermissionCatalog>('/permissions'),
};
