import { sql } from 'kysely';
import { z } from 'zod';
import type { DialectName } from '../../db/client.ts';
import type { Tx } from '../../platform/context.ts';

export const BACKUP_FORMAT = 'fazhi-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
export const KEY_NAME = 'secret.key';

/** The database dump's name inside the archive: a page copy for SQLite, pg_dump's custom format for PostgreSQL. */
export function dumpNameFor(dialect: DialectName): string {
  return dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
}

/** Blobs are content-addressed: files/<first two hex digits>/<sha256> (platform/files/blob-store.ts). */
export const BLOB_PATH = /^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const ZManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  /** The last applied migration: a newer server migrates the restored database on start. */
  migration: z.string().nullable(),
  database: z.object({ file: z.string() }),
  /** Row count of every table in the snapshot, by name. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  audit: z.object({
    count: z.number().int().nonnegative(),
    headSeq: z.number().int().nonnegative(),
    headHash: z.string(),
    /** Whether `fazhi audit verify` passed on the snapshot when the backup was taken. */
    isVerified: z.boolean(),
  }),
  files: z.object({
    count: z.number().int().nonnegative(),
    totalBytes: z.number().int().nonnegative(),
    items: z.array(z.object({ path: z.string().regex(BLOB_PATH), size: z.number().int().nonnegative(), sha256: ZSha256 })),
    /** stored_file rows whose bytes were already missing from the data dir when the backup was taken. */
    missingBlobs: z.array(z.string()),
  }),
  key: z.object({
    /** HMAC-SM3 of a fixed label under the field-encryption key: names the key without revealing it. */
    fingerprint: z.string(),
    isIncluded: z.boolean(),
  }),
});

export type Manifest = z.infer<typeof ZManifest>;
export type FileItem = Manifest['files']['items'][number];

export type DatabaseDescription = {
  migration: string | null;
  tables: Record<string, number>;
  audit: { count: number; headSeq: number; headHash: string };
};

/** Every table of the schema the platform uses (what a backup must carry), sorted by name. */
export async function listTables(db: Tx, dialect: DialectName): Promise<string[]> {
  const { rows } = dialect === 'sqlite'
    ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
    : await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  // sqlite_sequence and sqlite_stat* are SQLite's own bookkeeping, copied with the pages.
  return rows.map((r) => r.name).filter((name) => !name.startsWith('sqlite_')).sort();
}

/** Row counts, the migration level and the audit head of one consistent view of the database. */
export async function describeDatabase(db: Tx, dialect: DialectName): Promise<DatabaseDescription> {
  const names = await listTables(db, dialect);
  if (!names.includes('audit_log') || !names.includes('kysely_migration')) {
    throw new Error('数据库尚未初始化（没有平台的数据表）');
  }
  const tables: Record<string, number> = {};
  for (const name of names) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    tables[name] = Number(rows[0]?.n ?? 0);
  }
  const migration = await sql<{ name: string | null }>`select max(name) as name from kysely_migration`.execute(db);
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return {
    migration: migration.rows[0]?.name ?? null,
    tables,
    audit: { count: tables.audit_log ?? 0, headSeq: head?.seq ?? 0, headHash: head?.hash ?? '' },
  };
}
