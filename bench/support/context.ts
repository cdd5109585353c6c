import type { Platform } from '../../server/platform/context.ts';
import type { Child } from './children.ts';
import type { Manifest, Target } from './target.ts';

export type Size = 'tiny' | 'county' | 'province';

/** How long and how hard each size runs. Tiny keeps CI's run under a minute; the others are the runs. */
export type SizeConfig = {
  /** Seconds of each measured load run, and of the unmeasured warm-up before it. */
  loadSeconds: number;
  warmSeconds: number;
  connections: number;
  writers: number;
  actionSeconds: number;
  importRows: number;
  /** Timed repetitions of the indicator and report computations (the median is reported). */
  repeats: number;
  /** Seconds to leave the freshly started server alone (start-up clock watch) before measuring. */
  settleSeconds: number;
};

export const SIZES: Record<Size, SizeConfig> = {
  tiny: { loadSeconds: 1, warmSeconds: 0.3, connections: 32, writers: 8, actionSeconds: 1, importRows: 1000, repeats: 2, settleSeconds: 0.5 },
  county: { loadSeconds: 20, warmSeconds: 5, connections: 32, writers: 8, actionSeconds: 20, importRows: 100_000, repeats: 5, settleSeconds: 10 },
  province: { loadSeconds: 30, warmSeconds: 5, connections: 32, writers: 8, actionSeconds: 30, importRows: 100_000, repeats: 5, settleSeconds: 30 },
};

/** A session of `admin` on the real server. */
export type Session = { cookie: string; csrfToken: string };

export type BenchContext = {
  size: Size;
  config: SizeConfig;
  target: Target;
  /** The runner's own platform on the same database (captures, in-process benchmarks). */
  platform: Platform;
  manifest: Manifest;
  server: Child;
  baseline: Child;
  session: Session;
  adminUserId: number;
  tmpDir: string;
  /** Print EXPLAIN of the statements behind each HTTP benchmark. */
  isExplaining: boolean;
  log: (line: string) => void;
};

/** One line of the results table. `ratio` is the figure over its in-run baseline (see docs/PERFORMANCE.md). */
export type BenchRow = {
  benchmark: string;
  figure: string;
  target: string;
  baseline: string;
  ratio: number | null;
  isPass: boolean | null;
};

export async function postJson(url: string, body: unknown, session?: Session): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}) },
    body: JSON.stringify(body),
  });
}

/** Where load goes: the real server, or the bare baseline server (with the probe that tells it has caught up). */
export const onServer = (ctx: BenchContext) => ({ baseUrl: ctx.server.url, probePath: '/api/health' });
export const onBaseline = (ctx: BenchContext) => ({ baseUrl: ctx.baseline.url, probePath: '/health' });

/** Hands a captured query set to the baseline server. */
export async function registerBaseline(ctx: BenchContext, name: string, variants: unknown[][], marker?: unknown): Promise<void> {
  const answer = await postJson(`${ctx.baseline.url}/sets`, { name, variants, marker });
  if (!answer.ok) throw new Error(`baseline server refused query set ${name}: ${answer.status}`);
}

export async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const answer = await postJson(`${baseUrl}/api/auth/login`, { username, password });
  if (!answer.ok) throw new Error(`login as ${username} failed: ${answer.status} ${await answer.text()}`);
  const body = (await answer.json()) as { csrfToken: string };
  const cookie = answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrfToken: body.csrfToken };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}
