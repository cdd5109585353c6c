import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../errors.ts';
import { hasPermission, scopeFor, scopeIncludesOrg } from '../access/scope.ts';
import { principalOf } from '../http/guards.ts';
import { ZIdParam } from '../http/paging.ts';
import { findProcedure } from './registry.ts';

/**
 * 行政行为 page: the act and every case pointing to it. Visible to whoever may read one of those cases,
 * and each case is listed only when the caller may read it (out of scope reads as absent).
 */
export async function actRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;

  r.get('/api/acts/:id', { schema: { tags: ['办案'], summary: '行政行为及其复议、诉讼案件', params: ZIdParam } }, async (request) => {
    const principal = principalOf(request);
    const act = await db
      .selectFrom('admin_act')
      .leftJoin('organization', 'organization.id', 'admin_act.org_id')
      .selectAll('admin_act')
      .select('organization.name as org_name')
      .where('admin_act.id', '=', request.params.id)
      .executeTakeFirst();
    if (!act) throw notFound('行政行为');
    const linked = await db
      .selectFrom('record_link')
      .innerJoin('proc_case', 'proc_case.id', 'record_link.from_id')
      .select(['proc_case.id', 'proc_case.procedure', 'proc_case.case_no', 'proc_case.title', 'proc_case.state', 'proc_case.org_id', 'record_link.relation'])
      .where('record_link.from_type', '=', 'case')
      .where('record_link.to_type', '=', 'act')
      .where('record_link.to_id', '=', act.id)
      .orderBy('proc_case.id')
      .execute();
    const cases = [];
    for (const c of linked) {
      const procedure = findProcedure(c.procedure);
      const permission = `${c.procedure}.read`;
      if (!procedure || !hasPermission(principal, permission)) continue;
      if (!scopeIncludesOrg(await scopeFor(db, principal, permission), c.org_id)) continue;
      cases.push({
        procedure: c.procedure, procedureTitle: procedure.title, id: c.id, caseNo: c.case_no, title: c.title,
        state: c.state, stateTitle: procedure.states[c.state] ?? c.state, relation: c.relation,
      });
    }
    const isOwnOrgVisible = scopeIncludesOrg(await scopeFor(db, principal, 'org.read'), act.org_id) && hasPermission(principal, 'org.read');
    if (cases.length === 0 && !isOwnOrgVisible) throw notFound('行政行为');
    return {
      id: act.id, orgId: act.org_id, orgName: act.org_name, kind: act.kind, title: act.title, docNumber: act.doc_number,
      decidedOn: act.decided_on, summary: act.summary, createdAt: act.created_at, cases,
    };
  });
}
