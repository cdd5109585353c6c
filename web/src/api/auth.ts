import { http } from './client.ts';
import type { Me } from './types.ts';

export const authApi = {
  login: (username: string, password: string) => http.post<Me>('/auth/login', { username, password }, { isSilent: true }),
  me: () => http.get<Me>('/auth/me'),
  logout: () => http.post<{ ok: boolean }>('/auth/logout'),
  changePassword: (oldPassword: string, newPassword: string) =>
    http.post<{ ok: boolean }>('/auth/password', { oldPassword, newPassword }, { isSilent: true }),
};
