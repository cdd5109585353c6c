import type { Transaction } from 'kysely';
import type { DialectName } from '../../db/client.ts';
import type { Database } from '../../db/schema.ts';
import type { Tx } from '../context.ts';
import { AppError } from '../errors.ts';
import { formatDocNumber, type DocNumberFormat } from '../../../common/doc-number.ts';

export type DocNumberRequest = {
  orgId: number;
  /** Document kind key, e.g. the key given to defineDocumentKind. */
  kind: string;
  /** The year the number belongs to (the year of the document's legal date). */
  year: number;
  /** Used when an administrator has configured no format for this kind (neither for the org nor the default). */
  fallback?: DocNumberFormat;
};

export type IssuedDocNumber = { orgId: number; kind: string; year: number; seq: number; text: string };

/** The organisation's own format for the kind, else the default one (org_id NULL), else none. */
export async function resolveDocNumberFormat(db: Tx, orgId: number, kind: string): Promise<DocNumberFormat | null> {
  const rows = await db
    .selectFrom('doc_number_format')
    .select(['org_id', 'pattern', 'prefix'])
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('org_id', '=', orgId), eb('org_id', 'is', null)]))
    .execute();
  const row = rows.find((r) => r.org_id === orgId) ?? rows.find((r) => r.org_id === null);
  return row ? { pattern: row.pattern, prefix: row.prefix } : null;
}

/**
 * Takes the next number of (org, kind, year) inside the caller's transaction. One upsert both creates
 * the counter and increments it: on PostgreSQL it row-locks the counter until the caller commits (a
 * concurrent issuer waits, then sees the committed value); SQLite serialises writers. So numbers are
 * gapless and unique, and a transaction that rolls back gives its number back.
 * Call it before appendAudit in the same transaction, so every writer takes the counter lock before
 * the audit-head lock and PostgreSQL never sees the two locks taken in opposite orders (deadlock).
 * `dialect` keeps the signature of the other in-transaction services; the upsert is the same on both.
 */
export async function issueDocNumber(
  trx: Transaction<Database>,
  dialect: DialectName,
  request: DocNumberRequest,
): Promise<IssuedDocNumber> {
  const [issued] = await issueDocNumbers(trx, dialect, request, 1);
  return issued;
}

/**
 * Takes `count` consecutive numbers in one statement (bulk imports): the same lock and rollback
 * behaviour as a single number, so a batch that fails gives all of them back.
 */
export async function issueDocNumbers(
  trx: Transaction<Database>,
  _dialect: DialectName,
  request: DocNumberRequest,
  count: number,
): Promise<IssuedDocNumber[]> {
  const { orgId, kind, year } = request;
  if (!Number.isInteger(year) || year < 1949 || year > 9999) throw new AppError('BAD_REQUEST', `发文年份不正确：${year}`);
  if (!Number.isInteger(count) || count < 1) throw new Error(`cannot issue ${count} numbers`);
  const format = (await resolveDocNumberFormat(trx, orgId, kind)) ?? request.fallback ?? null;
  if (!format) {
    throw new AppError('BAD_REQUEST', `尚未设置“${kind}”的发文字号格式，请管理员在“发文字号格式”中设置`, {
      details: { kind, orgId },
    });
  }
  const row = await trx
    .insertInto('doc_number_sequence')
    .values({ org_id: orgId, kind, year, last_value: count })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind', 'year']).doUpdateSet((eb) => ({ last_value: eb('doc_number_sequence.last_value', '+', count) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  const last = Number(row.last_value);
  return Array.from({ length: count }, (_, i) => {
    const seq = last - count + 1 + i;
    return { orgId, kind, year, seq, text: formatDocNumber(format, year, seq) };
  });
}
