import type { Generated } from 'kysely';

/** Tables of 征求意见 (migration 007-consultation). */
export type ConsultationTable = {
  id: Generated<number>;
  org_id: number;
  title: string;
  description: string;
  /** [{no, text}]: the draft's articles, so comments can name the one they are about. */
  articles_json: string;
  opens_on: string;
  closes_on: string;
  /** draft → open → concluded (采纳情况说明 published); open ends by date, not by state. */
  state: string;
  subject_type: string | null;
  subject_id: string | null;
  summary: string | null;
  concluded_on: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type ConsultationCommentTable = {
  id: Generated<number>;
  consultation_id: number;
  article_no: number | null;
  author_name: string | null;
  contact_enc: string | null;
  content: string;
  ip_hash: string | null;
  created_at: string;
  /** pending | adopted 采纳 | partial 部分采纳 | rejected 不采纳 */
  decision: string;
  reason: string | null;
  handled_by: number | null;
  handled_at: string | null;
};

export type ConsultationTables = { consultation: ConsultationTable; consultation_comment: ConsultationCommentTable };
