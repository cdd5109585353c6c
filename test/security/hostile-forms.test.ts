import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_ADMIN_PASSWORD } from '../support/platform.ts';
import { loginAs } from '../support/http.ts';
import { multipart } from '../support/multipart.ts';
import { fingerprintReader } from './support/fingerprint.ts';
import { CHINESE, hostileString, HUGE, SCRIPT_PAYLOADS, SQL_PAYLOADS, TRAVERSAL_PAYLOADS } from './support/hostile.ts';
import { extensionOf, sanitizeFileName } from '../../server/platform/files/names.ts';
import { credentialsOf, expectAuditedIfWritten, expectChineseRefusal, expectNothingWritten } from './support/requests.ts';

/**
 * Issue 7, hostile input on the public forms (no session: a form token bound to a cookie) and on uploads:
 * files whose bytes do not match their name, oversized files, names with traversal and NUL bytes.
 */
const SCALE = Number(process.env.FAZHI_FUZZ_SCALE ?? 1);

const t = await createTestApp({ seed: true });
afterAll(() => t.close());
const admin = await credentialsOf(t.app, 'admin', TEST_ADMIN_PASSWORD);
const reader = await fingerprintReader(t.platform);
const countyId = (await t.platform.db.selectFrom('organization').select('id').where('code', '=', 'county').executeTakeFirstOrThrow()).id;

/** An open 征求意见 to comment on. */
const consultation = await (async () => {
  const staff = await loginAs(t.app, 'fzb', TEST_ADMIN_PASSWORD);
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const closesOn = new Date(Date.parse(`${today}T00:00:00Z`) + 40 * 86_400_000).toISOString().slice(0, 10);
  const created = await staff.post<{ id: number }>('/api/consultations', {
    orgId: countyId, title: '示例县停车管理办法（征求意见稿）', description: '起草说明。', articles: ['第一条 为了规范停车。', '第二条 本办法适用于城区。'],
    subjectKind: 'normative_document', opensOn: today, closesOn,
  });
  expect((await staff.post(`/api/consultations/${created.body.id}/open`)).status).toBe(200);
  return created.body.id;
})();

/** Every file name under the data dir except the database's own, to see that a refused upload left nothing. */
function dataFiles(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(db|sqlite)(-wal|-shm|-journal)?$/.test(entry.name)) names.add(path.relative(t.platform.dataDir, full));
    }
  };
  walk(t.platform.dataDir);
  return names;
}

