import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createFieldCipher } from '../platform/crypto/field-cipher.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { openPersonalData } from '../platform/engine/personal-data.ts';
import { SAMPLE_INPUTS } from '../../test/factories/reconsideration.ts';
import { multipart } from '../../test/support/multipart.ts';
import { createTestApp, TEST_ADMIN_PASSWORD, TEST_SECRET_KEY, type TestApp } from '../../test/support/platform.ts';
import { allRows, databaseUrlOf, emptyInstallation, runFazhi, type Installation, type InstallationEnv } from '../../test/support/installation.ts';
import { listBlobs } from './backup/blobs.ts';
import { BackupError } from './backup/errors.ts';
import { restoreBackup } from './backup/restore-backup.ts';

type Detail = { id: number; version: number; caseNo: string };

let ctx: TestApp;
let source: InstallationEnv;
let headers: Record<string, string>;
let marketId: number;
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-test-'));
const targets: Installation[] = [];

async function send<T>(method: 'GET' | 'POST', url: string, body?: object): Promise<{ status: number; body: T }> {
  const answer = await ctx.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  return { status: answer.statusCode, body: answer.json<T>() };
}

/** A reconsideration case registered and accepted through the API: the case number and one numbered document. */
async function registerAndAccept(receivedOn: string): Promise<Detail> {
  const created = await send<Detail>('POST', '/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, receivedOn, respondentOrgId: marketId });
  expect(created.status).toBe(201);
  const accepted = await send<Detail>('POST', `/api/cases/reconsideration/${created.body.id}/actions/accept`, {
    on: receivedOn, version: created.body.version, procedureType: 'ordinary',
  });
  expect(accepted.status).toBe(200);
  return accepted.body;
}

async function target(): Promise<Installation> {
  const installation = await emptyInstallation();
  targets.push(installation);
  return installation;
}

function configOf(env: InstallationEnv) {
  return { ...loadConfig({ ...env }), logLevel: 'silent' };
}

beforeAll(async () => {
  ctx = await createTestApp({ seed: true });
  const { dialect, dataDir, db } = ctx.platform;
  // A seeded SQLite test platform is a file in its data dir: what the server and the CLI open.
  if (dialect === 'sqlite') expect(fs.existsSync(path.join(dataDir, 'fazhi.db'))).toBe(true);
  source = { FAZHI_DATA_DIR: dataDir, DATABASE_URL: await databaseUrlOf(db, dialect), FAZHI_SECRET_KEY: TEST_SECRET_KEY };
  const login = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'fzb', password: TEST_ADMIN_PASSWORD } });
  headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
  marketId = (await send<{ items: { id: number; code: string }[] }>('GET', '/api/orgs')).body.items.find((o) => o.code === 'market')!.id;

  const first = await registerAndAccept('2024-10-08');
  await registerAndAccept('2024-10-09');
  const decided = await send('POST', `/api/cases/reconsideration/${first.id}/actions/decide`, {
    on: '2024-11-20', version: first.version, decision: 'uphold', facts: '查明', reasoning: '认为',
  });
  expect(decided.status).toBe(200);
  const form = multipart([
    { name: 'subjectType', value: 'case' }, { name: 'subjectId', value: String(first.id) },
    { name: 'file', value: Buffer.from('申请人补充的证据材料\n'), filename: '证据目录.txt' },
  ]);
  const upload = await ctx.app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, 'content-type': form.contentType }, payload: form.body });
  expect(upload.statusCode).toBe(201);
}, 60_000);

