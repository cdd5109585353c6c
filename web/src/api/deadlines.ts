import { http } from './client.ts';

/** 报告期限 (GET /api/deadlines, server/platform/deadlines): every module's report deadlines the user may see. */
export type DeadlineStatus = 'done' | 'pending' | 'due_soon' | 'overdue';

export type Deadline = {
  sourceId: string;
  title: string;
  orgId: number;
  orgName: string;
  /** The year the report covers (报告年度). */
  year: number;
  deadline: string;
  basis: string;
  isDone: boolean;
  doneOn: string | null;
  note: string | null;
  /** Admin route path where the report is written or seen. */
  link: string | null;
  daysLeft: number;
  status: DeadlineStatus;
  statusLabel: string;
};

export type DeadlineList = { year: number; today: string; nearDays: number; items: Deadline[] };

export const deadlineApi = {
  /** year: the report year (default last year); mine: only the user's own organisations. */
  list: (query: { year?: number; mine?: boolean } = {}) =>
    http.get<DeadlineList>('/deadlines', { year: query.year, mine: query.mine ? 'true' : undefined }, { isSilent: true }),
};
