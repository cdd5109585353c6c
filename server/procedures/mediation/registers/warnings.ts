/**
 * Composition rules of a 人民调解委员会, checked on read. A committee breaking them is still registered
 * (the register records what exists); staff see a warning with the provision behind it.
 *
 * 人民调解法第八条第二款: 人民调解委员会由委员三至九人组成，设主任一人，必要时，可以设副主任若干人。
 * 人民调解法第八条第三款: 人民调解委员会应当有妇女成员，多民族居住的地区应当有人数较少民族的成员。
 * 人民调解法第九条第二款: 人民调解委员会委员每届任期三年，可以连选连任。
 *
 * The woman-member rule of 第八条第三款 applies to every committee, not only those of 村/居委会; committees
 * of 乡镇、街道 and other organisations are set up 参照本法 (第三十四条), so they are held to it as well.
 */
export type MemberFacts = { id: number; name: string; gender: string; role: string; termStart: string; termEnd: string };

export type WarningCode = 'too_few_members' | 'too_many_members' | 'director_count' | 'no_woman_member' | 'term_over_three_years' | 'term_ended';

export type CommitteeWarning = { code: WarningCode; message: string; basis: string; memberIds: number[] };

const ART_8_2 = '人民调解法第八条第二款';
const ART_8_3 = '人民调解法第八条第三款';
const ART_9_2 = '人民调解法第九条第二款';

export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 9;
export const TERM_YEARS = 3;

/** The last day a term begun on `start` may run to: the same date three years on (string order suffices). */
export function latestTermEnd(start: string): string {
  return `${Number(start.slice(0, 4)) + TERM_YEARS}${start.slice(4)}`;
}

/** Members still in office or elected for a term not yet over: those the composition rules count. */
export function sittingMembers<M extends MemberFacts>(members: M[], today: string): M[] {
  return members.filter((m) => m.termEnd >= today);
}

const names = (members: MemberFacts[]) => members.map((m) => m.name).join('、');

export function committeeWarnings(members: MemberFacts[], today: string): CommitteeWarning[] {
  const warnings: CommitteeWarning[] = [];
  const sitting = sittingMembers(members, today);
  const count = sitting.length;
  if (count < MIN_MEMBERS) {
    warnings.push({
      code: 'too_few_members', basis: ART_8_2, memberIds: [],
      message: `现有委员${count}人，少于三人（${ART_8_2}：人民调解委员会由委员三至九人组成）`,
    });
  }
  if (count > MAX_MEMBERS) {
    warnings.push({
      code: 'too_many_members', basis: ART_8_2, memberIds: [],
      message: `现有委员${count}人，多于九人（${ART_8_2}：人民调解委员会由委员三至九人组成）`,
    });
  }
  const directors = sitting.filter((m) => m.role === 'director');
  if (count > 0 && directors.length !== 1) {
    warnings.push({
      code: 'director_count', basis: ART_8_2, memberIds: directors.map((m) => m.id),
      message: directors.length === 0 ? `未设主任（${ART_8_2}：设主任一人）` : `设主任${directors.length}人（${ART_8_2}：设主任一人）`,
    });
  }
  if (!sitting.some((m) => m.gender === 'female')) {
    warnings.push({
      code: 'no_woman_member', basis: ART_8_3, memberIds: [],
      message: `没有妇女成员（${ART_8_3}：人民调解委员会应当有妇女成员）`,
    });
  }
  const overlong = members.filter((m) => m.termEnd > latestTermEnd(m.termStart));
  if (overlong.length) {
    warnings.push({
      code: 'term_over_three_years', basis: ART_9_2, memberIds: overlong.map((m) => m.id),
      message: `${names(overlong)}的任期超过三年（${ART_9_2}：人民调解委员会委员每届任期三年）`,
    });
  }
  const ended = members.filter((m) => m.termEnd < today);
  if (ended.length) {
    warnings.push({
      code: 'term_ended', basis: ART_9_2, memberIds: ended.map((m) => m.id),
      message: `${names(ended)}的任期已届满，请换届推选或更新任期（${ART_9_2}：每届任期三年，可以连选连任）`,
    });
  }
  return warnings;
}
