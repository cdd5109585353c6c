import { download, http } from './client.ts';
import type { DisclosureReport } from './report-types.ts';

export type ReportDocumentInput = { year: number; org: number | null; problems: string; other: string };

export const disclosureReportApi = {
  get: (year: number, org: number | null) => http.get<DisclosureReport>('/reports/disclosure', { year, org }),
  /** Generates the Word file (GB/T 9704) and saves it; resolves to the file name. */
  document: ({ org, ...rest }: ReportDocumentInput) =>
    download('POST', '/reports/disclosure/document', { body: { ...rest, ...(org ? { org } : {}) }, isSilent: true, fallbackName: '政府信息公开工作年度报告.docx' }),
};
