import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { containsText } from '../../../db/like.ts';
import type { MediationCommitteeMemberTable, MediationCommitteeTable } from '../../../db/schema-mediation.ts';
import type { Scope } from '../../../platform/access/scope.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { offsetOf, type Page } from '../../../platform/http/paging.ts';
import { anchorsInScope, committeeAnchors, committeeVisibleTo, scopeIds } from './access.ts';
import type { ZCommitteeQuery } from './schemas.ts';
import { COMMITTEE_KINDS, dictLabels, FIELD_DICT, GENDERS, labelOf, MEMBER_ROLES } from './vocabulary.ts';
import { committeeWarnings, sittingMembers, type CommitteeWarning } from './warnings.ts';

type CommitteeRow = Selectable<MediationCommitteeTable> & {
  parent_org_name: string | null; org_name: string | null; township_org_name: string | null; guide_org_name: string | null;
};
type MemberRow = Selectable<MediationCommitteeMemberTable>;

function baseQuery(db: Db) {
  return db
    .selectFrom('mediation_committee as c')
    .leftJoin('organization as p', 'p.id', 'c.parent_org_id')
    .leftJoin('organization as o', 'o.id', 'c.org_id')
    .leftJoin('organization as t', 't.id', 'c.township_org_id')
    .leftJoin('organization as g', 'g.id', 'c.guide_org_id');
}

function withNames<Q extends ReturnType<typeof baseQuery>>(query: Q) {
  return query.selectAll('c').select(['p.name as parent_org_name', 'o.name as org_name', 't.name as township_org_name', 'g.name as guide_org_name']);
}

const memberFacts = (m: MemberRow) => ({ id: m.id, name: m.name, gender: m.gender, role: m.role, termStart: m.term_start, termEnd: m.term_end });

export type CommitteeSummary = ReturnType<typeof summaryOf>;

function summaryOf(row: CommitteeRow, members: MemberRow[], mediatorCount: number, fields: Map<string, string>, today: string) {
  const warnings: CommitteeWarning[] = committeeWarnings(members.map(memberFacts), today);
  return {
    id: row.id, name: row.name, kind: row.kind, kindLabel: labelOf(COMMITTEE_KINDS, row.kind),
    kindBasis: COMMITTEE_KINDS[row.kind as keyof typeof COMMITTEE_KINDS]?.basis ?? null,
    field: row.field, fieldLabel: row.field ? (fields.get(row.field) ?? row.field) : null,
    parentOrgId: row.parent_org_id, parentOrgName: row.parent_org_name, orgId: row.org_id, orgName: row.org_name,
    townshipOrgId: row.township_org_id, townshipOrgName: row.township_org_name, guideOrgId: row.guide_org_id, guideOrgName: row.guide_org_name,
    establishedOn: row.established_on, isActive: row.is_active === 1, remark: row.remark, version: row.version,
    memberCount: sittingMembers(members.map(memberFacts), today).length, mediatorCount, warnings,
  };
}

async function membersOf(db: Db, ids: number[]): Promise<Map<number, MemberRow[]>> {
  const byCommittee = new Map<number, MemberRow[]>();
  if (!ids.length) return byCommittee;
  const rows = await db.selectFrom('mediation_committee_member').selectAll().where('committee_id', 'in', ids).orderBy('committee_id').orderBy('sort').execute();
  for (const r of rows) byCommittee.set(r.committee_id, [...(byCommittee.get(r.committee_id) ?? []), r]);
  return byCommittee;
}

async function mediatorCounts(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('mediator').select(['committee_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('committee_id', 'in', ids).where('is_active', '=', 1).groupBy('committee_id').execute();
  return new Map(rows.map((r) => [r.committee_id, Number(r.n)]));
}

export async function listCommittees(db: Db, scope: Scope, query: z.output<typeof ZCommitteeQuery>): Promise<Page<CommitteeSummary>> {
  let q = baseQuery(db);
  const ids = scopeIds(scope);
  if (ids) q = q.where(committeeVisibleTo('c', ids));
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  if (query.field) q = q.where('c.field', '=', query.field);
  if (query.townshipOrgId) q = q.where('c.township_org_id', '=', query.townshipOrgId);
  if (query.isActive !== undefined) q = q.where('c.is_active', '=', query.isActive ? 1 : 0);
  if (query.q) q = q.where(containsText('c.name', query.q));
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await withNames(q).orderBy('c.township_org_id').orderBy('c.name').orderBy('c.id').limit(query.pageSize).offset(offsetOf(query)).execute();
  const pageIds = rows.map((r) => r.id);
  const [members, counts, fields] = await Promise.all([membersOf(db, pageIds), mediatorCounts(db, pageIds), dictLabels(db, FIELD_DICT)]);
  const today = todayInChina();
  return {
    items: rows.map((r) => summaryOf(r, members.get(r.id) ?? [], counts.get(r.id) ?? 0, fields, today)),
    total: Number(total), page: query.page, pageSize: query.pageSize,
  };
}

/** One committee within scope (else null): members with masked phones, its mediators and the warnings. */
export async function committeeDetail(db: Db, scope: Scope, id: number) {
  const row = await withNames(baseQuery(db)).where('c.id', '=', id).executeTakeFirst();
  if (!row || !anchorsInScope(scope, committeeAnchors(row))) return null;
  const [members, counts, fields] = await Promise.all([membersOf(db, [id]), mediatorCounts(db, [id]), dictLabels(db, FIELD_DICT)]);
  const own = members.get(id) ?? [];
  const today = todayInChina();
  const mediators = await db.selectFrom('mediator').select(['id', 'name', 'gender', 'employment', 'is_active']).where('committee_id', '=', id).orderBy('is_active', 'desc').orderBy('id').execute();
  return {
    ...summaryOf(row, own, counts.get(id) ?? 0, fields, today),
    members: own.map((m) => ({
      id: m.id, name: m.name, gender: m.gender, genderLabel: labelOf(GENDERS, m.gender), role: m.role, roleLabel: labelOf(MEMBER_ROLES, m.role),
      termStart: m.term_start, termEnd: m.term_end, isTermEnded: m.term_end < today, phoneMasked: m.phone_masked,
    })),
    mediators: mediators.map((m) => ({ id: m.id, name: m.name, gender: m.gender, employment: m.employment, isActive: m.is_active === 1 })),
  };
}
