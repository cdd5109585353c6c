import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../errors.ts';
import { principalOf } from '../http/guards.ts';
import { hasPermission, scopeFor, subtreeOrgIds } from '../access/scope.ts';
import { settingDefinition } from '../settings/registry.ts';
import { getSetting } from '../settings/service.ts';
import { findIndicator, listIndicators, type IndicatorDefinition } from './registry.ts';

const ZQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  org: z.coerce.number().int().positive().optional(),
});

/** Indicators for a year and an organisation (with its subtree), within what the caller may see. */
export async function indicatorRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;
  const tags = ['指标'];

  const compute = async (definition: IndicatorDefinition, year: number, org: number | undefined, orgIds: number[] | null) => {
    const result = await definition.compute({
      db, from: `${year}-01-01`, to: `${year}-12-31`, orgIds,
      setting: async <T>(key: string) => {
        const setting = settingDefinition(key);
        if (!setting) throw new Error(`indicator ${definition.id} reads unknown setting ${key}`);
        return (await getSetting(db, setting)) as T;
      },
    });
    // The case list that shows exactly the records counted (same period, organisation subtree and facets).
    const records = result.records
      ? `/api/cases/${result.records.procedure}?${new URLSearchParams({ ...result.records.filter, ...(org ? { orgTree: String(org) } : {}), pageSize: '100' })}`
      : null;
    return { id: definition.id, title: definition.title, unit: definition.unit, group: definition.group, description: definition.description, source: 'computed', ...result, recordsUrl: records };
  };

  const scopeOf = async (principal: ReturnType<typeof principalOf>, org: number | undefined): Promise<number[] | null> => {
    if (!hasPermission(principal, 'indicator.read')) throw new AppError('FORBIDDEN', '没有查看指标的权限');
    const scope = await scopeFor(db, principal, 'indicator.read');
    if (org == null) return scope.isAll ? null : scope.orgIds;
    if (!scope.isAll && !scope.orgIds.includes(org)) throw notFound('组织');
    return subtreeOrgIds(db, [org]);
  };

  r.get('/api/indicators', { schema: { tags, summary: '全部指标（年度、组织范围）', querystring: ZQuery } }, async (request) => {
    const orgIds = await scopeOf(principalOf(request), request.query.org);
    const items = [];
    for (const definition of listIndicators()) items.push(await compute(definition, request.query.year, request.query.org, orgIds));
    return { year: request.query.year, org: request.query.org ?? null, items };
  });

  r.get('/api/indicators/:id', { schema: { tags, summary: '单项指标及其记录来源', params: z.object({ id: z.string().max(100) }), querystring: ZQuery } }, async (request) => {
    const definition = findIndicator(request.params.id);
    if (!definition) throw notFound('指标');
    const orgIds = await scopeOf(principalOf(request), request.query.org);
    return compute(definition, request.query.year, request.query.org, orgIds);
  });
}
