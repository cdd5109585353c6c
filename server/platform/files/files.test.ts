import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../../test/support/platform.ts';
import { registerFileAccessCheck } from './access.ts';
import { multipart } from '../../../test/support/multipart.ts';

type Session = { headers: Record<string, string> };

async function login(app: FastifyInstance, username: string): Promise<Session> {
  const answer = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_ADMIN_PASSWORD } });
  expect(answer.statusCode).toBe(200);
  const cookie = answer.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { headers: { cookie, 'x-csrf-token': answer.json<{ csrfToken: string }>().csrfToken } };
}


/** A real 1×1 PNG: signature, IHDR, IDAT (zlib), IEND, with CRCs. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal one-page PDF with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('file upload and download', () => {
  let t: TestApp;
  let admin: Session;
  let staff: Session;
  let leader: Session;

  const upload = (session: Session, file: Buffer, filename: string, extra: Record<string, string> = {}) => {
    const form = multipart([...Object.entries(extra).map(([name, value]) => ({ name, value })), { name: 'file', value: file, filename }]);
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { ...session.headers, 'content-type': form.contentType }, payload: form.body });
  };
  const download = (session: Session, id: number) => t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: session.headers });
  const auditActions = async () => (await t.platform.db.selectFrom('audit_log').select(['action', 'target_id']).execute());

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    admin = await login(t.app, 'admin');
    staff = await login(t.app, 'scjg');
    leader = await login(t.app, 'leader');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores a PDF by its content, outside the database, and audits it', async () => {
    const pdf = tinyPdf();
    const answer = await upload(staff, pdf, '行政复议申请书.pdf');
    expect(answer.statusCode).toBe(201);
    const body = answer.json<{ id: number; name: string; mime: string; size: number; sha256: string }>();
    expect(body).toMatchObject({ name: '行政复议申请书.pdf', mime: 'application/pdf', size: pdf.length });
    const onDisk = path.join(t.platform.dataDir, 'files', body.sha256.slice(0, 2), body.sha256);
    expect(fs.readFileSync(onDisk).equals(pdf)).toBe(true);
    expect(fs.readdirSync(path.dirname(onDisk)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await auditActions()).toContainEqual({ action: 'file.create', target_id: String(body.id) });
  });

  it('downloads with the UTF-8 name and records the download', async () => {
    const png = tinyPng();
    const { id } = (await upload(staff, png, '现场照片 (1).png')).json<{ id: number }>();
    const answer = await download(staff, id);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect(answer.headers['content-disposition']).toBe(
      `attachment; filename="____ (1).png"; filename*=UTF-8''${encodeURIComponent('现场照片').replace(/[()]/g, '')}%20%281%29.png`,
    );
    expect(answer.rawPayload.equals(png)).toBe(true);
    expect(await auditActions()).toContainEqual({ action: 'file.download', target_id: String(id) });
  });

  it('lets only the uploader and administrators download without a subject check', async () => {
    const { id } = (await upload(staff, tinyPng(), 'a.png')).json<{ id: number }>();
    expect((await download(leader, id)).statusCode).toBe(404);
    expect((await download(admin, id)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(401);
    expect((await download(staff, 999999)).statusCode).toBe(404);
  });

  it('asks the check registered for the subject type', async () => {
    registerFileAccessCheck('test-subject', ({ principal, record, mode }) => mode === 'attach' || (principal.username === 'leader' && record.subjectId === 'open'));
    const open = (await upload(staff, tinyPng(), 'b.png', { subjectType: 'test-subject', subjectId: 'open' })).json<{ id: number; subject: unknown }>();
    expect(open.subject).toEqual({ type: 'test-subject', id: 'open' });
    const closed = (await upload(staff, tinyPng(), 'c.png', { subjectType: 'test-subject', subjectId: 'closed' })).json<{ id: number }>();
    expect((await download(leader, open.id)).statusCode).toBe(200);
    expect((await download(leader, closed.id)).statusCode).toBe(404);
    // The registered check decides alone: here not even the uploader may read a closed one.
    expect((await download(staff, closed.id)).statusCode).toBe(404);
  });

  it('refuses content that does not match the name with 415', async () => {
    const answer = await upload(staff, tinyPng(), '决定书.pdf');
    expect(answer.statusCode).toBe(415);
    expect(answer.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(answer.json<{ message: string }>().message).toContain('PNG 图片');
    const exe = await upload(staff, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), 'setup.pdf');
    expect(exe.statusCode).toBe(415);
    const html = await upload(staff, Buffer.from('<script>alert(1)</script>'), 'page.html');
    expect(html.statusCode).toBe(415);
  });

  it('accepts UTF-8 text and CSV but not other encodings', async () => {
    const csv = await upload(staff, Buffer.from('姓名,电话\n张三,13800000000\n'), '名单.csv');
    expect(csv.json()).toMatchObject({ mime: 'text/csv' });
    const text = (await upload(staff, Buffer.from('说明'), 'readme')).json<{ id: number; mime: string }>();
    expect(text.mime).toBe('text/plain');
    expect((await download(staff, text.id)).headers['content-type']).toBe('text/plain; charset=utf-8');
    const gbk = await upload(staff, Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0a]), '名单.csv');
    expect(gbk.statusCode).toBe(415);
  });

  it('refuses a file over files.maxUploadMb with 413', async () => {
    await t.platform.db.insertInto('setting').values({ key: 'files.maxUploadMb', value_json: '1', updated_at: new Date().toISOString(), updated_by: null }).execute();
    try {
      const big = Buffer.concat([tinyPdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const answer = await upload(staff, big, 'big.pdf');
      expect(answer.statusCode).toBe(413);
      expect(answer.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
      expect(answer.json<{ message: string }>().message).toContain('1 MB');
    } finally {
      await t.platform.db.deleteFrom('setting').where('key', '=', 'files.maxUploadMb').execute();
    }
  });

  it('accepts files above the 2 MB JSON body limit up to the setting, one per request', async () => {
    const threeMb = Buffer.concat([tinyPdf(), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    expect((await upload(staff, threeMb, 'scan.pdf')).statusCode).toBe(201);
    const two = multipart([{ name: 'file', value: tinyPdf(), filename: 'a.pdf' }, { name: 'file', value: tinyPdf(), filename: 'b.pdf' }]);
    const answer = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...staff.headers, 'content-type': two.contentType }, payload: two.body });
    expect(answer.statusCode).toBe(400);
    expect(answer.json<{ message: string }>().message).toContain('一个文件');
  });

  it('keeps only the last segment of a name, without control characters', async () => {
    const answer = await upload(staff, tinyPdf(), '../../etc/\u202epasswd\u0007.pdf');
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ name: 'passwd.pdf' });
    const windows = await upload(staff, tinyPdf(), '..\\..\\windows\\system32\\a:b.pdf');
    expect(windows.json()).toMatchObject({ name: 'a_b.pdf' });
  });

  it('stores the same content once on disk however often it is uploaded', async () => {
    const bytes = Buffer.concat([tinyPdf(), Buffer.from('% unique 42\n')]);
    const first = (await upload(staff, bytes, 'one.pdf')).json<{ id: number; sha256: string }>();
    const second = (await upload(admin, bytes, 'two.pdf')).json<{ id: number; sha256: string }>();
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    const rows = await t.platform.db.selectFrom('stored_file').select(['storage_path']).where('sha256', '=', first.sha256).execute();
    expect(rows).toHaveLength(2);
    expect(rows[0].storage_path).toBe(rows[1].storage_path);
    expect(fs.readdirSync(path.join(t.platform.dataDir, 'files', first.sha256.slice(0, 2)))).toEqual([first.sha256]);
  });

  it('validates the request shape', async () => {
    const noFile = multipart([{ name: 'subjectType', value: 'case' }]);
    const missing = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...staff.headers, 'content-type': noFile.contentType }, payload: noFile.body });
    expect(missing.statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/api/files', headers: staff.headers, payload: { file: 'x' } });
    expect(json.statusCode).toBe(400);
    const halfSubject = await upload(staff, tinyPdf(), 'x.pdf', { subjectType: 'case' });
    expect(halfSubject.statusCode).toBe(400);
    const empty = await upload(staff, Buffer.alloc(0), 'x.pdf');
    expect(empty.statusCode).toBe(400);
    const noCsrf = multipart([{ name: 'file', value: tinyPdf(), filename: 'x.pdf' }]);
    const refused = await t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: staff.headers.cookie, 'content-type': noCsrf.contentType }, payload: noCsrf.body });
    expect(refused.statusCode).toBe(403);
  });
});
