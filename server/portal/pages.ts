import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { categoryLabel, loadCategories, type CategoryInfo } from '../platform/publishing/categories.ts';
import { loadAttachments, loadLinks } from '../platform/publishing/queries.ts';
import { searchDocuments } from '../platform/search/search.ts';
import { MAX_QUERY_CHARS } from '../platform/search/query.ts';
import { storedFilePath } from '../platform/files/store.ts';
import { contentDisposition } from '../platform/files/names.ts';
import { notFound } from '../platform/errors.ts';
import {
  catalogueItems, categoryCounts, latestByCategory, latestItems, publicAttachment, publishedItem, publishedItemsByIds, publishingOrgs,
  type PublicItem,
} from './public-queries.ts';
import { listConsultations } from '../platform/consultation/queries.ts';
import { consultationHref } from './consultation-pages.ts';
import { cachedPage, frameFor, type PortalState } from './state.ts';
import { formatSize, pagerOf, render, sendHtml } from './view.ts';

const CLICK_MARKER = '<!--fz:clicks-->';
const PAGE_SIZE = 20;

const ZPage = z.coerce.number().int().min(1).max(10_000).catch(1);
const ZCatalogue = z.object({ org: z.coerce.number().int().positive().optional().catch(undefined), category: z.string().max(40).optional().catch(undefined), page: ZPage });
const ZSearch = z.object({ q: z.string().catch('').transform((q) => q.trim().slice(0, MAX_QUERY_CHARS)), page: ZPage });
const ZItemParams = z.object({ id: z.coerce.number().int().positive() });
const ZFileParams = ZItemParams.extend({ fileId: z.coerce.number().int().positive() });

const itemHref = (id: number) => `/items/${id}`;
const listView = (item: PublicItem) => ({ href: itemHref(item.id), title: item.title, orgName: item.orgName, publishedOn: item.publishedOn });

