import type { Gender, MemberRole } from '@/api/mediation.ts';

/** One row of the member editor: `phone` is a new number ('' keeps the stored one of an existing member). */
export type MemberRow = {
  id?: number;
  name: string;
  gender: Gender;
  role: MemberRole;
  termStart: string;
  termEnd: string;
  phone: string;
  phoneMasked: string | null;
};

export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A new member: 委员, a three-year term (人民调解法第九条) starting today. */
export function newMember(): MemberRow {
  const start = new Date();
  const end = new Date(start.getFullYear() + 3, start.getMonth(), start.getDate() - 1);
  return { name: '', gender: 'male', role: 'member', termStart: isoDay(start), termEnd: isoDay(end), phone: '', phoneMasked: null };
}