describe('uploads', () => {
  const png = (() => {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlib.crc32(body));
      return Buffer.concat([length, body, crc]);
    };
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
      chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  })();
  const contents = {
    png,
    exe: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
    elf: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]),
    html: Buffer.from('<html><script>alert(1)</script></html>'),
    // A ZIP that is no Office document: the local header of one stored entry named evil.sh.
    zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0]), Buffer.from('evil.sh')]),
    gbk: Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x0a]),
    binary: Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]),
  };
  type ContentKind = keyof typeof contents;
  /**
   * The only pairs that may be stored: a real PNG named .png, UTF-8 text (markup included: it is served as an
   * attachment, typed text, with nosniff) named .txt or .csv, either without an extension (no claim to check).
   */
  const HONEST: Partial<Record<ContentKind, (string | null)[]>> = { png: [null, 'png'], html: [null, 'txt', 'csv'] };
  const isHonest = (kind: ContentKind, name: string) => (HONEST[kind] ?? []).includes(extensionOf(sanitizeFileName(name)));

  const upload = (bytes: Buffer, filename: string, extra: { name: string; value: string }[] = []) => {
    const form = multipart([...extra, { name: 'file', value: bytes, filename }]);
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': form.contentType }, payload: form.body });
  };

  const disguisedName = fc.oneof(
    fc.constantFrom('决定书.docx', '照片.png', '扫描件.pdf', '名单.xlsx', 'setup.pdf', 'a.ofd', 'readme.txt', 'data.csv', 'x.PNG'),
    fc.tuple(fc.constantFrom(...TRAVERSAL_PAYLOADS), fc.constantFrom('.png', '.pdf', '.docx')).map(([p, e]) => `${p}${e}`),
    fc.constantFrom('evil\u0000.png', '..\u0000/..\u0000/x.pdf', '\u202Egnp.exe', `${'长'.repeat(300)}.pdf`, 'CON.png', '.htaccess', ''),
  );

  it('refuses every file whose bytes are not what its name says, and stores nothing', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...(Object.keys(contents) as ContentKind[])), disguisedName, async (kind, name) => {
      const files = dataFiles();
      const before = await reader.read();
      const seq = await reader.maxAuditSeq();
      const response = await upload(contents[kind], name);
      const context = `${kind} as ${JSON.stringify(name)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
      expect(response.statusCode, context).toBeLessThan(500);
      if (isHonest(kind, name)) {
        expect(response.statusCode, context).toBe(201);
        const stored = response.json<{ name: string; sha256: string }>();
        // Traversal is cut to the last segment and control characters dropped: a name, never a path.
        expect(stored.name, context).not.toMatch(/[/\\\u0000-\u001f\u202e]/);
        await expectAuditedIfWritten(reader, before, seq, context);
        const added = [...dataFiles()].filter((f) => !files.has(f));
        expect(added.every((f) => f === path.join('files', stored.sha256.slice(0, 2), stored.sha256)), `${context}: ${added.join(', ')}`).toBe(true);
        return;
      }
      expect([400, 415], context).toContain(response.statusCode);
      expectChineseRefusal(response, context);
      await expectNothingWritten(reader, before, seq, context);
      expect([...dataFiles()].filter((f) => !files.has(f)), context).toEqual([]);
    }), { numRuns: 25 * SCALE, interruptAfterTimeLimit: 12_000 });
  });

  it('refuses a file over the size limit set through the settings API with 413, storing nothing', async () => {
    const setLimit = await t.app.inject({ method: 'PUT', url: '/api/settings/files.maxUploadMb', headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf! }, payload: { value: 1 } });
    expect(setLimit.statusCode, setLimit.body).toBe(200);
    try {
      const files = dataFiles();
      const before = await reader.read();
      const seq = await reader.maxAuditSeq();
      const response = await upload(Buffer.concat([png, Buffer.alloc(1024 * 1024 + 1)]), '大图.png');
      expect(response.statusCode).toBe(413);
      expectChineseRefusal(response, 'oversized upload');
      await expectNothingWritten(reader, before, seq, 'oversized upload');
      expect([...dataFiles()].filter((f) => !files.has(f))).toEqual([]);
    } finally {
      await t.app.inject({ method: 'DELETE', url: '/api/settings/files.maxUploadMb', headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf! } });
    }
  });

  it('refuses a JSON body over the 2 MB limit with 413 and a Chinese message', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/orgs', headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024 + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expectChineseRefusal(response, 'huge JSON');
  });

  it('refuses ledger imports that are no spreadsheet, writing nothing', async () => {
    const names = ['台账.xlsx', '台账.xls', '../../台账.xlsx', '台账.csv'];
    for (const [kind, bytes] of Object.entries(contents)) {
      for (const name of names) {
        const before = await reader.read();
        const seq = await reader.maxAuditSeq();
        const form = multipart([{ name: 'file', value: bytes, filename: name }]);
        const response = await t.app.inject({ method: 'POST', url: '/api/mediation/ledger/import', headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': form.contentType }, payload: form.body });
        const context = `ledger ${kind} as ${name} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, context).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, context).toBeLessThan(500);
        expectChineseRefusal(response, context);
        await expectNothingWritten(reader, before, seq, context);
      }
    }
  });
});

