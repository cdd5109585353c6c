import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialectName } from '../../db/client.ts';
import { canonicalJson } from '../crypto/sm3.ts';
import type { Actor } from '../context.ts';
import { nowIso } from '../context.ts';
import { chainHash, GENESIS_HASH, type AuditRecord } from './chain.ts';

export type AuditEntry = {
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one record to the chain inside the caller's transaction. The head row is locked first
 * (PostgreSQL: FOR UPDATE; SQLite serialises writers itself), so concurrent appenders form one line.
 */
export async function appendAudit(
  trx: Transaction<Database>,
  dialect: DialectName,
  actor: Actor,
  entry: AuditEntry,
): Promise<{ seq: number; hash: string }> {
  const headQuery = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  const head = await (dialect === 'postgres' ? headQuery.forUpdate() : headQuery).executeTakeFirst();
  const prevSeq = head?.seq ?? 0;
  const prevHash = head?.hash ?? GENESIS_HASH;

  const record: AuditRecord = {
    seq: prevSeq + 1,
    at: nowIso(),
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId == null ? null : String(entry.targetId),
    before: normalise(entry.before),
    after: normalise(entry.after),
  };
  const hash = chainHash(prevHash, record);

  await trx
    .insertInto('audit_log')
    .values({
      seq: record.seq,
      at: record.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      ip: record.ip,
      action: record.action,
      target_type: record.targetType,
      target_id: record.targetId,
      before_json: record.before == null ? null : canonicalJson(record.before),
      after_json: record.after == null ? null : canonicalJson(record.after),
      prev_hash: prevHash,
      hash,
    })
    .execute();

  if (head) {
    await trx.updateTable('audit_head').set({ seq: record.seq, hash }).where('id', '=', 1).execute();
  } else {
    await trx.insertInto('audit_head').values({ id: 1, seq: record.seq, hash }).execute();
  }
  return { seq: record.seq, hash };
}

/** Round-trips through JSON so what is hashed now equals what verify re-reads from the stored text. */
function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value));
}
