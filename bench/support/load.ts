import autocannon from 'autocannon';

/** What one load run measured. Latencies are every response's own time, so p95 is exact (autocannon's histogram has none). */
export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers. */
  failures: number;
  /** Requests still waiting when the run ended (at most one per connection when the server keeps up). */
  unfinished: number;
  statuses: Record<string, number>;
};

export type LoadOptions = {
  baseUrl: string;
  connections: number;
  seconds: number;
  /** The path of the n-th request (round robin over the variants, a cache-busting nonce …). */
  pathOf: (n: number) => string;
  headers?: Record<string, string> | ((n: number) => Record<string, string>);
  /** A cheap path that touches the database: polled after a run until the server has worked off what was left queued. */
  probePath: string;
};

/** Keeps `connections` requests in flight for `seconds` (autocannon), with a fresh path per request. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [{
      setupRequest: (request) => {
        n += 1;
        const headers = typeof options.headers === 'function' ? options.headers(n) : options.headers;
        return { ...request, method: 'GET', path: options.pathOf(n), headers: { ...request.headers, ...headers } };
      },
    }],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]));
  return {
    requests: latencies.length,
    seconds: result.duration,
    rps: latencies.length / result.duration,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    failures: result.errors + result.non2xx,
    unfinished: Math.max(0, Number((result.requests as { sent?: number }).sent ?? 0) - latencies.length),
    statuses,
  };
}

/**
 * autocannon stops without waiting for the requests in flight; a slow server still has them queued (SQLite serialises
 * their statements on one connection), so the next run would start behind them. Probes until one comes back quickly:
 * a single probe is not enough, as it queues between the first and second statements of the waiting requests.
 */
async function drain(options: LoadOptions): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    const isOk = await fetch(`${options.baseUrl}${options.probePath}`, { signal: AbortSignal.timeout(600_000) }).then((r) => r.text()).then(() => true, () => false);
    if (isOk && performance.now() - started < 250) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A short unmeasured run first, so both servers are measured warm (JIT, statement and page caches). */
export async function warmAndRun(options: LoadOptions, warmSeconds: number): Promise<LoadResult> {
  if (warmSeconds > 0) {
    await runLoad({ ...options, seconds: warmSeconds });
    await drain(options);
  }
  const result = await runLoad(options);
  await drain(options);
  return result;
}

/** Meets a latency target only with a full round of answers: a run where nothing came back has no p95 to speak of. */
export function isHealthy(result: LoadResult, connections: number): boolean {
  return result.failures === 0 && result.requests >= connections;
}

export function formatLoad(result: LoadResult): string {
  if (!result.requests) return `${result.seconds} s 内没有请求完成（${result.unfinished} 个仍在等待）`;
  const rps = result.rps < 10 ? result.rps.toFixed(1) : String(Math.round(result.rps));
  return `${rps} req/s, p50/p95/p99 ${ms(result.p50)}/${ms(result.p95)}/${ms(result.p99)} ms${result.failures ? `, ${result.failures} failed` : ''}`;
}

export function ms(value: number): string {
  return Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : String(Math.round(value))) : '—';
}
