import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from './platform/context.ts';
import { frameworkErrors, installErrorHandler } from './platform/http/error-handler.ts';
import { installAuthHook } from './platform/http/auth-hook.ts';
import { installInputGuard } from './platform/http/input-guard.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { orgRoutes } from './platform/orgs/routes.ts';
import { userRoutes } from './platform/users/routes.ts';
import { roleRoutes } from './platform/roles/routes.ts';
import { dictRoutes } from './platform/dicts/routes.ts';
import { settingRoutes } from './platform/settings/routes.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import { engineRoutes } from './platform/engine/routes.ts';
import { fileRoutes } from './platform/files/routes.ts';
import { documentRoutes } from './platform/documents/routes.ts';
import { docNumberRoutes } from './platform/numbering/routes.ts';
import { actRoutes } from './platform/engine/acts-routes.ts';
import { messageRoutes } from './platform/engine/messages.ts';
import { indicatorRoutes } from './platform/indicators/routes.ts';
import { itemRoutes } from './platform/publishing/routes.ts';
import { portalRoutes } from './portal/routes.ts';
import { enteredFigureRoutes } from './platform/indicators/entered-routes.ts';
import { procedureRoutes } from './procedures/index.ts';
import { documentTemplateRoutes } from './platform/documents/template-routes.ts';
import { consultationRoutes } from './platform/consultation/routes.ts';
import { reportRoutes } from './report/routes.ts';
import { deadlineRoutes } from './platform/deadlines/routes.ts';
import { dashboardRoutes } from './platform/dashboard/routes.ts';

z.config(z.locales.zhCN());

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export type AppOptions = { trustProxy?: boolean; serveUi?: boolean };

/** Builds the HTTP application on a ready platform; listening is the caller's business (main.ts, tests). */
export async function buildApp(platform: Platform, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors,
  });
  app.decorate('platform', platform);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Element Plus sets inline styles; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Fazhi 法治政府建设工作平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  installAuthHook(app);
  installInputGuard(app);

  app.get('/api/health', { config: { isPublic: true }, schema: { tags: ['系统'], summary: '健康检查' } }, async () => {
    await platform.db.selectFrom('audit_head').select('id').limit(1).execute();
    return { status: 'ok', database: platform.dialect };
  });

  for (const routes of [authRoutes, orgRoutes, userRoutes, roleRoutes, dictRoutes, settingRoutes, auditRoutes, calendarRoutes, engineRoutes, actRoutes, messageRoutes, indicatorRoutes, enteredFigureRoutes, procedureRoutes, documentTemplateRoutes, consultationRoutes,
    deadlineRoutes, dashboardRoutes,
    fileRoutes, documentRoutes, docNumberRoutes, itemRoutes, portalRoutes, reportRoutes]) {
    await app.register(routes);
  }

  if (options.serveUi !== false) await serveAdminUi(app);
  return app;
}

/** The Vue admin SPA lives at /admin/; `/` is the public portal's (server/portal). */
async function serveAdminUi(app: FastifyInstance): Promise<void> {
  const hasBuild = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/admin/', wildcard: false, index: ['index.html'] });
    // Client-side routes get the SPA; a missing asset (e.g. a stale tab after a rebuild) is a real 404.
    app.get('/admin/*', { config: { isPublic: true }, schema: { hide: true } }, (request, reply) => {
      if (/\.[a-z0-9]+$/i.test(request.url.split('?')[0])) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: '文件不存在（界面已更新时请刷新页面）' });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.get('/admin/*', { schema: { hide: true } }, (_request, reply) =>
      reply.status(503).type('text/plain; charset=utf-8').send('管理界面尚未构建：请运行 npm run build:ui'),
    );
  }
  app.get('/admin', { schema: { hide: true } }, (_request, reply) => reply.redirect('/admin/'));
}
