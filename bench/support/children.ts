import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from './target.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A server process the benchmarks talk to over HTTP; its memory is read from /proc. */
export type Child = {
  url: string;
  pid: number;
  /** Resident set size now, in MB. */
  rssMb(): number;
  /** The output so far (the tail), for error messages. */
  output(): string;
  stop(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The real server, as `npm start` runs it (server/main.ts: seeds, clock watch, the whole app), quietly logged
 * (LOG_LEVEL=warn: per-request info lines would measure the log pipe) and trusting X-Forwarded-For like a
 * server behind the county's reverse proxy, so the load can come from many client addresses.
 */
export async function startServer(target: Target, adminPassword: string): Promise<Child> {
  const port = await freePort();
  return startChild(path.join(root, 'server', 'main.ts'), port, '/api/health', {
    PORT: String(port), HOST: '127.0.0.1', FAZHI_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '',
    LOG_LEVEL: 'warn', FAZHI_TRUST_PROXY: '1', FAZHI_ADMIN_PASSWORD: adminPassword,
  });
}

export async function startBaselineServer(target: Target): Promise<Child> {
  const port = await freePort();
  return startChild(path.join(root, 'bench', 'support', 'baseline-server.ts'), port, '/health', {
    PORT: String(port), FAZHI_DATA_DIR: target.dataDir, DATABASE_URL: target.databaseUrl ?? '',
  });
}

async function startChild(entry: string, port: number, healthPath: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const handle: Child = {
    url,
    pid: child.pid ?? 0,
    rssMb: () => rssOf(child.pid ?? 0),
    output: () => tail,
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`${path.basename(entry)} exited with ${child.exitCode}:\n${tail}`);
    try {
      const answer = await fetch(`${url}${healthPath}`);
      if (answer.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await handle.stop();
  throw new Error(`${path.basename(entry)} did not answer ${healthPath} within 180 s:\n${tail}`);
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode != null || child.signalCode != null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
