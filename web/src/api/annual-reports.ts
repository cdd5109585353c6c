import { download, http, type Page } from './client.ts';
import type { FigureSource } from './report-types.ts';

/** 法治政府建设年度报告 (server/report): drafts citing indicators, preview with sources, review, 签发, 公开. */
export type AnnualReportState = 'draft' | 'reviewing' | 'approved' | 'signed' | 'published';
export type AnnualReportAction = 'edit' | 'submit' | 'approve' | 'return' | 'sign' | 'publish';
export type AnnualReportTransition = Exclude<AnnualReportAction, 'edit'>;

export type AnnualReportSummary = {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  state: AnnualReportState;
  stateLabel: string;
  title: string;
  version: number;
  /** 文号, given when the report is signed. */
  docNumber: string | null;
  signedOn: string | null;
  /** The portal item (主动公开) created when the report is published; its page is /items/<itemId>. */
  itemId: number | null;
  publishedOn: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Narrative text: one paragraph per line; a figure is {{indicator.id}} or {{indicator.id:approx}}. */
export type AnnualReportSubsection = { title: string; body: string };
export type AnnualReportPart = { key: string; title: string; body: string; subsections: AnnualReportSubsection[] };
export type AnnualReportContent = { title: string; recipient: string; preamble: string; parts: AnnualReportPart[] };

export type AnnualReportEvent = { action: string; fromState: string; toState: string; note: string | null; actorName: string | null; at: string };

export type AnnualReportDetail = AnnualReportSummary & {
  content: AnnualReportContent;
  /** Keys of the parts a report must carry (其他 is optional); the server refuses to submit without them. */
  requiredParts: string[];
  /** What this user may do now; the page shows exactly these. */
  actions: AnnualReportAction[];
  /** 报送 (3月1日) and 公开 (4月1日) of the following year, with the rule they come from. */
  deadlines: { report: string; publish: string; basis: string };
  events: AnnualReportEvent[];
};

export type AnnualReportFigure = {
  indicatorId: string;
  title: string;
  unit: string;
  value: number | null;
  source: FigureSource;
  numerator?: number;
  denominator?: number;
  recordsUrl: string | null;
  entries?: { orgName: string; value: number; source: string }[];
};

export type AnnualReportPreview = {
  /** Escaped by the server; figures are a.figure (with records) or span.figure with their source class. */
  html: string;
  figures: AnnualReportFigure[];
  problems: string[];
  /** Signed: the figures are the ones frozen at signing. */
  isFrozen: boolean;
};

export type AnnualReportQuery = { page: number; pageSize: number; year?: number | null; state?: AnnualReportState | null };

export type AnnualReportTransitionInput = { version: number; note?: string; on?: string };

export const annualReportApi = {
  list: (query: AnnualReportQuery) => http.get<Page<AnnualReportSummary>>('/annual-reports', query),
  create: (body: { orgId: number; year: number }) => http.post<{ id: number }>('/annual-reports', body, { isSilent: true }),
  get: (id: number) => http.get<AnnualReportDetail>(`/annual-reports/${id}`, undefined, { isSilent: true }),
  save: (id: number, version: number, content: AnnualReportContent) =>
    http.put<{ ok: boolean }>(`/annual-reports/${id}`, { version, content }, { isSilent: true }),
  preview: (id: number) => http.get<AnnualReportPreview>(`/annual-reports/${id}/preview`),
  act: (id: number, action: AnnualReportTransition, body: AnnualReportTransitionInput) =>
    http.post<{ ok: boolean }>(`/annual-reports/${id}/actions/${action}`, body, { isSilent: true }),
  /** The Word file (GB/T 9704); resolves to the saved file name. */
  document: (id: number) => download('GET', `/annual-reports/${id}/document`, { fallbackName: '法治政府建设年度报告.docx' }),
};
