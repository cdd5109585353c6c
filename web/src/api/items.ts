import { http, type Page } from './client.ts';

/** 主动公开 items (server/platform/publishing): compose, review, publish, withdraw, with the 条例第二十六条 deadline. */
export type ItemState = 'draft' | 'submitted' | 'scheduled' | 'published' | 'withdrawn';
export type ItemActionKey = 'edit' | 'submit' | 'approve' | 'reject' | 'withdraw';
export type TimelinessStatus = 'normal' | 'due_soon' | 'overdue' | 'on_time' | 'late' | 'not_published';
export type TimelinessFilter = 'overdue' | 'due_soon' | 'late';

export type Timeliness = {
  status: TimelinessStatus;
  label: string;
  dueOn: string;
  basis: string;
  workingDaysLeft: number | null;
  workingDaysLate: number | null;
};

export type ItemCategory = { code: string; label: string; basis: string | null; isEnabled: boolean; sort: number };

export type ItemMeta = {
  categories: ItemCategory[];
  states: { key: ItemState; title: string }[];
  actions: { key: ItemActionKey; title: string; from: ItemState[]; permission: string }[];
  deadline: { workingDays: number; basis: string };
};

export type ItemSummary = {
  id: number;
  orgId: number;
  orgName: string | null;
  category: string;
  categoryLabel: string;
  title: string;
  docNumber: string | null;
  formedOn: string;
  isChange: boolean;
  source: string;
  state: ItemState;
  stateLabel: string;
  publishAt: string | null;
  publishedAt: string | null;
  publishedOn: string | null;
  dueOn: string;
  timeliness: Timeliness;
  clickCount: number;
  version: number;
  updatedAt: string;
};

export type LinkedItem = { id: number; title: string; state: ItemState; stateLabel: string; publishedOn: string | null };

export type ItemAttachment = { id: number; name: string; size: number; mime: string; url: string };

export type ItemDetail = ItemSummary & {
  bodyHtml: string;
  rejectReason: string | null;
  withdrawReason: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  attachments: ItemAttachment[];
  interprets: LinkedItem[];
  interpretedBy: LinkedItem[];
  abilities: ItemActionKey[];
};

export type ItemQuery = {
  page: number;
  pageSize: number;
  state?: ItemState | '';
  category?: string;
  orgId?: number | null;
  q?: string;
  timeliness?: TimelinessFilter | '';
  formedFrom?: string;
  formedTo?: string;
};

export type ItemInput = {
  orgId: number;
  category: string;
  title: string;
  docNumber?: string | null;
  bodyHtml: string;
  formedOn: string;
  isChange: boolean;
  source?: string | null;
  publishAt?: string | null;
  attachmentIds: number[];
  interpretsIds: number[];
};

export type TransitionBody = { version: number; reason?: string; publishAt?: string | null };

export const itemApi = {
  meta: () => http.get<ItemMeta>('/items/meta'),
  list: (query: ItemQuery) => http.get<Page<ItemSummary>>('/items', query),
  /** Silent: the detail page shows a missing item itself. */
  get: (id: number) => http.get<ItemDetail>(`/items/${id}`, undefined, { isSilent: true }),
  create: (body: ItemInput) => http.post<ItemDetail>('/items', body, { isSilent: true }),
  update: (id: number, body: ItemInput & { version: number }) => http.put<ItemDetail>(`/items/${id}`, body, { isSilent: true }),
  /** The detail after the action, or only `{ id, ok }` when the actor may no longer read the item. */
  act: (id: number, action: Exclude<ItemActionKey, 'edit'>, body: TransitionBody) =>
    http.post<ItemDetail | { id: number; ok: true }>(`/items/${id}/${action}`, body, { isSilent: true }),
};
