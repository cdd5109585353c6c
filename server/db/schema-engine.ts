import type { Generated } from 'kysely';

/** Tables of the procedure engine (migration 003-engine). */
export type ProcCaseTable = {
  id: Generated<number>;
  procedure: string;
  table_version: string;
  case_no: string;
  title: string;
  state: string;
  org_id: number;
  handler_id: number | null;
  data_json: string;
  version: number;
  opened_on: string;
  closed_on: string | null;
  last_event_on: string;
  /** Soonest due date of the running clocks, for sorting lists and tasks. */
  next_due_on: string | null;
  /** Worst status of the case's clocks (overdue > due_soon > normal > paused > …). */
  clock_status: string;
  search_text: string;
  /** Canonical JSON of the procedure's facets (decision kind, channel …) that lists and indicators filter on. */
  facets_json: Generated<string>;
  /** The value of the procedure's lookup-key facet (ProcedureDefinition.lookupKey), indexed (migration 015). */
  lookup_key: Generated<string | null>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

export type CaseEventTable = {
  id: Generated<number>;
  case_id: number;
  seq: number;
  action: string;
  on_date: string;
  from_state: string | null;
  to_state: string;
  input_json: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
};

export type CaseClockTable = {
  case_id: number;
  clock_key: string;
  events_json: string;
  run: string;
  due_on: string | null;
  status: string;
  status_checked_on: string | null;
};

export type RecordLinkTable = {
  id: Generated<number>;
  from_type: string;
  from_id: number;
  relation: string;
  to_type: string;
  to_id: number;
  created_at: string;
};

export type AdminActTable = {
  id: Generated<number>;
  org_id: number;
  kind: string;
  title: string;
  doc_number: string | null;
  decided_on: string | null;
  summary: string | null;
  source_type: string | null;
  source_id: number | null;
  created_by: number | null;
  created_at: string;
};

export type MessageTable = {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
};

export type EngineTables = {
  proc_case: ProcCaseTable;
  case_event: CaseEventTable;
  case_clock: CaseClockTable;
  record_link: RecordLinkTable;
  admin_act: AdminActTable;
  message: MessageTable;
};
