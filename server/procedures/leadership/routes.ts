import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerPermissions } from '../../platform/access/permission-registry.ts';
import { ZIdParam } from '../../platform/http/paging.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { manageScope, readScope } from './access.ts';
import { lawReports, oaths, studySessions, trainings } from './registers.ts';
import {
  periodRule, ZListQuery, ZOathInput, ZOathUpdate, ZReportInput, ZReportUpdate, ZStudyInput, ZStudyUpdate,
  ZTrainingInput, ZTrainingUpdate, ZVoid, type ListQuery,
} from './schemas.ts';
import { createRecord, getRecord, listRecords, updateRecord, voidRecord, type RegisterSpec } from './store.ts';
import { GROUP, keysOf, MANAGE, READ, REPORT_FORMS, TRAINING_AUDIENCES } from './vocabulary.ts';

registerPermissions(GROUP, {
  [READ]: '查看会前学法、述法、宪法宣誓、学法培训记录',
  [MANAGE]: '登记、修改、作废会前学法、述法、宪法宣誓、学法培训记录',
});

type Schemas<Input> = {
  create: z.ZodType<Input>;
  update: z.ZodType<Input & { version: number }>;
  list: z.ZodType<ListQuery & Record<string, unknown>>;
};

/** The five routes every register has: list, one, create, update (version-checked) and void. No delete. */
function registerRoutes<Input extends { orgId: number; heldOn: string }, View>(app: FastifyInstance, spec: RegisterSpec<Input, View>, schemas: Schemas<Input>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { platform } = app;
  const tags = [GROUP];
  const base = `/api/leadership/${spec.path}`;

  r.get(base, { schema: { tags, summary: `${spec.title}列表（期间、单位含下级、关键字）`, querystring: schemas.list } }, async (request) => {
    const query = request.query;
    const filters = Object.fromEntries(Object.keys(spec.filterColumns).map((k) => [k, typeof query[k] === 'string' ? String(query[k]) : undefined]));
    return listRecords(platform.db, spec, await readScope(request), query, filters);
  });

  r.get(`${base}/:id`, { schema: { tags, summary: `${spec.title}详情`, params: ZIdParam } }, async (request) => {
    return getRecord(platform.db, spec, await readScope(request), request.params.id);
  });

  r.post(base, { schema: { tags, summary: `登记${spec.title}`, body: schemas.create } }, async (request, reply) => {
    // The body passed schemas.create, whose output is Input; the type provider cannot see that through the generic.
    const record = await createRecord(platform, actorOf(request), spec, await manageScope(request), request.body as Input);
    reply.status(201);
    return record;
  });

  r.put(`${base}/:id`, { schema: { tags, summary: `修改${spec.title}（带版本号）`, params: ZIdParam, body: schemas.update } }, async (request) => {
    return updateRecord(platform, actorOf(request), spec, await manageScope(request), request.params.id, request.body as Input & { version: number });
  });

  r.post(`${base}/:id/void`, { schema: { tags, summary: `作废${spec.title}（说明原因，记录保留）`, params: ZIdParam, body: ZVoid } }, async (request) => {
    return voidRecord(platform, actorOf(request), spec, await manageScope(request), request.params.id, request.body);
  });
}

const listOf = <S extends z.ZodRawShape>(shape: S) => ZListQuery.extend(shape).superRefine(periodRule);

/** /api/leadership/study-sessions, /law-reports, /oaths, /trainings. */
export async function leadershipRoutes(app: FastifyInstance): Promise<void> {
  registerRoutes(app, studySessions, { create: ZStudyInput, update: ZStudyUpdate, list: listOf({}) });
  registerRoutes(app, lawReports, { create: ZReportInput, update: ZReportUpdate, list: listOf({ form: z.enum(keysOf(REPORT_FORMS)).optional() }) });
  registerRoutes(app, oaths, { create: ZOathInput, update: ZOathUpdate, list: listOf({}) });
  registerRoutes(app, trainings, { create: ZTrainingInput, update: ZTrainingUpdate, list: listOf({ audience: z.enum(keysOf(TRAINING_AUDIENCES)).optional() }) });
}
