import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createFieldCipher } from '../platform/crypto/field-cipher.ts';
import { TEST_SECRET_KEY } from '../../test/support/platform.ts';
import { createFormTokens } from './form-token.ts';
import { createPageCache } from './page-cache.ts';
import { pagerOf } from './view.ts';

describe('the page cache', () => {
  it('serves an entry until it expires or anything is published', () => {
    let now = 0;
    const cache = createPageCache<string>({ ttlMs: 1000, maxEntries: 10, now: () => now });
    cache.set('/', 1, 'home');
    expect(cache.get('/', 1)).toBe('home');
    expect(cache.get('/', 2)).toBeUndefined();
    cache.set('/', 2, 'home v2');
    now = 999;
    expect(cache.get('/', 2)).toBe('home v2');
    now = 1000;
    expect(cache.get('/', 2)).toBeUndefined();
  });

  it('drops the oldest entries when full', () => {
    const cache = createPageCache<number>({ ttlMs: 1000, maxEntries: 2 });
    cache.set('a', 0, 1);
    cache.set('b', 0, 2);
    cache.set('c', 0, 3);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([undefined, 2, 3]);
    expect(cache.size).toBe(2);
  });
});

describe('public form tokens', () => {
  const tokens = createFormTokens(createFieldCipher(TEST_SECRET_KEY));
  const requestWith = (nonce: string | undefined) => ({ cookies: nonce ? { fz_form: nonce } : {} }) as unknown as FastifyRequest;
  const nonce = 'abcdefghijklmnopqrstuv';

  it('accepts a token only with the cookie it was made for and for its own form', () => {
    const token = tokens.issue(nonce, 'lookup', 1_000_000);
    expect(tokens.take(requestWith(nonce), 'lookup', token, { now: 1_000_500 })).toBe('ok');
    expect(tokens.take(requestWith('zzzzzzzzzzzzzzzzzzzzzz'), 'lookup', token, { now: 1_000_500 })).toBe('missing');
    expect(tokens.take(requestWith(undefined), 'lookup', token, { now: 1_000_500 })).toBe('missing');
    expect(tokens.take(requestWith(nonce), 'request', token, { now: 1_000_500 })).toBe('missing');
    expect(tokens.take(requestWith(nonce), 'lookup', `${token}0`, { now: 1_000_500 })).toBe('missing');
    expect(tokens.take(requestWith(nonce), 'lookup', token.replace(/^\d+/, '1000001'), { now: 1_000_500 })).toBe('missing');
  });

  it('expires after two hours and takes a single-use token once', () => {
    const token = tokens.issue(nonce, 'request', 0);
    expect(tokens.take(requestWith(nonce), 'request', token, { now: 2 * 3_600_000 + 1 })).toBe('expired');
    expect(tokens.take(requestWith(nonce), 'request', token, { isSingleUse: true, now: 10 })).toBe('ok');
    expect(tokens.take(requestWith(nonce), 'request', token, { isSingleUse: true, now: 20 })).toBe('used');
  });
});

describe('the pager', () => {
  it('shows the first, last and nearby pages with gaps', () => {
    const pager = pagerOf(10, 400, 20, (p) => `?page=${p}`);
    expect(pager.links.map((l) => l?.page ?? null)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pager).toMatchObject({ pages: 20, prev: '?page=9', next: '?page=11' });
    expect(pagerOf(1, 0, 20, String).pages).toBe(1);
  });
});
