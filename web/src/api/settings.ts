import { http } from './client.ts';
import type { Setting, SettingValue } from './types.ts';

const enc = encodeURIComponent;

export const settingApi = {
  list: () => http.get<{ items: Setting[] }>('/settings'),
  update: (key: string, value: SettingValue) => http.put<{ ok: boolean }>(`/settings/${enc(key)}`, { value }),
  reset: (key: string) => http.del<{ ok: boolean }>(`/settings/${enc(key)}`),
};
