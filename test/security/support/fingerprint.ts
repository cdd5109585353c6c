import { sql } from 'kysely';
import type { Platform } from '../../../server/platform/context.ts';

/**
 * What "nothing was written" means in these tests: the row count of every table and, where a table keeps
 * them, the sum of its `version`s and its latest `updated_at`, so an update in place shows as well as an
 * insert or a delete. Read in one statement, cheap enough to take around every generated request.
 */
export type Fingerprint = Record<string, string>;

type Probe = { table: string; expression: string };

export type FingerprintReader = {
  read(): Promise<Fingerprint>;
  /** The audit records appended since `seq`, to tell a logged refusal from a write. */
  auditSince(seq: number): Promise<{ seq: number; action: string }[]>;
  maxAuditSeq(): Promise<number>;
};

/** Tables whose rows change on reads or refusals by design, with the reason. */
const VOLATILE: Record<string, string> = {
  // A request touches its session's last_seen_at (sliding expiry).
  session: 'sliding expiry',
};

export async function fingerprintReader(platform: Platform): Promise<FingerprintReader> {
  const probes = await listProbes(platform);
  const query = probes.map((p) => `SELECT '${p.table}' AS t, CAST((${p.expression}) AS TEXT) AS v FROM "${p.table}"`).join(' UNION ALL ');
  return {
    async read() {
      const rows = (await sql.raw<{ t: string; v: string | null }>(query).execute(platform.db)).rows;
      return Object.fromEntries(rows.map((r) => [r.t, String(r.v)]));
    },
    async auditSince(seq) {
      return platform.db.selectFrom('audit_log').select(['seq', 'action']).where('seq', '>', seq).orderBy('seq').execute();
    },
    async maxAuditSeq() {
      const row = await platform.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
      return Number(row?.seq ?? 0);
    },
  };
}

/** The tables that differ between two fingerprints, with both values. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

async function listProbes(platform: Platform): Promise<Probe[]> {
  const columns = platform.dialect === 'postgres' ? await postgresColumns(platform) : await sqliteColumns(platform);
  const probes: Probe[] = [];
  for (const [table, names] of columns) {
    if (table in VOLATILE) continue;
    const parts = ["COUNT(*) || ''"];
    if (names.has('version')) parts.push("'/' || COALESCE(SUM(version), 0)");
    if (names.has('updated_at')) parts.push("'/' || COALESCE(MAX(updated_at), '')");
    probes.push({ table, expression: parts.join(' || ') });
  }
  return probes.sort((a, b) => a.table.localeCompare(b.table));
}

async function sqliteColumns(platform: Platform): Promise<Map<string, Set<string>>> {
  // FTS5 shadow tables (`<virtual>_data`, …) change with their virtual table, which is counted itself.
  const tables = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(platform.db);
  const virtual = tables.rows.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => `${t.name}_`);
  const result = new Map<string, Set<string>>();
  for (const { name } of tables.rows) {
    if (virtual.some((prefix) => name.startsWith(prefix))) continue;
    const info = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(platform.db);
    result.set(name, new Set(info.rows.map((c) => c.name)));
  }
  return result;
}

async function postgresColumns(platform: Platform): Promise<Map<string, Set<string>>> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`.execute(platform.db);
  const result = new Map<string, Set<string>>();
  for (const row of rows.rows) {
    const set = result.get(row.table_name) ?? new Set<string>();
    set.add(row.column_name);
    result.set(row.table_name, set);
  }
  return result;
}
