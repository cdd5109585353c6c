import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { emptyInstallation, type Installation, type InstallationEnv } from '../support/installation.ts';
import { TEST_SECRET_KEY } from '../support/platform.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The real server (server/main.ts) as a child process on a given installation. */
export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** What it printed, for failure messages. */
  output: () => string;
  /** Resolves when the process has exited (by itself, SIGKILL or stop()). */
  exited: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * An empty installation for the test file, and the servers its tests start on it: after the file, any still
 * running is stopped and the installation (data dir and database) dropped.
 */
export function useServerInstallation(adminPassword: string) {
  let installation: Installation | undefined;
  const started: ServerProcess[] = [];
  beforeAll(async () => {
    installation = await emptyInstallation();
  });
  afterAll(async () => {
    for (const server of started) await server.stop();
    await installation?.drop();
  });
  const current = (): Installation => {
    if (!installation) throw new Error('useServerInstallation: used outside the tests of the file');
    return installation;
  };
  return {
    installation: current,
    env: (): InstallationEnv => current().env(TEST_SECRET_KEY),
    start: async (): Promise<ServerProcess> => {
      const server = await startServer(current().env(TEST_SECRET_KEY), adminPassword);
      started.push(server);
      return server;
    },
  };
}

/** Starts `node --import tsx server/main.ts` on a free port and waits until /api/health answers. */
export async function startServer(env: InstallationEnv, adminPassword: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', FAZHI_ADMIN_PASSWORD: adminPassword, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const stop = async (): Promise<void> => {
    if (!isRunning()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  // Bounded by attempts, not by a clock assertion: a slow machine only waits longer.
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (!isRunning()) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    const response = await fetch(`${url}/api/health`).catch(() => null);
    if (response?.ok) return { url, child, output: () => output, exited, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`the server did not answer ${url}/api/health:\n${output}`);
}

/** A logged-in client of a server process: the session cookie and the CSRF token on every request. */
export type HttpClient = {
  /** The status and parsed JSON answer; `null` when no whole answer arrived (the server died). */
  send: <T>(method: 'GET' | 'POST', url: string, body?: object) => Promise<{ status: number; body: T } | null>;
};

export async function login(baseUrl: string, username: string, password: string): Promise<HttpClient> {
  const answer = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (answer.status !== 200) throw new Error(`login as ${username} failed: ${answer.status} ${await answer.text()}`);
  const { csrfToken } = (await answer.json()) as { csrfToken: string };
  const cookie = answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const headers: Record<string, string> = { cookie, 'x-csrf-token': csrfToken };
  return {
    send: async <T>(method: 'GET' | 'POST', url: string, body?: object) => {
      try {
        const response = await fetch(`${baseUrl}${url}`, {
          method,
          headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        const text = await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
      } catch {
        // The connection broke before a whole answer arrived: the request was never acknowledged.
        return null;
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
