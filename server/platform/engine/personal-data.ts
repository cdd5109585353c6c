import type { FieldCipher } from '../crypto/field-cipher.ts';
import { maskIdNumber, maskPhone } from '../crypto/mask.ts';

/**
 * Personal data inside case data (DESIGN property 6): values under these keys, at any depth, are stored
 * SM4-encrypted with a masked copy. Procedures name their fields this way instead of each encrypting.
 */
const PERSONAL_KEYS: Partial<Record<string, (value: string) => string>> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

export type SealedValue = { $enc: string; masked: string };

function isSealed(value: unknown): value is SealedValue {
  return typeof value === 'object' && value !== null && '$enc' in value && 'masked' in value;
}

/** Encrypts every personal value in place of the plain one (already sealed values are kept). */
export function sealPersonalData<T>(value: T, cipher: FieldCipher): T {
  return walk(value, (key, v) => {
    const mask = PERSONAL_KEYS[key];
    if (!mask || typeof v !== 'string' || v === '') return v;
    return { $enc: cipher.encrypt(v), masked: mask(v) } satisfies SealedValue;
  }) as T;
}

/** Shows personal values masked, or whole for a caller allowed to see them. */
export function openPersonalData<T>(value: T, cipher: FieldCipher, isRevealed: boolean): T {
  return walk(value, (_key, v) => (isSealed(v) ? (isRevealed ? cipher.decrypt(v.$enc) : v.masked) : v)) as T;
}

/** The masked view, for audit records and logs. */
export function maskedView<T>(value: T): T {
  return walk(value, (key, v) => {
    if (isSealed(v)) return v.masked;
    const mask = PERSONAL_KEYS[key];
    return mask && typeof v === 'string' ? mask(v) : v;
  }) as T;
}

function walk(value: unknown, visit: (key: string, value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, visit));
  if (value && typeof value === 'object' && !isSealed(value)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => {
        const visited = visit(k, v);
        return [k, visited === v ? walk(v, visit) : visited];
      }),
    );
  }
  return value;
}