afterAll(async () => {
  for (const installation of targets) await installation.drop();
  await ctx?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('fazhi backup and restore', () => {
  it('round-trips every row, every file and the audit chain into an empty installation', async () => {
    const file = path.join(workDir, 'full.tar.gz');
    const backup = await runFazhi(source, 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('字段加密密钥：未包含');

    const restored = await target();
    // The key is not in the archive: without it the sealed personal data could not be read, so nothing is written.
    const keyless = await runFazhi(restored.env(), 'restore', file);
    expect(keyless.status).toBe(2);
    expect(keyless.stderr).toContain('备份不含字段加密密钥');
    expect(fs.existsSync(path.join(restored.dataDir, 'fazhi.db'))).toBe(false);

    const restore = await runFazhi(restored.env(TEST_SECRET_KEY), 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('恢复完成并通过校验');

    const handle = restored.open();
    try {
      const sourceRows = await allRows(ctx.platform.db, ctx.platform.dialect);
      expect(sourceRows.document.length).toBeGreaterThanOrEqual(3);
      expect(await allRows(handle.db, restored.dialect)).toEqual(sourceRows);
      const sealed = await handle.db.selectFrom('proc_case').select('data_json').orderBy('id').executeTakeFirstOrThrow();
      const data = openPersonalData(JSON.parse(sealed.data_json), createFieldCipher(TEST_SECRET_KEY), true) as { applicants: { idNumber: string }[] };
      expect(data.applicants[0].idNumber).toBe('11010519491231002X');
    } finally {
      await handle.db.destroy();
    }
    const sourceFiles = await listBlobs(ctx.platform.dataDir);
    expect(sourceFiles.length).toBeGreaterThanOrEqual(4);
    expect(await listBlobs(restored.dataDir)).toEqual(sourceFiles);

    const chain = await verifyAuditChain(ctx.platform.db);
    const verify = await runFazhi(restored.env(TEST_SECRET_KEY), 'audit', 'verify');
    expect(verify.status).toBe(0);
    if (!chain.ok) throw new Error(`the source's audit chain is broken at ${chain.brokenSeq}`);
    expect(verify.stdout).toContain(chain.headHash);

    const again = await restoreBackup({ config: configOf(restored.env(TEST_SECRET_KEY)), file, isForced: false }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(BackupError);
    expect(again).toMatchObject({ exitCode: 2, message: expect.stringContaining('目标不是空的安装') });
    const forced = await restoreBackup({ config: configOf(restored.env(TEST_SECRET_KEY)), file, isForced: true });
    expect(forced.failures).toEqual([]);
  }, 120_000);

  it('takes a consistent snapshot while the application keeps writing', async () => {
    const before = await verifyAuditChain(ctx.platform.db);
    let isBackingUp = true;
    let writesWhileBackingUp = 0;
    const writer = (async () => {
      // Bounded, but more than a backup takes: one case a day through 2024.
      for (let day = 0; isBackingUp && day < 300; day += 1) {
        await registerAndAccept(new Date(Date.UTC(2024, 0, 2 + day)).toISOString().slice(0, 10));
        if (isBackingUp) writesWhileBackingUp += 1;
      }
    })();
    const file = path.join(workDir, 'under-load.tar.gz');
    const backup = await runFazhi(source, 'backup', file, '--include-key');
    isBackingUp = false;
    await writer;
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(writesWhileBackingUp).toBeGreaterThan(0);

    // The key travels in this archive: the target needs none of its own.
    const restored = await target();
    const restore = await runFazhi(restored.env(), 'restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(fs.readFileSync(path.join(restored.dataDir, 'secret.key'), 'utf8').trim()).toBe(TEST_SECRET_KEY);

    const handle = restored.open();
    try {
      const rows = await allRows(handle.db, restored.dialect);
      const now = await allRows(ctx.platform.db, ctx.platform.dialect);
      // A snapshot of one moment: the audit log is a prefix of today's, at least what was there before.
      expect(rows.audit_log.length).toBeGreaterThanOrEqual(before.count);
      for (const table of ['audit_log', 'case_event', 'document', 'stored_file']) {
        const current = new Set(now[table]);
        expect(rows[table].filter((row) => !current.has(row)), table).toEqual([]);
      }
      // Every case in it is whole: one event per version.
      const cases = await handle.db.selectFrom('proc_case').select(['id', 'version']).execute();
      const events = await handle.db.selectFrom('case_event').select('case_id').execute();
      for (const c of cases) expect(events.filter((e) => e.case_id === c.id).length, `case ${c.id}`).toBe(c.version);
    } finally {
      await handle.db.destroy();
    }
  }, 120_000);

  it('refuses archives that are not a backup or come from the other database', async () => {
    const junk = path.join(workDir, 'junk.tar.gz');
    fs.writeFileSync(junk, '这不是备份文件\n');
    const config = configOf((await target()).env(TEST_SECRET_KEY));
    await expect(restoreBackup({ config, file: junk, isForced: false })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('不是 Fazhi 备份文件') });
    await expect(restoreBackup({ config, file: path.join(workDir, 'missing.tar.gz'), isForced: false })).rejects.toMatchObject({ exitCode: 2 });

    const other = await repack(path.join(workDir, 'full.tar.gz'), 'other.tar.gz', (dir, manifest) => {
      const dialect = manifest.dialect === 'sqlite' ? 'postgres' : 'sqlite';
      const dump = dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
      fs.renameSync(path.join(dir, manifest.database.file), path.join(dir, dump));
      return { ...manifest, dialect, database: { file: dump } };
    });
    await expect(restoreBackup({ config, file: other, isForced: false })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('不支持跨数据库恢复') });
  }, 60_000);

  it('fails the restore (exit 1) when a file in the archive does not match its checksum', async () => {
    const tampered = await repack(path.join(workDir, 'full.tar.gz'), 'tampered.tar.gz', (dir, manifest) => {
      const blob = path.join(dir, manifest.files.items[0].path);
      const bytes = fs.readFileSync(blob);
      bytes[0] ^= 0xff;
      fs.writeFileSync(blob, bytes);
      return manifest;
    });
    const restore = await runFazhi((await target()).env(TEST_SECRET_KEY), 'restore', tampered);
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain('SHA-256 与备份清单不符');
  }, 60_000);
});

type ManifestJson = { dialect: string; database: { file: string }; files: { items: { path: string }[] } };

/** Unpacks an archive, lets `edit` change files and the manifest, and packs it again. */
async function repack(file: string, name: string, edit: (dir: string, manifest: ManifestJson) => ManifestJson): Promise<string> {
  const dir = fs.mkdtempSync(path.join(workDir, 'repack-'));
  await tar.extract({ file, cwd: dir });
  const manifest = edit(dir, JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ManifestJson);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  const out = path.join(workDir, name);
  await tar.create({ file: out, cwd: dir, gzip: true }, fs.readdirSync(dir));
  return out;
}
