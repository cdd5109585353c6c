import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The procedures and their document kinds, as the server registers them.
import '../../server/bootstrap.ts';
import { documentKinds } from '../../server/platform/documents/kinds.ts';
import { sha256OfFile } from '../../server/cli/backup/blobs.ts';
import { SAMPLE_INPUTS } from '../factories/reconsideration.ts';
import { runFazhi } from '../support/installation.ts';
import { login, useServerInstallation, type HttpClient } from './server-process.ts';

/**
 * Crash safety (DESIGN property 2, "nothing half-done survives a failure"): the real server takes concurrent
 * writes, is killed with SIGKILL mid-load, and restarts on the same data. Every write it acknowledged must be
 * there as acknowledged, nothing may be half-written, and the audit chain must verify.
 */
const PASSWORD = 'Crash#Test2024';
const WORKERS = 8;
/** The kill comes after this many acknowledged writes, while the other workers' requests are in flight. */
const KILL_AFTER = 48;
/** Bounds each worker (it stops earlier, when the server dies). */
const MAX_CASES_PER_WORKER = 30;

type Detail = { id: number; version: number; state: string; caseNo: string; documents: { docNumber: string | null }[] };
type Ack = { caseNo: string; version: number; state: string; docNumbers: string[] };

const installation = useServerInstallation(PASSWORD);

