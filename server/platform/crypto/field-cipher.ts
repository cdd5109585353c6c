import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hmacSm3 } from './sm3.ts';

/**
 * Field encryption for personal data at rest (DESIGN property 6): SM4-CBC with a random IV,
 * then HMAC-SM3 over IV and ciphertext (encrypt-then-MAC). Stored as "v1:<iv>:<ct>:<mac>" in base64.
 */
export type FieldCipher = {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed digest, for finding a record by an encrypted value without decrypting all. */
  blindIndex(plain: string): string;
};

export function createFieldCipher(masterKeyHex: string): FieldCipher {
  if (!/^[0-9a-fA-F]{64}$/.test(masterKeyHex)) {
    throw new Error('FAZHI_SECRET_KEY 必须是 64 位十六进制字符串（32 字节）');
  }
  const master = Buffer.from(masterKeyHex, 'hex');
  const encKey = hmacSm3(master, 'fazhi/sm4-field-key').subarray(0, 16);
  const macKey = hmacSm3(master, 'fazhi/hmac-field-key');
  const indexKey = hmacSm3(master, 'fazhi/blind-index-key');

  return {
    encrypt(plain) {
      const iv = crypto.randomBytes(16);
      const cipher = crypto.createCipheriv('sm4-cbc', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const mac = hmacSm3(macKey, Buffer.concat([iv, ct]));
      return ['v1', iv.toString('base64'), ct.toString('base64'), mac.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [version, ivB64, ctB64, macB64] = stored.split(':');
      if (version !== 'v1' || !ivB64 || !ctB64 || !macB64) throw new Error('encrypted field has an unknown format');
      const iv = Buffer.from(ivB64, 'base64');
      const ct = Buffer.from(ctB64, 'base64');
      const expected = hmacSm3(macKey, Buffer.concat([iv, ct]));
      if (!crypto.timingSafeEqual(expected, Buffer.from(macB64, 'base64'))) {
        throw new Error('encrypted field failed its integrity check');
      }
      const decipher = crypto.createDecipheriv('sm4-cbc', encKey, iv);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return hmacSm3(indexKey, plain).toString('hex');
    },
  };
}

/** The key comes from FAZHI_SECRET_KEY, else from `<dataDir>/secret.key`, generated there on first start. */
export function loadOrCreateSecretKey(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}
