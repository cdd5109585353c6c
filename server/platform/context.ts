import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.ts';
import type { Db, DialectName } from '../db/client.ts';
import type { FieldCipher } from './crypto/field-cipher.ts';
import { markGenerationsStale } from './cache/generations.ts';

/** What every platform service needs: the database, its dialect, secrets and logger. Built once per process. */
export type Platform = {
  db: Db;
  dialect: DialectName;
  cipher: FieldCipher;
  logger: Logger;
  dataDir: string;
};

export type Tx = Transaction<Database> | Kysely<Database>;

/**
 * Runs fn in one database transaction: everything it writes commits together or not at all. Called with a
 * platform whose db already is a transaction (`withinTransaction`), it joins that transaction, so services
 * that open their own can be composed into one larger write.
 */
export function inTransaction<T>(platform: Platform, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (platform.db.isTransaction) return fn(platform.db as Transaction<Database>);
  const db = platform.db;
  return db.transaction().execute(fn).finally(() => markGenerationsStale(db));
}

/** The platform seen from inside a transaction: services given it write into that transaction. */
export function withinTransaction(platform: Platform, trx: Transaction<Database>): Platform {
  return { ...platform, db: trx };
}

/** Who is acting and from where: recorded in every audit record. */
export type Actor = { id: number | null; name: string | null; ip: string | null };

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', ip: null };

export function nowIso(): string {
  return new Date().toISOString();
}
