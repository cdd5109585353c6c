import { canonicalJson, sm3Hex } from '../crypto/sm3.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The part of an audit row the hash covers: everything except prev_hash and hash themselves. */
export type AuditRecord = {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
};

/** hash = SM3(prev_hash || canonical JSON of the record), DESIGN property 4. */
export function chainHash(prevHash: string, record: AuditRecord): string {
  return sm3Hex(prevHash + canonicalJson(record));
}
