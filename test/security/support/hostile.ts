import fc from 'fast-check';
import type { JsonSchema } from './routes.ts';

/** Strings an attacker or a broken client sends: injection, script, traversal, encodings, sizes. */
export const SQL_PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE organization; --",
  '1; DELETE FROM audit_log',
  "admin'--",
  '" OR ""="',
  '1 UNION SELECT password_hash FROM app_user',
  "') OR ('1'='1",
  '%\' AND 1=0 UNION SELECT NULL --',
];
export const SCRIPT_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("return process")()}}',
  '<%= process.exit() %>',
];
export const TRAVERSAL_PAYLOADS = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '/etc/shadow',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'files/../../secret.key',
  'C:\\boot.ini',
];
export const UNICODE_PAYLOADS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\uFEFF',
  '𠮷𩸽😀👨‍👩‍👧',
  'Ａ１　全角',
  '\r\n\t\u0007\u001b[31m',
  'e\u0301\u0301\u0301\u0301',
];
/** FTS5 and tsquery syntax that breaks a naive MATCH or to_tsquery. */
export const SEARCH_PAYLOADS = ['"', 'NEAR(', 'a AND', '* OR *', '^', 'col:val', '(((', '!:*&|', "'''", 'NOT'];

export const HUGE = 'A'.repeat(100_000);
const HUGE_CHINESE = '法'.repeat(100_000);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SQL_PAYLOADS, ...SCRIPT_PAYLOADS, ...TRAVERSAL_PAYLOADS, ...UNICODE_PAYLOADS, ...SEARCH_PAYLOADS) },
  { weight: 1, arbitrary: fc.constantFrom(HUGE, HUGE_CHINESE, '', ' ', '   \n ') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0.5, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 2 ** 63, 1e308, -1e308, Number.MIN_VALUE, 99999999999),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value of any JSON type, hostile in content: what goes where a field's value should be. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('id', 'toString', 'constructor', '__proto__', 'a'), hostileString, { maxKeys: 3 }) },
);

/** Keys that poke at prototypes and at the engine's own fields. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'version', 'orgId', 'on', 'createdBy', 'state', "'; --", ''),
  fc.string({ maxLength: 12 }),
);

/** A raw request body (text) with its content type: malformed JSON, odd types, nesting deep enough to hurt a recursive parser. */
export type RawBody = { payload: string; contentType: string; label: string };

const deep = (depth: number, open: string, close: string) => `${open.repeat(depth)}${close.repeat(depth)}`;

export const malformedBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.constantFrom<RawBody>(
    { payload: '{"a":', contentType: 'application/json', label: 'truncated JSON' },
    { payload: "{'a':1}", contentType: 'application/json', label: 'single quotes' },
    { payload: '{"a":1,}', contentType: 'application/json', label: 'trailing comma' },
    { payload: 'null', contentType: 'application/json', label: 'null' },
    { payload: '', contentType: 'application/json', label: 'empty JSON body' },
    { payload: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json', label: '__proto__' },
    { payload: '{"constructor":{"prototype":{"x":1}}}', contentType: 'application/json', label: 'constructor.prototype' },
    { payload: '{"a":1}', contentType: 'text/plain', label: 'text/plain' },
    { payload: '<a>1</a>', contentType: 'application/xml', label: 'xml' },
    { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', label: 'urlencoded' },
    { payload: '{"a":1}', contentType: 'application/json; charset=utf-16', label: 'utf-16 charset' },
    { payload: '\u0000\u0001\u0002', contentType: 'application/json', label: 'control bytes' },
    { payload: deep(5000, '[', ']'), contentType: 'application/json', label: 'arrays nested 5000 deep' },
    { payload: `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`, contentType: 'application/json', label: 'objects nested 3000 deep' },
    { payload: `"${HUGE}"`, contentType: 'application/json', label: 'a bare huge string' },
  ),
  fc.json({ maxDepth: 3 }).map((payload) => ({ payload, contentType: 'application/json', label: 'random JSON' })),
);

/**
 * Values that satisfy a route's JSON Schema as far as the schema tells (types, enums, patterns, bounds):
 * the starting point that a single hostile field is then put into, so the request gets past the outer shape.
 */
export function conforming(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => conforming(s, depth)));
  if (schema.allOf?.length) return conforming(schema.allOf[0], depth);
  const base = conformingOfType(schema, depth);
  return schema.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

