/** Shapes of the procedure engine's API (server/platform/engine): procedure tables, cases, clocks, tasks. */

/** A JSON Schema node as z.toJSONSchema writes it (io: 'input'); only the keywords the form generator reads. */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  const?: string | number | boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  title?: string;
  description?: string;
  anyOf?: JsonSchema[];
};

export type ProcedureSummary = { key: string; title: string; version: string; basis: string };

export type PeriodLimit = { unit: 'days' | 'workingDays'; count: number };

export type ProcedureState = { key: string; title: string; isFinal: boolean };

export type ProcedureClock = {
  key: string;
  title: string;
  limit: PeriodLimit;
  limitText: string;
  basis: string;
  onExpiry: { inStates: string[]; note: string; basis: string } | null;
};

export type ClockEffectKind = 'start' | 'pause' | 'resume' | 'restart' | 'extend' | 'stop';

export type ProcedureAction = {
  key: string;
  title: string;
  from: string[];
  /** null: the next state depends on the case (e.g. stays where it is). */
  to: string[] | null;
  permission: string;
  basis: string | null;
  isOnce: boolean;
  clocks: Record<string, ClockEffectKind>;
  documents: string[];
  inputSchema: JsonSchema;
  /** An input date that is the action's legal date (e.g. receivedOn of a registration); then no separate 办理日期. */
  onField?: string | null;
};

export type ProcedureDocument = { key: string; title: string; isNumbered: boolean };

export type ProcedureTable = ProcedureSummary & {
  createAction: string;
  states: ProcedureState[];
  clocks: ProcedureClock[];
  actions: ProcedureAction[];
  documents: ProcedureDocument[];
  permissions: Record<string, string>;
};

export type ClockStatus = 'idle' | 'normal' | 'due_soon' | 'overdue' | 'paused' | 'stopped' | 'unknown';

export type CaseSummary = {
  id: number;
  procedure: string;
  caseNo: string;
  title: string;
  state: string;
  stateTitle: string;
  orgId: number;
  orgName: string | null;
  version: number;
  openedOn: string;
  closedOn: string | null;
  nextDueOn: string | null;
  clockStatus: ClockStatus;
  clockStatusLabel: string;
  updatedAt: string;
};

export type CaseEvent = {
  seq: number;
  action: string;
  title: string;
  on: string;
  fromState: string | null;
  toState: string;
  toStateTitle: string;
  input: Record<string, unknown>;
  actorName: string | null;
  at: string;
};

export type CaseClock = {
  key: string;
  title: string;
  basis: string;
  limit: PeriodLimit;
  limitText: string;
  run: 'idle' | 'running' | 'paused' | 'stopped';
  startedOn: string | null;
  dueOn: string | null;
  pausedOn: string | null;
  stoppedOn: string | null;
  /** Days (of the limit's unit) left when paused. */
  remaining: number | null;
  status: ClockStatus;
  statusLabel: string;
  isLate: boolean;
  calendarProblem: string | null;
  expiryNote: { note: string; basis: string } | null;
};

export type CaseDocument = { id: number; kind: string; title: string; docNumber: string | null; createdAt: string; url: string };

export type RecordLink = { id?: number; relation: string; fromType: string; fromId: number; toType: string; toId: number };

export type Ability = { key: string; title: string; basis: string | null };

export type CaseDetail = CaseSummary & {
  fields: Record<string, unknown>;
  events: CaseEvent[];
  clocks: CaseClock[];
  documents: CaseDocument[];
  attachments: CaseAttachment[];
  links: RecordLink[];
  abilities: Ability[];
};

export type CaseQuery = {
  page: number;
  pageSize: number;
  state?: string;
  orgId?: number | null;
  /** The organisation and all below it. */
  orgTree?: number | null;
  clockStatus?: string;
  openedFrom?: string;
  openedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  /** 'name:value' pairs the case's facets must all match (the records behind an indicator). */
  facet?: string[];
  q?: string;
  isOpen?: boolean | null;
  sort?: 'due' | 'opened' | 'updated';
  order?: 'asc' | 'desc';
};

export type TaskItem = CaseSummary & { procedureTitle: string };

export type ActCase = { procedure: string; procedureTitle: string; id: number; caseNo: string; title: string; state: string; stateTitle: string; relation: string };

export type AdministrativeAct = {
  id: number;
  orgId: number;
  orgName: string | null;
  kind: string;
  title: string;
  docNumber: string | null;
  decidedOn: string | null;
  summary?: string | null;
  createdAt?: string;
  cases: ActCase[];
};

export type Message = { id: number; kind: string; title: string; body: string | null; link: string | null; createdAt: string; readAt: string | null };

export type CaseAttachment = { id: number; name: string; size: number; mime: string; createdAt: string; url: string };
