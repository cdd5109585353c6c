import { http, type Page } from './client.ts';
import type { Message } from './engine-types.ts';

export type MessagePage = Page<Message> & { unread: number };

export const messageApi = {
  list: (query: { page: number; pageSize: number; isUnread?: boolean | null }, isSilent = false) =>
    http.get<MessagePage>('/messages', query, { isSilent }),
  read: (id: number) => http.post<{ ok: boolean }>(`/messages/${id}/read`),
  readAll: () => http.post<{ ok: boolean }>('/messages/read-all'),
};
