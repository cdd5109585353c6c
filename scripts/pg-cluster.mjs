// A throwaway PostgreSQL cluster for the test run: initdb in a temp dir, listen on 127.0.0.1 only,
// durability off (fsync, full-page writes) because nothing here must survive a crash.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const INSTALL_HINT = "install Debian's PostgreSQL server: apt-get install -y postgresql";

/** The directory holding initdb and pg_ctl: `pg_config --bindir`, else the newest /usr/lib/postgresql/<v>/bin, else PATH. */
export function findPgBinDir() {
  const hasTools = (dir) => !!dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (hasTools(dir)) return dir;
  } catch {
    // no pg_config: look in the usual places
  }
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => hasTools(path.join(root, v, 'bin')));
    versions.sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions.length) return path.join(root, versions[0], 'bin');
  }
  return (process.env.PATH ?? '').split(path.delimiter).find(hasTools) ?? null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the cluster; returns its admin URL and a synchronous, idempotent stop() that also deletes it. */
export async function startPgCluster() {
  const binDir = findPgBinDir();
  if (!binDir) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) not found: ${INSTALL_HINT}`);
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(clusterParentDir(), 'fazhi-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  let isStopped = false;

  // PostgreSQL refuses to run as root: as root, run its tools as the postgres user on a dir it owns.
  if (isRoot) {
    const uid = userId('-u');
    const gid = userId('-g');
    fs.chownSync(dir, uid, gid);
  }
  const run = (tool, args) => {
    const exe = path.join(binDir, tool);
    const [command, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
    return spawnSync(command, argv, { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  };

  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    if (fs.existsSync(path.join(dataDir, 'postmaster.pid'))) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-s', '-w', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const base = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--encoding=UTF8', '--no-sync'];
    let init = run('initdb', [...base, '--locale=C.UTF-8']);
    if (init.status !== 0) init = run('initdb', [...base, '--locale=C']);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stderr || init.stdout || init.error}`);

    const port = await freePort();
    const options = [
      '-c listen_addresses=127.0.0.1', `-p ${port}`, `-k ${dir}`,
      '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_wal_size=256MB',
      '-c max_connections=200',
    ].join(' ');
    const start = run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-s', '-o', options, 'start']);
    if (start.status !== 0) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      throw new Error(`pg_ctl start failed:\n${start.stderr || start.stdout}\n${log}`);
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, binDir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

/**
 * Memory-backed /dev/shm when it has room: CREATE DATABASE copies ~8 MB of files, which takes
 * ~250 ms on a disk but ~25 ms in memory, and every test platform creates one.
 */
function clusterParentDir() {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    const { bavail, bsize } = fs.statfsSync(shm);
    if (bavail * bsize >= 1024 ** 3) return shm;
  } catch {
    // no usable /dev/shm
  }
  return os.tmpdir();
}

function userId(flag) {
  try {
    return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    throw new Error(`running as root, but there is no "postgres" user to run PostgreSQL as: ${INSTALL_HINT}`);
  }
}
