import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import type { Calendar } from '../calendar/calendar.ts';
import type { PeriodLimit } from '../calendar/deadline.ts';
import type { Actor, Platform } from '../context.ts';
import type { OfficialDocumentSpec } from '../documents/spec.ts';

/**
 * A legal procedure as data (DESIGN property 1): states, clocks and actions, each rule with the article
 * behind it. A lawyer reads the table; the engine, the API, the UI's buttons and the tests all walk it.
 */
export type ClockDefinition = {
  title: string;
  limit: PeriodLimit;
  basis: string;
  /**
   * A window for someone else to act (上诉期限, 申请期限), not the office's own duty: its end is 已届满, never
   * 超期 or 逾期办结.
   */
  isWindow?: boolean;
  /** What the law makes of the period running out while the case is still in these states (e.g. 视为受理). */
  onExpiry?: { inStates: readonly string[]; note: string; basis: string };
};

export type CaseData = Record<string, unknown>;

/**
 * What an action's callbacks may read: `calendar` lets a rule count working days (e.g. 听证通知五日前);
 * `settings` holds the values in force of every declared setting (locally set periods, thresholds).
 */
export type ActionContext<I> = { input: I; data: CaseData; on: string; state: string; calendar: Calendar; settings: SettingValues };

export type SettingValues = Readonly<Record<string, unknown>>;

/** What a procedure's own side effects get, inside the engine's transaction (e.g. recording the act reviewed). */
export type AfterApplyContext = {
  trx: Transaction<Database>;
  platform: Platform;
  caseId: number;
  orgId: number;
  actor: Actor;
  input: Record<string, unknown>;
  data: CaseData;
  on: string;
};

/** A clock effect is a bare verb, or a verb with a limit depending on the input (start/restart/extend). */
export type ClockEffect<I> =
  | 'start' | 'pause' | 'resume' | 'restart' | 'stop'
  | { kind: 'start' | 'restart' | 'extend'; limit: (ctx: ActionContext<I>) => PeriodLimit };

export type ActionDefinition<I = Record<string, unknown>> = {
  title: string;
  /** States the action may be taken from; empty for the action that opens a case. */
  from: readonly string[];
  /** The next state, fixed or depending on the input (e.g. a decision's kind). */
  to: string | ((ctx: ActionContext<I>) => string);
  permission: string;
  input: z.ZodType<I>;
  basis?: string;
  clocks?: Record<string, ClockEffect<I>>;
  /** Official documents issued by this action (keys of the procedure's documents). */
  documents?: readonly string[] | ((ctx: ActionContext<I>) => readonly string[]);
  /** A legal rule beyond the input's shape; returns a Chinese message (citing the article) when broken. */
  check?: (ctx: ActionContext<I>) => string | null;
  /** How the action changes the case data; by default the input is merged into it. */
  apply?: (ctx: ActionContext<I>) => CaseData;
  /** Whether the action makes sense for this case's data at all (e.g. a reply needs a letter first). */
  isAvailable?: (data: CaseData) => boolean;
  /** May be taken only once per case (e.g. 延长审理期限 once under 行政复议法第六十二条). */
  isOnce?: boolean;
  /** The input date that is the action's legal date (e.g. 收到申请之日 of a registration), or a rule deriving it. */
  onField?: string | ((input: I) => string);
  /** Writes beyond the case itself, in the same transaction; may return data to merge into the case. */
  afterApply?: (ctx: AfterApplyContext) => Promise<CaseData | void>;
};

/** A document the procedure issues; `build` fills the template from the case (see platform/documents). */
export type DocumentTemplate = {
  title: string;
  /** Numbered documents get a 发文字号 from the per-organisation, per-kind, per-year sequence. */
  numberKind?: string;
  /** Passages administrators may reword (文书模板管理), with their default wording; read in build via `text`. */
  texts?: Record<string, { title: string; text: string }>;
  build: (ctx: {
    data: CaseData; input: Record<string, unknown>; on: string; caseNo: string; orgName: string; docNumber: string | null;
    text: (slot: string) => string;
  }) => OfficialDocumentSpec;
};

export type ProcedureDefinition = {
  key: string;
  title: string;
  /** Version of the law the table implements; a case keeps the version it was opened under. */
  version: string;
  basis: string;
  states: Record<string, string>;
  finalStates: readonly string[];
  clocks: Record<string, ClockDefinition>;
  /** The action that opens a case (its `from` is empty). */
  createAction: string;
  actions: Record<string, ActionDefinition<never>>;
  documents?: Record<string, DocumentTemplate>;
  permissions: Record<string, string>;
  /** 案号 prefix, e.g. '示府复'; the number is issued from the case-number sequence per year. */
  caseNoKind: string;
  caseTitle: (data: CaseData) => string;
  /**
   * Named values lists and indicators filter on (e.g. decision: 'revoke', channel: 'petition'), so the
   * records behind every figure can be listed without knowing the shape of a procedure's data.
   */
  facets?: (ctx: { state: string; data: CaseData }) => Record<string, string | null | undefined>;
  /**
   * The facet that identifies a case from outside the platform — a committee ledger's 台账编号, a disclosure
   * request's 查询码 digest. Its value is also kept in the indexed `lookup_key` column, so finding cases by it
   * (findCasesByLookupKey) reads a few index entries instead of every case's facets.
   */
  lookupKey?: string;
  /** Text the free-text search of the case list matches. */
  searchText: (data: CaseData) => string;
};

/** Types an action's callbacks by its input schema while keeping the table's uniform shape. */
export function action<S extends z.ZodType>(definition: ActionDefinition<z.output<S>> & { input: S }): ActionDefinition<never> {
  return definition as unknown as ActionDefinition<never>;
}

/** Checks the table's own consistency when it is declared, so a mistake fails at start-up and in tests. */
export function defineProcedure<P extends ProcedureDefinition>(definition: P): P {
  const problems: string[] = [];
  const states = new Set(Object.keys(definition.states));
  const documents = new Set(Object.keys(definition.documents ?? {}));
  for (const s of definition.finalStates) if (!states.has(s)) problems.push(`final state ${s} is not a state`);
  const create = definition.actions[definition.createAction];
  if (!create) problems.push(`create action ${definition.createAction} is missing`);
  else if (create.from.length) problems.push(`create action ${definition.createAction} must have no from-states`);
  for (const [key, def] of Object.entries(definition.actions)) {
    for (const s of def.from) if (!states.has(s)) problems.push(`${key}: from-state ${s} is not a state`);
    if (typeof def.to === 'string' && !states.has(def.to)) problems.push(`${key}: to-state ${def.to} is not a state`);
    for (const clock of Object.keys(def.clocks ?? {})) if (!definition.clocks[clock]) problems.push(`${key}: clock ${clock} is not declared`);
    if (Array.isArray(def.documents)) for (const d of def.documents) if (!documents.has(d)) problems.push(`${key}: document ${d} is not declared`);
    if (!definition.permissions[def.permission]) problems.push(`${key}: permission ${def.permission} is not declared`);
    if (key !== definition.createAction && def.from.length === 0) problems.push(`${key}: only the create action may have no from-states`);
  }
  for (const [key, clock] of Object.entries(definition.clocks)) {
    for (const s of clock.onExpiry?.inStates ?? []) if (!states.has(s)) problems.push(`clock ${key}: expiry state ${s} is not a state`);
  }
  if (problems.length) throw new Error(`procedure ${definition.key} is inconsistent:\n${problems.join('\n')}`);
  return definition;
}
