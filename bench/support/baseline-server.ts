// The baselines' bare server: Fastify with no plugins, hooks or logging, on the same database, replaying
// statements the platform was seen to run (bench/support/capture.ts). Started as a child by bench/run.ts.
import Fastify from 'fastify';
import path from 'node:path';
import { openDatabase } from '../../server/db/client.ts';
import { replay, substitute, type CapturedQuery } from './capture.ts';

type QuerySet = { variants: CapturedQuery[][]; marker?: unknown };

const handle = openDatabase({ databaseUrl: process.env.DATABASE_URL, sqliteFile: path.join(process.env.FAZHI_DATA_DIR ?? '.', 'fazhi.db') });
const sets = new Map<string, QuerySet>();
const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });

app.get('/health', async () => ({ ok: (await handle.db.selectFrom('audit_head').select('id').limit(1).execute()).length >= 0 }));

app.post<{ Body: { name: string } & QuerySet }>('/sets', async (request) => {
  sets.set(request.body.name, { variants: request.body.variants, marker: request.body.marker });
  return { ok: true };
});

/** One variant's statements, in order: the same rows the platform's route reads. */
app.get<{ Params: { name: string; variant: string } }>('/q/:name/:variant', async (request, reply) => {
  const set = sets.get(request.params.name);
  const queries = set?.variants[Number(request.params.variant)];
  if (!queries) return reply.status(404).send({ error: 'no such query set' });
  return { results: await replay(handle.db, queries) };
});

/** The set's one variant with its marker parameter replaced by `value` (e.g. an item id). */
app.get<{ Params: { name: string; value: string } }>('/t/:name/:value', async (request, reply) => {
  const set = sets.get(request.params.name);
  if (!set?.variants[0]) return reply.status(404).send({ error: 'no such query set' });
  const rows = await replay(handle.db, substitute(set.variants[0], set.marker, Number(request.params.value)));
  if (!rows[0]?.length) return reply.status(404).send({ error: 'not found' });
  return { results: rows };
});

const shutdown = async () => {
  await app.close();
  await handle.db.destroy();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
