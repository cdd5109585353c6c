import { computed } from 'vue';
import type { RegisterRecord } from '@/api/leadership.ts';
import { today } from './register-list.ts';

/** Helpers the four register dialogs share. */

/** Legal dates record what happened: the picker offers no day after today (Beijing). */
export function isFuture(date: Date): boolean {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return day > today();
}

/** One entry per line: law titles (a title may itself hold punctuation). */
export function linesOf(text: string): string[] {
  return text.split(/\n+/).map((s) => s.trim()).filter(Boolean);
}

/** Names separated by lines, 、，, ；; or spaces. */
export function namesOf(text: string): string[] {
  return text.split(/[\s、，,；;]+/).map((s) => s.trim()).filter(Boolean);
}

/** OrgTreeSelect's model for a form's single orgId. */
export function orgModelOf(form: { orgId: number | null }) {
  return computed({
    get: () => form.orgId,
    set: (value: number | number[] | null) => (form.orgId = Array.isArray(value) ? value[0] ?? null : value),
  });
}

type Writer<R, I> = { create: (body: I) => Promise<R>; update: (id: number, body: I & { version: number }) => Promise<R> };

/** Creates the record, or updates it with the version the form was opened on (a stale version answers 409). */
export async function saveRecord<R, I>(api: Writer<R, I>, record: RegisterRecord | null, body: I): Promise<R> {
  return record ? api.update(record.id, { ...body, version: record.version }) : api.create(body);
}