describe('a server killed with SIGKILL in the middle of concurrent writes', () => {
  it('keeps every acknowledged write, no half-written one, and a verifiable audit chain', async () => {
    const env = installation.env();
    const first = await installation.start();
    const client = await login(first.url, 'fzb', PASSWORD);
    const orgs = await client.send<{ items: { id: number; code: string }[] }>('GET', '/api/orgs');
    const marketId = orgs!.body.items.find((o) => o.code === 'market')!.id;

    const acked = new Map<number, Ack>();
    /** Per case, the action sent whose answer never came: it may or may not have committed. */
    const inFlight = new Map<number, string>();
    const refusals: string[] = [];
    let ackCount = 0;
    const acknowledge = (detail: Detail) => {
      acked.set(detail.id, {
        caseNo: detail.caseNo, version: detail.version, state: detail.state,
        docNumbers: detail.documents.map((d) => d.docNumber).filter((n): n is string => !!n),
      });
      ackCount += 1;
      if (ackCount === KILL_AFTER) first.child.kill('SIGKILL');
    };
    /** One write; false when the server did not answer (it was killed). */
    const write = async (url: string, body: object): Promise<Detail | null> => {
      const answer = await client.send<Detail>('POST', url, body);
      if (!answer) return null;
      if (answer.status >= 300) {
        refusals.push(`${url} → ${answer.status} ${JSON.stringify(answer.body)}`);
        return null;
      }
      acknowledge(answer.body);
      return answer.body;
    };
    const worker = async () => {
      for (let i = 0; i < MAX_CASES_PER_WORKER; i += 1) {
        const created = await write('/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, receivedOn: '2024-10-08', respondentOrgId: marketId });
        if (!created) return;
        let detail = created;
        const steps: [string, object][] = [
          ['accept', { on: '2024-10-09', procedureType: 'ordinary' }],
          ['decide', { on: '2024-11-20', decision: 'uphold', facts: '查明', reasoning: '认为' }],
        ];
        for (const [action, body] of steps) {
          inFlight.set(detail.id, action);
          const next = await write(`/api/cases/reconsideration/${detail.id}/actions/${action}`, { ...body, version: detail.version });
          if (!next) return;
          inFlight.delete(detail.id);
          detail = next;
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await first.exited;
    expect(first.child.signalCode, first.output()).toBe('SIGKILL');
    expect(refusals).toEqual([]);
    expect(ackCount).toBeGreaterThanOrEqual(KILL_AFTER);

    // The same data dir and database: recovery is whatever the database does on open.
    const second = await installation.start();
    const after = await login(second.url, 'fzb', PASSWORD);

    const handle = installation.installation().open();
    try {
      const { db } = handle;
      const cases = new Map((await db.selectFrom('proc_case').selectAll().where('procedure', '=', 'reconsideration').execute()).map((c) => [c.id, c]));
      const events = await db.selectFrom('case_event').selectAll().orderBy('case_id').orderBy('seq').execute();
      const documents = await db.selectFrom('document').selectAll().where('subject_type', '=', 'case').execute();
      const caseAudits = await db.selectFrom('audit_log').select(['action', 'target_id', 'after_json']).where('target_type', '=', 'case').orderBy('seq').execute();

      // Every acknowledged write is there as acknowledged, or one step further when its next action was in flight.
      for (const [id, ack] of acked) {
        const row = cases.get(id);
        expect(row, `acknowledged case ${id}`).toBeDefined();
        expect(row!.case_no).toBe(ack.caseNo);
        const last = events.filter((e) => e.case_id === id).at(-1);
        if (row!.version === ack.version) {
          expect(row!.state).toBe(ack.state);
        } else {
          expect({ version: row!.version, action: last?.action }).toEqual({ version: ack.version + 1, action: inFlight.get(id) });
        }
        const numbers = documents.filter((d) => d.subject_id === String(id)).map((d) => d.doc_number);
        for (const number of ack.docNumbers) expect(numbers).toContain(number);
        const served = await after.send<Detail>('GET', `/api/cases/reconsideration/${id}`);
        expect(served?.body).toMatchObject({ id, caseNo: ack.caseNo, version: row!.version, state: row!.state });
      }

      // No half-written case: one event per version with its audit record, the documents its audit records name.
      expect(events.every((e) => cases.has(e.case_id))).toBe(true);
      for (const c of cases.values()) {
        const own = events.filter((e) => e.case_id === c.id);
        expect(own.map((e) => e.seq), `events of case ${c.id}`).toEqual(Array.from({ length: c.version }, (_, i) => i + 1));
        expect(own[0].action).toBe('register');
        expect(own.at(-1)!.to_state).toBe(c.state);
        const audits = caseAudits.filter((a) => a.target_id === String(c.id) && a.action.startsWith('reconsideration.'));
        expect(audits.map((a) => a.action), `audit of case ${c.id}`).toEqual(own.map((e) => `reconsideration.${e.action}`));
        const named = audits.flatMap((a) => (JSON.parse(a.after_json ?? '{}') as { documents?: number[] }).documents ?? []).sort((x, y) => x - y);
        const stored = documents.filter((d) => d.subject_id === String(c.id)).map((d) => d.id).sort((x, y) => x - y);
        expect(stored, `documents of case ${c.id}`).toEqual(named);
      }

      // Every document has its file, and the file its bytes.
      const files = new Map((await db.selectFrom('stored_file').selectAll().execute()).map((f) => [f.id, f]));
      for (const d of documents) {
        const file = files.get(d.file_id);
        expect(file, `file of document ${d.id}`).toBeDefined();
        const blob = path.join(installation.installation().dataDir, file!.storage_path);
        expect(fs.existsSync(blob) && (await sha256OfFile(blob)), `bytes of document ${d.id}`).toBe(file!.sha256);
      }

      // No number issued without its record: each series counts exactly the cases and documents carrying its numbers.
      const issued = new Map<string, number>();
      const count = (key: string) => issued.set(key, (issued.get(key) ?? 0) + 1);
      for (const c of cases.values()) count(`${c.org_id}|case:reconsideration|${c.opened_on.slice(0, 4)}`);
      for (const d of documents) {
        const kind = documentKinds.get(d.kind);
        if (kind?.numbered) count(`${d.org_id}|${kind.numberKind}|${/〔(\d{4})〕/.exec(d.doc_number ?? '')?.[1]}`);
      }
      const series = await db.selectFrom('doc_number_sequence').selectAll().execute();
      const counters = new Map(series.map((s) => [`${s.org_id}|${s.kind}|${s.year}`, s.last_value]));
      for (const [key, n] of issued) expect(counters.get(key), `number series ${key}`).toBe(n);
      const numbers = documents.map((d) => d.doc_number).filter(Boolean);
      expect(new Set(numbers).size).toBe(numbers.length);
    } finally {
      await handle.db.destroy();
    }

    await second.stop();
    const verify = await runFazhi(env, 'audit', 'verify');
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  }, 180_000);
});
