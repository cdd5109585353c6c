import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { canonicalJson } from '../crypto/sm3.ts';
import type { CaseData, ProcedureDefinition } from './define.ts';

/** A case's facets as stored: the canonical JSON lists and indicators filter on, and the indexed lookup key. */
export function facetColumns(procedure: ProcedureDefinition, state: string, data: CaseData): { facets_json: string; lookup_key: string | null } {
  const facets = procedure.facets?.({ state, data }) ?? {};
  const present = Object.fromEntries(Object.entries(facets).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return { facets_json: canonicalJson(present), lookup_key: procedure.lookupKey ? (present[procedure.lookupKey] ?? null) : null };
}

/**
 * The cases of a procedure whose lookup key is one of `keys` (optionally within one organisation), from the
 * lookup-key index: a ledger import checks each batch of 台账编号 this way instead of loading every key first.
 */
export async function findCasesByLookupKey(db: Kysely<Database>, procedure: ProcedureDefinition, keys: string[], orgId?: number) {
  if (!procedure.lookupKey) throw new Error(`procedure ${procedure.key} declares no lookup key`);
  if (!keys.length) return [];
  let query = db.selectFrom('proc_case').select(['id', 'org_id', 'lookup_key']).where('procedure', '=', procedure.key).where('lookup_key', 'in', keys);
  if (orgId != null) query = query.where('org_id', '=', orgId);
  return (await query.execute()).map((row) => ({ id: row.id, orgId: row.org_id, key: row.lookup_key as string }));
}
