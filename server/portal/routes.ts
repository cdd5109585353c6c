import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';
import { databaseRefusal } from '../platform/http/error-handler.ts';
import { registerPages } from './pages.ts';
import { registerRequestPages } from './request-pages.ts';
import { registerConsultationPages } from './consultation-pages.ts';
import { createPortalState, frameFor, type PortalState } from './state.ts';
import { handleTextSizeSwitch, render, sendHtml } from './view.ts';

const STYLESHEET = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets', 'portal.css'));
const MAX_FORM_BYTES = 32 * 1024;
const MAX_FIELD_CHARS = 5000;

/**
 * The public portal at `/` (issue 4): server-rendered HTML, no login, no JavaScript. Its own error pages,
 * form parsing and hooks stay inside this plugin; /api and /admin keep theirs.
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const state = createPortalState(app.platform);
  // Pages, not API: kept out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });

  // Public forms post application/x-www-form-urlencoded; only the first value of a name counts.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_request, body, done) => {
    const values: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(String(body))) {
      if (!Object.hasOwn(values, key)) values[key] = value.slice(0, MAX_FIELD_CHARS);
    }
    done(null, values);
  });

  app.addHook('onRequest', async (request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && handleTextSizeSwitch(request, reply)) return reply;
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => sendErrorPage(state, request, reply, error));

  app.addHook('onClose', async () => {
    await state.clicks.stop();
  });

  registerPages(app, state);
  registerRequestPages(app, state);
  registerConsultationPages(app, state);

  app.get('/portal-assets/portal.css', (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(STYLESHEET),
  );

  // Whatever else is asked for by GET: the portal's 404 page (the API keeps its JSON answer).
  app.get('/*', { config: { isPublic: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    throw new AppError('NOT_FOUND', '页面不存在');
  });
}

async function sendErrorPage(state: PortalState, request: FastifyRequest, reply: FastifyReply, error: FastifyError | AppError): Promise<FastifyReply> {
  // A value PostgreSQL refuses (an id beyond its integer columns) is a bad request, as on the API.
  const status = error instanceof AppError ? error.status : databaseRefusal(error) ? 400 : (error.statusCode ?? 500);
  let heading = '请求有误';
  let message = error instanceof AppError ? error.message : '请求格式不正确，请返回重试。';
  if (status === 404) [heading, message] = ['页面不存在', '您访问的页面不存在，或者该信息已撤回。'];
  else if (status === 413) [heading, message] = ['提交的内容过长', '请删减后重新提交。'];
  else if (status === 429) [heading, message] = ['访问过于频繁', '您的操作过于频繁，请稍后再试。'];
  else if (status >= 500) {
    request.log.error({ err: error }, 'portal page failed');
    [heading, message] = ['服务暂时不可用', '服务器出现错误，请稍后再试。'];
  }
  try {
    const html = render('error', await frameFor(state, request, heading, null), { heading, message });
    return sendHtml(reply, html, status, true);
  } catch (renderError) {
    request.log.error({ err: renderError }, 'portal error page failed');
    return reply.status(status).type('text/plain; charset=utf-8').send(`${heading}：${message}`);
  }
}
