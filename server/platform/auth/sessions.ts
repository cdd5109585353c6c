import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sm3Hex } from '../crypto/sm3.ts';

/** The cookie carries a random token; the database keeps only its SM3 digest, so a leaked table opens nothing. */
export const SESSION_COOKIE = 'fazhi_sid';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return sm3Hex(`session:${token}`);
}

export type SessionRow = Database['session'];

export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ id: string; userId: number; csrfToken: string; isExpired: boolean; lastSeenAt: string } | null> {
  const row = await db
    .selectFrom('session')
    .select(['id', 'user_id', 'csrf_token', 'expires_at', 'revoked_at', 'last_seen_at'])
    .where('id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  return { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, isExpired: row.expires_at <= now.toISOString(), lastSeenAt: row.last_seen_at };
}
