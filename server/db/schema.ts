import type { Generated } from 'kysely';
import type { EngineTables } from './schema-engine.ts';
import type { IndicatorTables } from './schema-admin-data.ts';
import type { ConsultationTables } from './schema-consultation.ts';
import type { MediationTables } from './schema-mediation.ts';
import type { LeadershipTables } from './schema-leadership.ts';
import type { PublishingTables } from './schema-publishing.ts';
import type { ReportTables } from './schema-report.ts';

/** Timestamps are ISO-8601 UTC strings and dates 'YYYY-MM-DD' on both backends; booleans are 0/1; JSON is text. */
export type OrgKind = 'government' | 'department' | 'township' | 'office' | 'committee';

export type OrganizationTable = {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  short_name: string | null;
  kind: OrgKind;
  code: string;
  path: string;
  sort: number;
  is_enabled: number;
  created_at: string;
  updated_at: string;
};

export type UserTable = {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  phone_enc: string | null;
  phone_masked: string | null;
  is_enabled: number;
  must_change_password: number;
  failed_attempts: number;
  locked_until: string | null;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type UserOrgTable = { user_id: number; org_id: number };
export type UserRoleTable = { user_id: number; role_id: number };

export type RoleTable = {
  id: Generated<number>;
  key: string;
  name: string;
  description: string | null;
  permissions: string;
  data_scope: string;
  scope_org_ids: string;
  is_builtin: number;
  created_at: string;
  updated_at: string;
};

export type SessionTable = {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
};

export type LoginLogTable = {
  id: Generated<number>;
  at: string;
  username: string;
  user_id: number | null;
  ip: string | null;
  user_agent: string | null;
  result: string;
};

export type AuditLogTable = {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditHeadTable = { id: number; seq: number; hash: string };

export type DictTypeTable = {
  code: string;
  name: string;
  description: string | null;
  is_builtin: number;
};

export type DictItemTable = {
  id: Generated<number>;
  type_code: string;
  code: string;
  label: string;
  sort: number;
  is_enabled: number;
  remark: string | null;
};

export type SettingTable = { key: string; value_json: string; updated_at: string; updated_by: number | null };

export type CalendarDayTable = {
  date: string;
  is_workday: number;
  kind: string;
  name: string | null;
  source: string;
};

export type CalendarYearTable = { year: number; source: string; updated_at: string };

// ── Documents and files (migration 002): document numbers, generated documents, stored attachments ──

export type DocNumberSequenceTable = { org_id: number; kind: string; year: number; last_value: number };

export type DocNumberFormatTable = {
  id: Generated<number>;
  /** NULL: the default for every organisation without its own format. */
  org_id: number | null;
  kind: string;
  pattern: string;
  prefix: string;
  updated_at: string;
};

export type StoredFileTable = {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  /** Relative to the data dir: files/<aa>/<sha256>. */
  storage_path: string;
  created_by: number | null;
  created_at: string;
  subject_type: string | null;
  subject_id: string | null;
};

export type DocumentTable = {
  id: Generated<number>;
  kind: string;
  title: string;
  doc_number: string | null;
  org_id: number;
  subject_type: string | null;
  subject_id: string | null;
  file_id: number;
  created_by: number | null;
  created_at: string;
};

// ── end of documents and files ──

export type Database = EngineTables & PublishingTables & IndicatorTables & ConsultationTables & MediationTables & LeadershipTables & ReportTables & {
  organization: OrganizationTable;
  app_user: UserTable;
  user_org: UserOrgTable;
  user_role: UserRoleTable;
  role: RoleTable;
  session: SessionTable;
  login_log: LoginLogTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  dict_type: DictTypeTable;
  dict_item: DictItemTable;
  setting: SettingTable;
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
  doc_number_sequence: DocNumberSequenceTable;
  doc_number_format: DocNumberFormatTable;
  stored_file: StoredFileTable;
  document: DocumentTable;
};
