import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../errors.ts';
import { requireScope } from '../http/guards.ts';
import { subtreeOrgIds, type Scope } from '../access/scope.ts';
import { findIndicator, listIndicators } from './registry.ts';
import { evaluateIndicator, evaluateIndicators } from './evaluate.ts';

const ZQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  org: z.coerce.number().int().positive().optional(),
});

/** Indicators for a year and an organisation (with its subtree), within what the caller may see. */
export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;
  const tags = ['指标'];

  const orgIdsOf = async (scope: Scope, org: number | undefined): Promise<number[] | null> => {
    if (org == null) return scope.isAll ? null : scope.orgIds;
    if (!scope.isAll && !scope.orgIds.includes(org)) throw notFound('组织');
    const tree = await subtreeOrgIds(db, [org]);
    return scope.isAll ? tree : tree.filter((id) => scope.orgIds.includes(id));
  };

  r.get('/api/indicators', { schema: { tags, summary: '全部指标（年度、组织范围）', querystring: ZQuery } }, async (request) => {
    const { scope } = await requireScope(request, 'indicator.read');
    const orgIds = await orgIdsOf(scope, request.query.org);
    const items = await evaluateIndicators(db, listIndicators(), { year: request.query.year, org: request.query.org, orgIds });
    return { year: request.query.year, org: request.query.org ?? null, items };
  });

  r.get('/api/indicators/:id', { schema: { tags, summary: '单项指标及其记录来源', params: z.object({ id: z.string().max(100) }), querystring: ZQuery } }, async (request) => {
    const definition = findIndicator(request.params.id);
    if (!definition) throw notFound('指标');
    const { scope } = await requireScope(request, 'indicator.read');
    return evaluateIndicator(db, definition, { year: request.query.year, org: request.query.org, orgIds: await orgIdsOf(scope, request.query.org) });
  });
}
