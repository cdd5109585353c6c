import type { Generated } from 'kysely';

/** Tables of the indicators module (migration 005-indicators). */
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

export type IndicatorTables = { entered_figure: EnteredFigureTable };
