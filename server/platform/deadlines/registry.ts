import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Principal, Scope } from '../access/scope.ts';

/**
 * Report deadlines (报告期限) from every module that owes a report by a date fixed in law or policy: the
 * disclosure annual report (政府信息公开条例第四十九条), the annual rule-of-law report, …. Each module registers a
 * source from its own folder; the platform lists them together (home page, 领导驾驶舱) without naming them.
 */
export type DeadlineItem = {
  sourceId: string;
  /** What is due, e.g. 县市场监督管理局2024年政府信息公开工作年度报告. */
  title: string;
  /** The organisation that owes it. */
  orgId: number;
  orgName: string;
  /** The year the report covers (报告年度); it falls due in a later year. */
  year: number;
  /** Last day, YYYY-MM-DD. */
  deadline: string;
  /** The rule that sets the date, e.g. 《政府信息公开条例》第四十九条. */
  basis: string;
  /** Submitted or published, whatever the source counts as done. */
  isDone: boolean;
  doneOn?: string | null;
  /** A short state note while not done, e.g. 已提交，审核中. */
  note?: string | null;
  /** Admin UI path (e.g. /disclosure/annual-report?year=2024) where the report is written or seen; null: none. */
  link: string | null;
};

export type DeadlineListContext = {
  db: Kysely<Database>;
  principal: Principal;
  /** The data scope of the source's permission. */
  scope: Scope;
  /** Organisations whose deadlines to list: the scope's, or only the caller's own (home page); null: every one. */
  orgIds: number[] | null;
  /** The report year (报告年度). */
  year: number;
  today: string;
};

export type DeadlineSource = {
  id: string;
  title: string;
  basis: string;
  /** Who may see the source's deadlines, and in which scope; indicator.read when absent (reports are figures). */
  permission?: string;
  list: (context: DeadlineListContext) => Promise<DeadlineItem[]>;
};

export const DEFAULT_DEADLINE_PERMISSION = 'indicator.read';

const sources = new Map<string, DeadlineSource>();

/** Registers (or, under the same id, replaces) a deadline source; modules call it when they load. */
export function defineDeadlineSource(source: DeadlineSource): DeadlineSource {
  sources.set(source.id, source);
  return source;
}

export function listDeadlineSources(): DeadlineSource[] {
  return [...sources.values()];
}