function conformingOfType(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const model = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, conforming(s, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in model) });
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? min + 2, min + 2);
      return depth > 4 ? fc.constant([]) : fc.array(conforming(schema.items ?? {}, depth + 1), { minLength: min, maxLength: max });
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : -1000;
      const max = typeof schema.maximum === 'number' ? schema.maximum - (schema.exclusiveMaximum === true ? 1 : 0) : 100_000;
      const lo = Math.max(min, -1_000_000);
      const hi = Math.max(lo, Math.min(max, 1_000_000));
      return type === 'integer' ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
      return conformingString(schema);
    default:
      return fc.constant(null);
  }
}

function conformingString(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2024-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date') return fc.constantFrom('2024-03-01', '2024-09-20');
  if (schema.format === 'email') return fc.constant('someone@example.cn');
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
}

/** A body for a route: conforming but for one field replaced, removed or added with a hostile value. */
export function mutatedBody(schema: JsonSchema): fc.Arbitrary<unknown> {
  return fc.tuple(conforming(schema), hostileValue, hostileKey, fc.nat(), fc.constantFrom('replace', 'remove', 'add')).map(([base, value, key, pick, how]) => {
    if (typeof base !== 'object' || base === null || Array.isArray(base)) return value;
    const copy: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    const keys = Object.keys(schema.properties ?? copy);
    const target = keys.length ? keys[pick % keys.length] : key;
    if (how === 'remove') delete copy[target];
    else if (how === 'add') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[target] = value;
    return copy;
  });
}

/** A whole body: a wrong-typed value, a random object of hostile keys and values, or a mutated conforming one. */
export function hostileBody(schema: JsonSchema | null): fc.Arbitrary<{ json: unknown } | { raw: RawBody }> {
  const wrongType = fc.oneof(hostileString, hostileNumber, fc.constantFrom(null, true, [], [1, 2]), fc.array(hostileValue, { maxLength: 3 }));
  const randomObject = fc.dictionary(hostileKey, hostileValue, { maxKeys: 6 });
  const json: fc.Arbitrary<unknown>[] = [wrongType, randomObject];
  if (schema) json.push(mutatedBody(schema), mutatedBody(schema));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...json).map((value) => ({ json: value })) },
    { weight: 1, arbitrary: malformedBody.map((raw) => ({ raw })) },
  );
}

/** Chinese characters: every refusal explains itself in Chinese. */
export const CHINESE = /[\u4e00-\u9fff]/;

/** A short description of a generated body for failure messages (huge strings shortened). */
export function describeBody(body: { json: unknown } | { raw: RawBody }): string {
  const text = 'raw' in body ? `${body.raw.label} (${body.raw.contentType}): ${body.raw.payload}` : JSON.stringify(body.json);
  return (text ?? String(text)).replace(/(.)\1{50,}/g, (m, c: string) => `${c}×${m.length}`).slice(0, 600);
}

/**
 * Deterministic worst cases for one route, run before the random ones: a conforming body with every string
 * field set to a NUL-bearing, a 100k-character and an SQL value, and every number field out of 32-bit range.
 */
export function targetedBodies(schema: JsonSchema | null): { json: unknown }[] {
  if (!schema?.properties) return [];
  const [base] = fc.sample(conforming(schema), { seed: 7, numRuns: 1 }) as Record<string, unknown>[];
  const fill = (forString: unknown, forNumber: unknown) => {
    const body: Record<string, unknown> = { ...base };
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const type = Array.isArray(property.type) ? property.type[0] : property.type;
      if (type === 'string' && forString !== undefined) body[key] = forString;
      if ((type === 'integer' || type === 'number') && forNumber !== undefined) body[key] = forNumber;
    }
    return { json: body };
  };
  return [fill('a\u0000b', undefined), fill(HUGE, undefined), fill(SQL_PAYLOADS[1], undefined), fill(undefined, 99_999_999_999), fill(undefined, 2 ** 31)];
}

/** For a valid sample body: each field of the schema in turn replaced by one hostile value (cycling), or removed. */
export function sampleMutations(schema: JsonSchema | null, sample: unknown): { json: unknown }[] {
  if (!schema?.properties || typeof sample !== 'object' || sample === null || Array.isArray(sample)) return [];
  const values: unknown[] = [SQL_PAYLOADS[1], 99_999_999_999, 'a\u0000b', HUGE, { $ne: null }, -1, [SCRIPT_PAYLOADS[0]], null, TRAVERSAL_PAYLOADS[0], 1.5, true, '\uD800'];
  return Object.keys(schema.properties).flatMap((key, i) => {
    const { [key]: _dropped, ...without } = sample as Record<string, unknown>;
    return [{ json: { ...sample, [key]: values[i % values.length] } }, { json: without }];
  });
}
