import { http, type Page } from './client.ts';

/** 征求意见 (server/platform/consultation): drafts with a comment period, the public's comments and their handling. */
export type ConsultationState = 'draft' | 'open' | 'concluded';
export type CommentDecision = 'pending' | 'adopted' | 'partial' | 'rejected';

export type SubjectKindNorm = { key: string; label: string; basis: string; limit: string; earliestClose: string | null };

export type ConsultationMeta = { opensOn: string; today: string; subjectKinds: SubjectKindNorm[] };

export type ConsultationSummary = {
  id: number;
  orgId: number;
  orgName: string | null;
  title: string;
  state: ConsultationState;
  stateLabel: string;
  opensOn: string;
  closesOn: string;
  isAcceptingComments: boolean;
  subjectKind: string;
  norm: string | null;
  commentCount: number;
  pendingCount: number;
  concludedOn: string | null;
  version: number;
};

export type ConsultationComment = {
  id: number;
  articleNo: number | null;
  authorName: string | null;
  contactMasked: string | null;
  content: string;
  createdAt: string;
  decision: CommentDecision;
  decisionLabel: string;
  reason: string | null;
};

export type ConsultationDetail = ConsultationSummary & {
  description: string;
  articles: { no: number; text: string }[];
  summary: string | null;
  comments: ConsultationComment[];
};

export type ConsultationInput = {
  orgId: number;
  title: string;
  description: string;
  articles: string[];
  subjectKind: string;
  opensOn: string;
  closesOn: string;
  shortPeriodReason?: string;
};

export const consultationApi = {
  meta: (opensOn?: string) => http.get<ConsultationMeta>('/consultations/meta', { opensOn }),
  list: (query: { page: number; pageSize: number }) => http.get<Page<ConsultationSummary>>('/consultations', query),
  /** Silent: the detail page shows a missing consultation itself. */
  get: (id: number) => http.get<ConsultationDetail>(`/consultations/${id}`, undefined, { isSilent: true }),
  create: (body: ConsultationInput) => http.post<{ id: number }>('/consultations', body, { isSilent: true }),
  update: (id: number, body: ConsultationInput & { version: number }) => http.put<{ ok: boolean }>(`/consultations/${id}`, body, { isSilent: true }),
  open: (id: number) => http.post<{ ok: boolean }>(`/consultations/${id}/open`),
  decide: (id: number, commentId: number, body: { decision: Exclude<CommentDecision, 'pending'>; reason: string }) =>
    http.put<{ ok: boolean }>(`/consultations/${id}/comments/${commentId}`, body, { isSilent: true }),
  conclude: (id: number, summary: string) => http.post<{ ok: boolean }>(`/consultations/${id}/conclude`, { summary }, { isSilent: true }),
};
