import type { LocationQuery } from 'vue-router';
import type { CaseQuery } from '@/api/engine-types.ts';

/** The case list's filters as a link carries them (e.g. from an indicator: the records behind its figure). */
export type CaseListFilters = {
  query: Partial<CaseQuery> & { q: string };
  opened: [string, string] | null;
  closed: [string, string] | null;
};

const CLOCK_STATUSES = ['normal', 'due_soon', 'overdue', 'paused', 'stopped'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first == null || first === '' ? undefined : first;
}

function all(value: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === 'string' && v !== '');
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function range(from: string | undefined, to: string | undefined): [string, string] | null {
  return from && to && DATE.test(from) && DATE.test(to) ? [from, to] : null;
}

/** Reads the filters the server's list accepts from the page's query; unknown or malformed values are dropped. */
export function filtersFromRoute(q: LocationQuery): CaseListFilters {
  const clockStatus = one(q.clockStatus);
  const isOpen = one(q.isOpen);
  const sort = one(q.sort);
  const pageSize = positive(one(q.pageSize));
  const facet = all(q.facet);
  return {
    query: {
      q: one(q.q) ?? '',
      state: one(q.state),
      clockStatus: clockStatus && CLOCK_STATUSES.includes(clockStatus) ? clockStatus : undefined,
      isOpen: isOpen === 'true' ? true : isOpen === 'false' ? false : null,
      orgTree: positive(one(q.orgTree)) ?? null,
      facet: facet.length ? facet : undefined,
      ...(pageSize && [10, 20, 50, 100].includes(pageSize) ? { pageSize } : {}),
      ...(sort === 'due' || sort === 'opened' || sort === 'updated' ? { sort } : {}),
      ...(one(q.order) === 'desc' ? { order: 'desc' as const } : {}),
    },
    opened: range(one(q.openedFrom), one(q.openedTo)),
    closed: range(one(q.closedFrom), one(q.closedTo)),
  };
}
