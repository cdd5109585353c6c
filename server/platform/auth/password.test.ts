import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordPolicyError, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('stores scrypt hashes that verify only the right password', async () => {
    const hash = await hashPassword('Fazhi@2024');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('Fazhi@2024');
    expect(await verifyPassword('Fazhi@2024', hash)).toBe(true);
    expect(await verifyPassword('Fazhi@2025', hash)).toBe(false);
  });

  it('requires 8 characters from at least three classes', () => {
    expect(passwordPolicyError('Ab1!')).toMatch(/8/);
    expect(passwordPolicyError('abcdefgh1')).toMatch(/三类/);
    expect(passwordPolicyError('abcdefg1A')).toBeNull();
    expect(passwordPolicyError('abcdefg1!')).toBeNull();
  });

  it('generates passwords that satisfy the policy', () => {
    for (let i = 0; i < 50; i++) expect(passwordPolicyError(generatePassword())).toBeNull();
  });
});
