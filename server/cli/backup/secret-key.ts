import fs from 'node:fs';
import path from 'node:path';
import { hmacSm3 } from '../../platform/crypto/sm3.ts';
import { KEY_NAME } from './manifest.ts';

/** Where an installation's field-encryption key comes from (server/platform/crypto/field-cipher.ts). */
export type InstalledKey = { key: string; source: 'env' | 'file' };

/** The key the server would use, without generating one (loadOrCreateSecretKey would). */
export function readInstalledKey(dataDir: string, fromEnv: string | undefined): InstalledKey | null {
  if (fromEnv) return { key: fromEnv.trim(), source: 'env' };
  const file = path.join(dataDir, KEY_NAME);
  if (!fs.existsSync(file)) return null;
  return { key: fs.readFileSync(file, 'utf8').trim(), source: 'file' };
}

/** Names a key without revealing it: HMAC-SM3 under the key of a fixed label, first 128 bits. */
export function keyFingerprint(keyHex: string): string {
  return hmacSm3(Buffer.from(keyHex, 'hex'), 'fazhi/backup-key-fingerprint').toString('hex').slice(0, 32);
}

export function writeKeyFile(dataDir: string, key: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, KEY_NAME), `${key}\n`, { mode: 0o600 });
}