function catalogueHref(orgId: number | null, category: string | null, page = 1): string {
  const params = new URLSearchParams();
  if (orgId) params.set('org', String(orgId));
  if (category) params.set('category', category);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/xxgk?${query}` : '/xxgk';
}

/** Home, catalogue, item, search and public attachments. Pages are cached briefly; item views are counted in batches. */
export function registerPages(app: FastifyInstance, state: PortalState): void {
  const { db } = state.platform;
  const enabledCategories = async () => (await loadCategories(db)).filter((c) => c.isEnabled);

  app.get('/', async (request, reply) => {
    const page = await cachedPage(state, request, async () => {
      const [categories, byCategory, latest, consultations] = await Promise.all([
        enabledCategories(), latestByCategory(db, 6), latestItems(db, 10), listConsultations(db, null, { page: 1, pageSize: 5 }, true),
      ]);
      const sections = categories
        .filter((c) => byCategory.has(c.code))
        .map((c) => ({ code: c.code, label: c.label, href: catalogueHref(null, c.code), items: byCategory.get(c.code)!.map(listView) }));
      const open = consultations.items
        .filter((c) => c.isAcceptingComments)
        .map((c) => ({ href: consultationHref(c.id), title: c.title, orgName: c.orgName ?? '', closesOn: c.closesOn }));
      return { html: render('home', await frameFor(state, request, '首页', 'home'), { latest: latest.map(listView), sections, consultations: open }) };
    });
    return sendHtml(reply, page.html);
  });

  app.get('/xxgk', async (request, reply) => {
    const query = ZCatalogue.parse(request.query);
    const page = await cachedPage(state, request, async () => {
      const [categories, orgs] = await Promise.all([enabledCategories(), publishingOrgs(db)]);
      const org = orgs.find((o) => o.id === query.org) ?? null;
      const category: CategoryInfo | null = categories.find((c) => c.code === query.category) ?? null;
      const [counts, list] = await Promise.all([
        categoryCounts(db, org?.id ?? null),
        catalogueItems(db, { orgId: org?.id ?? null, category: category?.code ?? null, page: query.page, pageSize: PAGE_SIZE }),
      ]);
      const heading = [org?.name, category?.label].filter(Boolean).join(' · ') || '政府信息公开目录';
      return {
        html: render('catalogue', await frameFor(state, request, heading, 'catalogue'), {
          heading,
          basis: category?.basis ?? null,
          orgs: [{ id: 0, name: '全部机构', count: orgs.reduce((n, o) => n + o.count, 0) }, ...orgs].map((o) => ({
            ...o, href: catalogueHref(o.id || null, category?.code ?? null), isCurrent: (org?.id ?? 0) === o.id,
          })),
          categories: categories.map((c) => ({
            label: c.label, count: counts.get(c.code) ?? 0, href: catalogueHref(org?.id ?? null, c.code === category?.code ? null : c.code), isCurrent: c.code === category?.code,
          })),
          items: list.items.map(listView),
          total: list.total,
          page: list.page,
          pager: pagerOf(list.page, list.total, PAGE_SIZE, (p) => catalogueHref(org?.id ?? null, category?.code ?? null, p)),
        }),
      };
    });
    return sendHtml(reply, page.html);
  });

  app.get('/items/:id', async (request, reply) => {
    const params = ZItemParams.safeParse(request.params);
    if (!params.success) throw notFound('信息');
    const id = params.data.id;
    const page = await cachedPage(state, request, async () => {
      const item = await publishedItem(db, id);
      if (!item) throw notFound('信息');
      const [categories, links, attachments] = await Promise.all([
        loadCategories(db), loadLinks(db, id, true), loadAttachments(db, id, (fileId) => `/items/${id}/files/${fileId}`),
      ]);
      const html = render('item', await frameFor(state, request, item.title, 'catalogue'), {
        item,
        clickMarker: CLICK_MARKER,
        categoryLabel: categoryLabel(categories, item.category),
        categoryHref: catalogueHref(null, item.category),
        attachments: attachments.map((a) => ({ href: a.url, name: a.name, size: formatSize(a.size) })),
        interpretedBy: links.interpretedBy.map((l) => ({ href: itemHref(l.id), title: l.title })),
        interprets: links.interprets.map((l) => ({ href: itemHref(l.id), title: l.title })),
      });
      return { html, itemId: id, storedClicks: item.clickCount };
    });
    const clicks = request.method === 'HEAD' ? (page.storedClicks ?? 0) : state.clicks.hit(id, page.storedClicks ?? 0);
    return sendHtml(reply, page.html.replace(CLICK_MARKER, String(clicks)));
  });

  app.get('/items/:id/files/:fileId', async (request, reply) => {
    const params = ZFileParams.safeParse(request.params);
    const file = params.success ? await publicAttachment(db, params.data.id, params.data.fileId) : undefined;
    if (!file) throw notFound('附件');
    const full = await storedFilePath(state.platform, file);
    return reply
      .header('Content-Type', file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', contentDisposition(file.original_name))
      .header('Cache-Control', 'public, max-age=300')
      .send(fs.createReadStream(full));
  });

  app.get('/search', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { q, page: pageNo } = ZSearch.parse(request.query);
    const page = await cachedPage(state, request, async () => {
      const frame = await frameFor(state, request, q ? `搜索：${q}` : '搜索', 'search', q);
      if (!q) return { html: render('search', frame, { q, results: [], total: 0 }) };
      const result = await searchDocuments(db, state.platform.dialect, { q, subjectType: 'item', page: pageNo, pageSize: 10 });
      const items = await publishedItemsByIds(db, result.items.map((h) => h.subjectId));
      const results = result.items.flatMap((hit) => {
        const item = items.get(hit.subjectId);
        return item ? [{ href: itemHref(item.id), titleHtml: hit.titleHtml, snippetHtml: hit.snippetHtml, source: item.source, publishedOn: item.publishedOn }] : [];
      });
      const hrefOf = (p: number) => `/search?${new URLSearchParams({ q, ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
      return {
        html: render('search', frame, {
          q, results, total: result.total, isCapped: result.isCapped, start: (pageNo - 1) * 10 + 1, pager: pagerOf(pageNo, result.total, 10, hrefOf),
        }),
      };
    });
    return sendHtml(reply, page.html);
  });
}
