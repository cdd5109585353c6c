import { http } from './client.ts';
import type { DictItem, DictType } from './types.ts';

export type DictTypeInput = { code: string; name: string; description?: string | null };
export type DictItemCreate = { code: string; label: string; sort?: number; isEnabled?: boolean; remark?: string | null };
export type DictItemUpdate = { label: string; sort: number; isEnabled: boolean; remark: string | null };

const enc = encodeURIComponent;

export const dictApi = {
  types: () => http.get<{ items: DictType[] }>('/dicts'),
  createType: (body: DictTypeInput) => http.post<{ code: string }>('/dicts', body, { isSilent: true }),
  items: (code: string) => http.get<{ items: DictItem[] }>(`/dicts/${enc(code)}/items`),
  createItem: (code: string, body: DictItemCreate) =>
    http.post<{ id: number }>(`/dicts/${enc(code)}/items`, body, { isSilent: true }),
  updateItem: (code: string, id: number, body: DictItemUpdate) =>
    http.put<{ ok: boolean }>(`/dicts/${enc(code)}/items/${id}`, body, { isSilent: true }),
};
