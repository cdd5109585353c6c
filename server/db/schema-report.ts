import type { Generated } from 'kysely';

/** 法治政府建设年度报告 (migration 010-annual-reports). */
export type AnnualReportTable = {
  id: Generated<number>;
  org_id: number;
  year: number;
  state: string;
  /** The narrative: title, preamble, parts with subsections; figures appear as {{indicator.id}} references. */
  content_json: string;
  /** The figures as they stood when the report was signed (签发); null before. */
  figures_json: string | null;
  doc_number: string | null;
  signed_on: string | null;
  /** The portal item the report was published as. */
  item_id: number | null;
  published_on: string | null;
  submitted_by: number | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type AnnualReportEventTable = {
  id: Generated<number>;
  report_id: number;
  action: string;
  from_state: string;
  to_state: string;
  note: string | null;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
};

export type ReportTables = {
  annual_report: AnnualReportTable;
  annual_report_event: AnnualReportEventTable;
};