describe('public forms', () => {
  let address = 0;
  /** Each submission from its own loopback address: the per-address rate limits are tested in server/portal. */
  const nextIp = () => `127.0.${Math.floor(address / 250) % 250}.${(address += 1) % 250}`;

  async function formOf(url: string, ip: string): Promise<{ cookie: string; token: string }> {
    const page = await t.app.inject({ url, remoteAddress: ip });
    expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
    const set = page.cookies.find((c) => c.name === 'fz_form');
    return { cookie: set ? `fz_form=${set.value}` : '', token: /name="_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
  }

  const FORMS = [
    { page: '/ysqgk', post: '/ysqgk', fields: ['orgId', 'applicantType', 'name', 'idNumber', 'phone', 'email', 'address', 'legalRepresentative', 'description', 'purpose', 'form', 'delivery'] },
    { page: '/ysqgk/query', post: '/ysqgk/query', fields: ['code'] },
    { page: '/ysqgk/query', post: '/ysqgk/download', fields: ['code', 'documentId'] },
    { page: `/zqyj/${consultation}`, post: `/zqyj/${consultation}`, fields: ['articleNo', 'content', 'authorName', 'contact'] },
  ];

  const value = fc.oneof(hostileString, fc.constantFrom(...SQL_PAYLOADS, ...SCRIPT_PAYLOADS, HUGE, String(countyId), '11010519491231002X', '13800138000', '-1', '1e9'));
  const tokenChoice = fc.constantFrom('valid', 'valid', 'valid', 'missing', 'forged', 'hostile');

  for (const form of FORMS) {
    it(`answers hostile ${form.post} submissions with a Chinese page, never 5xx, and writes only a whole, audited submission`, async () => {
      const fields = fc.dictionary(fc.constantFrom(...form.fields, '_token', '__proto__', 'constructor', 'x'), value, { maxKeys: form.fields.length + 2 });
      await fc.assert(fc.asyncProperty(fields, tokenChoice, async (values, tokenKind) => {
        const ip = nextIp();
        const { cookie, token } = await formOf(form.page, ip);
        const body: Record<string, string> = { ...values };
        if (tokenKind === 'valid') body._token = token;
        if (tokenKind === 'missing') delete body._token;
        if (tokenKind === 'forged') body._token = `${Date.now()}.${'0'.repeat(64)}`;
        const before = await reader.read();
        const seq = await reader.maxAuditSeq();
        const response = await t.app.inject({
          method: 'POST', url: form.post, remoteAddress: ip, payload: new URLSearchParams(body).toString(),
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        });
        const context = `${form.post} ${tokenKind} ${JSON.stringify(body).slice(0, 400)} → ${response.statusCode}`;
        expect(response.statusCode, context).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(response.body, context).toMatch(CHINESE);
          await expectNothingWritten(reader, before, seq, context);
        } else {
          expect(tokenKind, context).toBe('valid');
          await expectAuditedIfWritten(reader, before, seq, context);
        }
      }), { numRuns: 12 * SCALE, interruptAfterTimeLimit: 12_000 });
    });
  }

  it('answers malformed, oversized and mistyped form bodies with a Chinese page and writes nothing', async () => {
    const bodies: { payload: string; type: string }[] = [
      { payload: '%E0%A4%A&%%%=1', type: 'application/x-www-form-urlencoded' },
      { payload: `content=${'A'.repeat(40 * 1024)}`, type: 'application/x-www-form-urlencoded' },
      { payload: '{"content":"x"}', type: 'application/json' },
      { payload: '<content>x</content>', type: 'text/xml' },
      { payload: 'content=a%00b&_token=x', type: 'application/x-www-form-urlencoded' },
    ];
    for (const form of FORMS) {
      for (const { payload, type } of bodies) {
        const ip = nextIp();
        const { cookie } = await formOf(form.page, ip);
        const before = await reader.read();
        const seq = await reader.maxAuditSeq();
        const response = await t.app.inject({ method: 'POST', url: form.post, remoteAddress: ip, payload, headers: { cookie, 'content-type': type } });
        const context = `${form.post} ${type} ${payload.slice(0, 60)} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, context).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, context).toBeLessThan(500);
        expect(response.body, context).toMatch(CHINESE);
        await expectNothingWritten(reader, before, seq, context);
      }
    }
  });

  it('answers hostile portal URLs and search queries without a 5xx', async () => {
    const urls = fc.oneof(
      fc.constantFrom('/items/99999999999', '/items/-1', '/items/abc', '/zqyj/99999999999', '/items/1/files/99999999999', '/xxgk?page=99999999999', '/xxgk?category=%00'),
      fc.tuple(fc.constantFrom('/search?q=', '/xxgk?category=', '/xxgk?org=', '/zqyj?page=', '/items/'), hostileString).map(([base, v]) => {
        try {
          return `${base}${encodeURIComponent(v)}`;
        } catch {
          return `${base}%ED%A0%80`;
        }
      }),
    );
    await fc.assert(fc.asyncProperty(urls, async (url) => {
      const response = await t.app.inject({ url, remoteAddress: nextIp() });
      const context = `GET ${url.slice(0, 200)} → ${response.statusCode}`;
      expect(response.statusCode, context).toBeLessThan(500);
      if (response.statusCode >= 400) expect(response.body, context).toMatch(CHINESE);
    }), { numRuns: 30 * SCALE, interruptAfterTimeLimit: 12_000 });
  });
});
