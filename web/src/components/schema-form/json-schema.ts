import type { JsonSchema } from '@/api/engine-types.ts';

/** How a JSON Schema node is edited; the form generator picks one widget per kind. */
export type FieldKind = 'object' | 'objectList' | 'stringList' | 'enum' | 'date' | 'number' | 'boolean' | 'string';

export type FormValue = Record<string, unknown>;

const DATE_PATTERN = /^\^?\\d\{4\}-\\d\{2\}-\\d\{2\}\$?$/;

/** The branch that carries the shape: nullable unions (anyOf [T, null]) read as T. */
export function effective(schema: JsonSchema): JsonSchema {
  if (schema.anyOf?.length) {
    const branch = schema.anyOf.find((s) => primaryType(s) !== 'null');
    if (branch) return { ...branch, default: schema.default ?? branch.default };
  }
  return schema;
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
}

export function isDateSchema(schema: JsonSchema): boolean {
  return schema.format === 'date' || (!!schema.pattern && DATE_PATTERN.test(schema.pattern));
}

export function kindOf(raw: JsonSchema): FieldKind {
  const schema = effective(raw);
  const type = primaryType(schema);
  if (schema.enum?.length) return 'enum';
  if (type === 'object' || schema.properties) return 'object';
  if (type === 'array') {
    const items = effective(schema.items ?? {});
    return primaryType(items) === 'object' || items.properties ? 'objectList' : 'stringList';
  }
  if (type === 'boolean') return 'boolean';
  if (type === 'integer' || type === 'number') return 'number';
  if (isDateSchema(schema)) return 'date';
  return 'string';
}

/** The starting value of a field: its default, else empty of the right shape (object lists start with minItems rows). */
export function initialValue(raw: JsonSchema): unknown {
  const schema = effective(raw);
  if (schema.default !== undefined) return JSON.parse(JSON.stringify(schema.default)) as unknown;
  switch (kindOf(schema)) {
    case 'object':
      return initialObject(schema);
    case 'objectList':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 0) }, () => initialValue(schema.items ?? {}));
    case 'stringList':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 0) }, () => initialValue(schema.items ?? {}));
    case 'boolean':
      return false;
    case 'number':
    case 'enum':
      return null;
    default:
      return '';
  }
}

export function initialObject(schema: JsonSchema): FormValue {
  const result: FormValue = {};
  for (const [key, child] of Object.entries(effective(schema).properties ?? {})) result[key] = initialValue(child);
  return result;
}

/** What to send: empty optional strings and unset numbers are left out, so optional fields stay absent. */
export function cleanValue(raw: JsonSchema, value: unknown): unknown {
  const schema = effective(raw);
  const kind = kindOf(schema);
  if (value === null || value === undefined) return undefined;
  if (kind === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const source = value as FormValue;
    const result: FormValue = {};
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const cleaned = cleanValue(child, source[key]);
      const isRequired = schema.required?.includes(key) ?? false;
      if (cleaned !== undefined) result[key] = cleaned;
      else if (isRequired && typeof source[key] === 'string') result[key] = source[key];
    }
    return result;
  }
  if (kind === 'objectList') return Array.isArray(value) ? value.map((item) => cleanValue(schema.items ?? {}, item) ?? {}) : undefined;
  if (kind === 'stringList') {
    if (!Array.isArray(value)) return undefined;
    return value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '' && v !== null && v !== undefined);
  }
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** Every path the form shows for a value (for matching the server's field errors), e.g. applicants.0.idNumber. */
export function fieldPaths(raw: JsonSchema, value: unknown, prefix = ''): string[] {
  const schema = effective(raw);
  const kind = kindOf(schema);
  const paths = prefix ? [prefix] : [];
  const join = (key: string | number) => (prefix ? `${prefix}.${key}` : String(key));
  if (kind === 'object') {
    const source = (value && typeof value === 'object' ? value : {}) as FormValue;
    for (const [key, child] of Object.entries(schema.properties ?? {})) paths.push(...fieldPaths(child, source[key], join(key)));
  } else if ((kind === 'objectList' || kind === 'stringList') && Array.isArray(value)) {
    value.forEach((item, index) => paths.push(...fieldPaths(schema.items ?? {}, item, join(index))));
  }
  return paths;
}

/** The server's error path shown on the nearest field the form has (applicants.0 → applicants when rows are not fields). */
export function nearestPath(path: string, known: readonly string[]): string | null {
  const parts = path.split('.');
  while (parts.length) {
    const candidate = parts.join('.');
    if (known.includes(candidate)) return candidate;
    parts.pop();
  }
  return null;
}

export function isMultiline(schema: JsonSchema, widget?: string): boolean {
  return widget === 'textarea' || (effective(schema).maxLength ?? 0) > 200;
}
