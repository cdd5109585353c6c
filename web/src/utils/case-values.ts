import { fieldLabel, fieldMeta } from './field-labels.ts';

/** Labels of dictionary values by dictionary code, e.g. { receive_channel: { post: '邮寄' } }. */
export type DictLabels = Record<string, Record<string, string>>;

export type Entry = { key: string; path: string; label: string; value: unknown };

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmptyValue);
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** The shown entries of an object: labelled, hidden and empty ones left out. */
export function entriesOf(value: Record<string, unknown>, prefix: string, scope?: string): Entry[] {
  return Object.entries(value)
    .map(([key, v]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return { key, path, label: fieldLabel(path, scope), value: v };
    })
    .filter((e) => !fieldMeta(e.path, scope)?.isHiddenInView && !isEmptyValue(e.value));
}

/** A scalar as a person reads it: enum and dictionary labels, 是/否, — for nothing. */
export function scalarText(path: string, value: unknown, dicts: DictLabels = {}, scope?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const meta = fieldMeta(path, scope);
  const text = String(value);
  if (meta?.options?.[text]) return meta.options[text];
  if (meta?.dict) return dicts[meta.dict]?.[text] ?? text;
  return text;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** One line for a value of any shape: a list of parties reads as their names, an object as its title. */
export function inlineText(path: string, value: unknown, dicts: DictLabels = {}, scope?: string, max = 60): string {
  if (Array.isArray(value)) {
    return shorten(value.map((item, i) => inlineText(`${path}.${i}`, item, dicts, scope, max)).join('、'), max);
  }
  if (isPlainObject(value)) {
    const name = value.name ?? value.title;
    if (typeof name === 'string' && name) return shorten(name, max);
    return shorten(entriesOf(value, path, scope).map((e) => `${e.label}：${inlineText(e.path, e.value, dicts, scope, max)}`).join('；'), max);
  }
  return shorten(scalarText(path, value, dicts, scope), max);
}

/** An event's input as short 标签：值 pairs for the timeline. */
export function compactInput(input: Record<string, unknown>, scope: string, dicts: DictLabels = {}): { label: string; text: string }[] {
  return entriesOf(input, '', scope).map((e) => ({ label: e.label, text: inlineText(e.path, e.value, dicts, scope, 40) }));
}

/** Long text gets a whole row in a descriptions table. */
export function isWide(path: string, value: unknown, scope?: string): boolean {
  if (typeof value === 'string') return value.length > 40 || fieldMeta(path, scope)?.widget === 'textarea';
  return Array.isArray(value) || isPlainObject(value);
}
