import { download, http } from './client.ts';
import type { DisclosureReport } from './report-types.ts';

export type ReportDeadline = { orgId: number; orgName: string; year: number; deadline: string; daysLeft: number; itemId: number | null; itemState: string | null; publishedOn: string | null };

export type ReportDocumentInput = { year: number; org: number | null; problems: string; other: string };

export const disclosureReportApi = {
  deadlines: () => http.get<{ items: ReportDeadline[] }>('/reports/disclosure/deadlines', undefined, { isSilent: true }),
  get: (year: number, org: number | null) => http.get<DisclosureReport>('/reports/disclosure', { year, org }),
  /** Generates the Word file (GB/T 9704) and saves it; resolves to the file name. */
  document: ({ org, ...rest }: ReportDocumentInput) =>
    download('POST', '/reports/disclosure/document', { body: { ...rest, ...(org ? { org } : {}) }, isSilent: true, fallbackName: '政府信息公开工作年度报告.docx' }),
};
