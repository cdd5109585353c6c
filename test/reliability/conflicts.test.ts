import { describe, expect, it } from 'vitest';
import { SAMPLE_INPUTS } from '../factories/reconsideration.ts';
import { login, useServerInstallation, type HttpClient } from './server-process.ts';

/**
 * Conflicting actions on one case from many clients, against the real server: each round, every client sends
 * the same action with the same expected version at once. Exactly one may win; every other answer is 409
 * CONFLICT in Chinese, and nothing of the losers is written. Rounds on several cases run at the same time, so
 * the decision numbers are issued concurrently too: they must come out unique and without gaps.
 */
const PASSWORD = 'Conflict#Test2024';
const CLIENTS = 12;
const CASES = 6;

type Detail = { id: number; version: number; state: string; documents: { kind: string; docNumber: string | null }[] };

const installation = useServerInstallation(PASSWORD);

describe('many clients acting on one case at once', () => {
  it('lets exactly one win each round, answers the rest CONFLICT, and keeps document numbers gapless', async () => {
    const server = await installation.start();
    const clients: HttpClient[] = [];
    for (let i = 0; i < CLIENTS; i += 1) clients.push(await login(server.url, 'fzb', PASSWORD));
    const orgs = await clients[0].send<{ items: { id: number; code: string }[] }>('GET', '/api/orgs');
    const marketId = orgs!.body.items.find((o) => o.code === 'market')!.id;

    const steps: [string, object][] = [
      ['accept', { on: '2024-10-09', procedureType: 'ordinary' }],
      ['decide', { on: '2024-11-20', decision: 'uphold', facts: '查明', reasoning: '认为' }],
    ];
    const oneCase = async (n: number) => {
      const created = await clients[n % CLIENTS].send<Detail>('POST', '/api/cases/reconsideration', { ...SAMPLE_INPUTS.register, receivedOn: '2024-10-08', respondentOrgId: marketId });
      expect(created?.status).toBe(201);
      let detail = created!.body;
      for (const [action, body] of steps) {
        const url = `/api/cases/reconsideration/${detail.id}/actions/${action}`;
        const answers = await Promise.all(clients.map((client) => client.send<Detail & { code?: string; message?: string }>('POST', url, { ...body, version: detail.version })));
        const won = answers.filter((a) => a?.status === 200);
        const lost = answers.filter((a) => a?.status !== 200);
        expect(won, `${action} on case ${detail.id}`).toHaveLength(1);
        for (const answer of lost) {
          expect(answer?.status).toBe(409);
          expect(answer?.body).toMatchObject({ code: 'CONFLICT' });
          expect(answer?.body.message).toMatch(/[\u4e00-\u9fff]/);
        }
        detail = won[0]!.body;
      }
      // One event per winning action, nothing from the losers.
      const served = await clients[0].send<Detail & { events: { action: string }[] }>('GET', `/api/cases/reconsideration/${detail.id}`);
      expect(served?.body.events.map((e) => e.action)).toEqual(['register', 'accept', 'decide']);
      return detail;
    };
    const decided = await Promise.all(Array.from({ length: CASES }, (_, n) => oneCase(n)));

    // Every numbered document of the same kind: numbers 1…n of the year, each once.
    const byKind = new Map<string, number[]>();
    for (const detail of decided) {
      for (const document of detail.documents) {
        const match = /〔2024〕(\d+)号/.exec(document.docNumber ?? '');
        if (match) byKind.set(document.kind, [...(byKind.get(document.kind) ?? []), Number(match[1])]);
      }
    }
    expect(byKind.size).toBeGreaterThan(0);
    for (const [kind, numbers] of byKind) {
      expect(numbers.sort((a, b) => a - b), kind).toEqual(Array.from({ length: CASES }, (_, i) => i + 1));
    }
  }, 120_000);
});
