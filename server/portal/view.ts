import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';

/**
 * Server-rendered pages: Eta templates in ./templates with automatic escaping of every `<%= %>`
 * interpolation. Only HTML made safe beforehand — sanitised item bodies and search snippets built
 * from escaped text — is written raw (`<%~ %>`), and each such place says so in its template.
 */
const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

const eta = new Eta({ views: TEMPLATES, autoEscape: true, cache: true, autoTrim: [false, 'nl'] });

export const TEXT_SIZE_COOKIE = 'fz_text';

export type TextSize = 'normal' | 'large';

export type Site = { name: string };

export type NavKey = 'home' | 'catalogue' | 'consultation' | 'request' | 'lookup' | 'search' | null;

/** What every page's layout needs besides its own content. */
export type PageFrame = {
  site: Site;
  title: string;
  nav: NavKey;
  textSize: TextSize;
  /** The current URL with the other text size chosen (大字版 / 标准版 switch). */
  textSizeUrl: string;
  /** The search box's current text. */
  q: string;
};

export function render(template: string, frame: PageFrame, data: Record<string, unknown>): string {
  return eta.render(template, { ...data, frame });
}

export function textSizeOf(request: FastifyRequest): TextSize {
  return request.cookies[TEXT_SIZE_COOKIE] === 'large' ? 'large' : 'normal';
}

/** The same path and query with size=large or size=normal, which the portal turns into a cookie. */
export function textSizeUrl(request: FastifyRequest, current: TextSize): string {
  const url = new URL(request.url, 'http://portal.invalid');
  url.searchParams.set('size', current === 'large' ? 'normal' : 'large');
  return `${url.pathname}${url.search}`;
}

/**
 * The larger-text switch without JavaScript: `?size=large|normal` on any page stores the choice in a
 * cookie and redirects to the same page without the parameter. Returns true when it answered.
 */
export function handleTextSizeSwitch(request: FastifyRequest, reply: FastifyReply): boolean {
  const url = new URL(request.url, 'http://portal.invalid');
  const size = url.searchParams.get('size');
  if (size !== 'large' && size !== 'normal') return false;
  url.searchParams.delete('size');
  reply.setCookie(TEXT_SIZE_COOKIE, size, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  void reply.redirect(`${url.pathname}${url.search}`, 303);
  return true;
}

/** An HTML page; `isPrivate` pages (forms, request status) are never stored by browsers or proxies. */
export function sendHtml(reply: FastifyReply, html: string, status = 200, isPrivate = false): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', isPrivate ? 'no-store' : 'no-cache')
    .header('Vary', 'Cookie')
    .send(html);
}

/** 1234567 → "1.2 MB"; for attachment lists. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Page numbers to show around the current one, with null for a gap. */
export function pagerOf(page: number, total: number, pageSize: number, hrefOf: (page: number) => string) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const links: ({ page: number; href: string; isCurrent: boolean } | null)[] = [];
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1] > 1) links.push(null);
    links.push({ page: p, href: hrefOf(p), isCurrent: p === page });
  });
  return {
    pages, links,
    prev: page > 1 ? hrefOf(page - 1) : null,
    next: page < pages ? hrefOf(page + 1) : null,
  };
}
