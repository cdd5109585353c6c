import { http, type Page } from './client.ts';
import type { User, UserCreate, UserUpdate } from './types.ts';

export type UserQuery = { page: number; pageSize: number; orgId?: number | null; keyword?: string; isEnabled?: boolean | null };

export const userApi = {
  list: (query: UserQuery) => http.get<Page<User>>('/users', query),
  get: (id: number) => http.get<User>(`/users/${id}`),
  create: (body: UserCreate) => http.post<{ id: number }>('/users', body, { isSilent: true }),
  update: (id: number, body: UserUpdate) => http.put<{ ok: boolean }>(`/users/${id}`, body, { isSilent: true }),
  setEnabled: (user: User, isEnabled: boolean) =>
    http.put<{ ok: boolean }>(`/users/${user.id}`, {
      displayName: user.displayName,
      orgIds: user.orgs.map((o) => o.id),
      roleIds: user.roles.map((r) => r.id),
      isEnabled,
    }),
  resetPassword: (id: number, password: string) =>
    http.post<{ ok: boolean }>(`/users/${id}/reset-password`, { password }, { isSilent: true }),
  unlock: (id: number) => http.post<{ ok: boolean }>(`/users/${id}/unlock`),
  revealPhone: (id: number) => http.get<{ phone: string | null }>(`/users/${id}/phone`),
};
