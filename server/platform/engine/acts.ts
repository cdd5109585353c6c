import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../context.ts';

/** 行政行为: an act of an organisation that review and litigation cases point to. */
export type ActRecord = {
  orgId: number;
  kind: string;
  title: string;
  docNumber: string | null;
  decidedOn: string | null;
  summary: string | null;
  source: { type: string; id: number } | null;
  createdBy: number | null;
};

export async function recordAdministrativeAct(trx: Transaction<Database>, act: ActRecord): Promise<number> {
  const row = await trx
    .insertInto('admin_act')
    .values({
      org_id: act.orgId, kind: act.kind, title: act.title, doc_number: act.docNumber, decided_on: act.decidedOn,
      summary: act.summary, source_type: act.source?.type ?? null, source_id: act.source?.id ?? null,
      created_by: act.createdBy, created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A typed edge between two records (case → act it reviews, litigation → reconsideration …); idempotent. */
export async function linkRecords(
  trx: Transaction<Database>,
  link: { fromType: string; fromId: number; relation: string; toType: string; toId: number; at?: string },
): Promise<void> {
  const existing = await trx
    .selectFrom('record_link')
    .select('id')
    .where('from_type', '=', link.fromType)
    .where('from_id', '=', link.fromId)
    .where('relation', '=', link.relation)
    .where('to_type', '=', link.toType)
    .where('to_id', '=', link.toId)
    .executeTakeFirst();
  if (existing) return;
  await trx
    .insertInto('record_link')
    .values({ from_type: link.fromType, from_id: link.fromId, relation: link.relation, to_type: link.toType, to_id: link.toId, created_at: link.at ?? nowIso() })
    .execute();
}
