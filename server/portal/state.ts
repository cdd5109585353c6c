import type { FastifyRequest } from 'fastify';
import type { Platform } from '../platform/context.ts';
import { publishingVersion } from '../platform/publishing/changes.ts';
import { createClickCounter, type ClickCounter } from './click-counter.ts';
import { createFormTokens, type FormTokens } from './form-token.ts';
import { createPageCache, type PageCache } from './page-cache.ts';
import { siteName } from './public-queries.ts';
import { textSizeOf, textSizeUrl, type NavKey, type PageFrame } from './view.ts';

export type CachedPage = { html: string; itemId?: number; storedClicks?: number };

/** Everything one portal instance keeps between requests. */
export type PortalState = {
  platform: Platform;
  cache: PageCache<CachedPage>;
  clicks: ClickCounter;
  tokens: FormTokens;
  /** The site's name (the root organisation's), re-read after PAGE_TTL_MS. */
  site: { name: string; expires: number } | null;
};

const states = new WeakMap<Platform, PortalState>();

export const PAGE_TTL_MS = 30_000;

export function createPortalState(platform: Platform, options: { clickFlushMs?: number } = {}): PortalState {
  const state: PortalState = {
    platform,
    cache: createPageCache<CachedPage>({ ttlMs: PAGE_TTL_MS, maxEntries: 500 }),
    clicks: createClickCounter(platform, { intervalMs: options.clickFlushMs }),
    tokens: createFormTokens(platform.cipher),
    site: null,
  };
  states.set(platform, state);
  return state;
}

/** The portal running on a platform (tests flush its click counter through this). */
export function portalStateOf(platform: Platform): PortalState | undefined {
  return states.get(platform);
}

export async function frameFor(state: PortalState, request: FastifyRequest, title: string, nav: NavKey, q = ''): Promise<PageFrame> {
  const textSize = textSizeOf(request);
  if (!state.site || state.site.expires <= Date.now()) state.site = { name: await siteName(state.platform.db), expires: Date.now() + PAGE_TTL_MS };
  return { site: { name: state.site.name }, title, nav, textSize, textSizeUrl: textSizeUrl(request, textSize), q };
}

/** A page from the cache, or rendered and kept; keyed by URL and text size, dropped when anything is published. */
export async function cachedPage(state: PortalState, request: FastifyRequest, renderPage: () => Promise<CachedPage>): Promise<CachedPage> {
  const key = `${textSizeOf(request)}|${request.url}`;
  const version = publishingVersion(state.platform);
  const hit = state.cache.get(key, version);
  if (hit) return hit;
  const page = await renderPage();
  state.cache.set(key, version, page);
  return page;
}
