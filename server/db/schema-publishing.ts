import type { Generated } from 'kysely';

/** Tables of proactive disclosure (主动公开) and the full-text index (migration 004-publishing). */
export type InfoItemTable = {
  id: Generated<number>;
  org_id: number;
  /** Code of the info_category dictionary (政府信息公开目录类别). */
  category: string;
  title: string;
  doc_number: string | null;
  /** Sanitised rich text, safe to serve as is. */
  body_html: string;
  /** Plain text of body_html, for search and snippets. */
  body_text: string;
  /** 形成日期, or 变更日期 when is_change = 1 (条例第二十六条). */
  formed_on: string;
  is_change: number;
  /** 来源 shown on the portal; the organisation's name unless given. */
  source: string;
  /** draft | submitted | scheduled | published | withdrawn */
  state: string;
  /** The publication time asked for (scheduled publication), ISO UTC. */
  publish_at: string | null;
  published_at: string | null;
  /** Legal date of publication (China time), compared with due_on. */
  published_on: string | null;
  /** formed_on + 20 working days on the calendar (条例第二十六条). */
  due_on: string;
  reject_reason: string | null;
  withdraw_reason: string | null;
  withdrawn_at: string | null;
  click_count: number;
  version: number;
  created_by: number | null;
  submitted_by: number | null;
  reviewed_by: number | null;
  created_at: string;
  updated_at: string;
};

export type InfoItemAttachmentTable = {
  item_id: number;
  file_id: number;
  sort: number;
};

/**
 * One searchable published record of any kind. The tokens live beside it: an FTS5 table `search_fts`
 * (rowid = id) on SQLite, a `tsv` tsvector column with a GIN index on PostgreSQL; neither is typed here.
 */
export type SearchEntryTable = {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  org_id: number | null;
  kind: string | null;
  title: string;
  body_text: string;
  published_at: string;
};

export type PublishingTables = {
  info_item: InfoItemTable;
  info_item_attachment: InfoItemAttachmentTable;
  search_entry: SearchEntryTable;
};
