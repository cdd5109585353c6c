import type { Generated } from 'kysely';

/** Administrators' and departments' data: entered figures (005-indicators), document wording (006-document-texts). */
export type EnteredFigureTable = {
  id: Generated<number>;
  indicator_id: string;
  org_id: number;
  year: number;
  value: number;
  source: string;
  note: string | null;
  file_id: number | null;
  /** submitted → approved | rejected (审核 by the rule-of-law office); a newer submission supersedes. */
  status: string;
  entered_by: number | null;
  entered_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
};

/** Migration 006-document-texts: an administrator's wording of a template passage (org_id null = all). */
export type DocumentTextTable = {
  id: Generated<number>;
  kind: string;
  slot: string;
  org_id: number | null;
  text: string;
  updated_at: string;
  updated_by: number | null;
};

export type IndicatorTables = { entered_figure: EnteredFigureTable; document_text: DocumentTextTable };
