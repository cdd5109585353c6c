import { describe, expect, it } from 'vitest';
import { canonicalJson, sm3Hex } from './sm3.ts';
import { createFieldCipher } from './field-cipher.ts';
import { maskIdNumber, maskPhone } from './mask.ts';
import { isValidCreditCode, isValidMobile, isValidResidentId } from '../../../common/validators.ts';

const KEY = 'a1'.repeat(32);

describe('SM3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('hashes canonical JSON independent of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('SM4 field cipher', () => {
  it('round-trips and never stores the plain value', () => {
    const cipher = createFieldCipher(KEY);
    const stored = cipher.encrypt('13812345678');
    expect(stored).not.toContain('13812345678');
    expect(cipher.decrypt(stored)).toBe('13812345678');
  });

  it('uses a fresh IV, so equal values encrypt differently', () => {
    const cipher = createFieldCipher(KEY);
    expect(cipher.encrypt('x')).not.toBe(cipher.encrypt('x'));
  });

  it('rejects a tampered ciphertext', () => {
    const cipher = createFieldCipher(KEY);
    const [v, iv, ct, mac] = cipher.encrypt('110105194912310021').split(':');
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([v, iv, flipped.toString('base64'), mac].join(':'))).toThrow(/integrity/);
  });

  it('rejects a value encrypted under another key', () => {
    const stored = createFieldCipher(KEY).encrypt('secret');
    expect(() => createFieldCipher('b2'.repeat(32)).decrypt(stored)).toThrow();
  });

  it('refuses a malformed master key', () => {
    expect(() => createFieldCipher('short')).toThrow(/64/);
  });

  it('gives a stable blind index per value and key', () => {
    const cipher = createFieldCipher(KEY);
    expect(cipher.blindIndex('13812345678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).not.toBe(createFieldCipher('b2'.repeat(32)).blindIndex('13812345678'));
  });
});

describe('masking', () => {
  it('masks an 18-digit ID number to 3 + 11 stars + 4', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110***********1234');
  });
  it('masks a mobile number to 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('identifier validators', () => {
  it('accepts a resident ID with a correct GB 11643 check digit, including X', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
  });
  it('rejects a wrong check digit, an impossible birth date and bad length', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('110105194902300028')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
  });
  it('accepts a 统一社会信用代码 with a correct GB 32100 check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('911101080828461726')).toBe(true);
  });
  it('rejects a wrong check character and forbidden letters', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
  });
  it('accepts mainland mobile numbers only', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
});
