import type { Db } from '../../db/client.ts';
import { chainHash, GENESIS_HASH } from './chain.ts';

export type VerifyResult =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; brokenSeq: number; reason: string };

const BATCH = 5000;

/** Recomputes the whole chain in order and names the first record that does not fit. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return { ok: false, count, brokenSeq: expectedSeq, reason: `第 ${expectedSeq} 条记录缺失（下一条为第 ${row.seq} 条）` };
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, count, brokenSeq: row.seq, reason: `第 ${row.seq} 条记录的前序哈希与链不符` };
      }
      const recomputed = chainHash(prevHash, {
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        ip: row.ip,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        before: row.before_json == null ? null : JSON.parse(row.before_json),
        after: row.after_json == null ? null : JSON.parse(row.after_json),
      });
      if (recomputed !== row.hash) {
        return { ok: false, count, brokenSeq: row.seq, reason: `第 ${row.seq} 条记录内容被修改（哈希不符）` };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = head?.seq ?? 0;
  if (headSeq !== count || (head && head.hash !== prevHash)) {
    return { ok: false, count, brokenSeq: count + 1, reason: `链尾记录缺失：链头记录第 ${headSeq} 条，实际只有 ${count} 条` };
  }
  return { ok: true, count, headHash: prevHash };
}
