import { describe, expect, it } from 'vitest';
import { committeeWarnings, latestTermEnd, type MemberFacts } from './warnings.ts';

const TODAY = '2025-06-01';
let nextId = 1;
const member = (overrides: Partial<MemberFacts> = {}): MemberFacts => ({
  id: nextId++, name: `委员${nextId}`, gender: 'male', role: 'member', termStart: '2024-01-01', termEnd: '2026-12-31', ...overrides,
});
/** Director (a woman) and members: a committee that keeps every rule. */
const sound = (size: number) => [member({ role: 'director', gender: 'female', name: '李主任' }), ...Array.from({ length: size - 1 }, () => member())];
const codes = (members: MemberFacts[]) => committeeWarnings(members, TODAY).map((w) => w.code);

describe('committee composition (人民调解法第八条、第九条)', () => {
  it('has no warning for three to nine members with one director and a woman', () => {
    expect(codes(sound(3))).toEqual([]);
    expect(codes(sound(9))).toEqual([]);
  });

  it('warns when fewer than three members sit, citing 第八条第二款', () => {
    const [warning] = committeeWarnings(sound(2), TODAY);
    expect(warning.code).toBe('too_few_members');
    expect(warning.basis).toBe('人民调解法第八条第二款');
    expect(warning.message).toContain('委员三至九人');
  });

  it('warns when more than nine members sit', () => {
    expect(codes(sound(10))).toEqual(['too_many_members']);
  });

  it('warns when no member is a woman, citing 第八条第三款', () => {
    const members = sound(3).map((m) => ({ ...m, gender: 'male' }));
    const warning = committeeWarnings(members, TODAY).find((w) => w.code === 'no_woman_member');
    expect(warning?.basis).toBe('人民调解法第八条第三款');
    expect(warning?.message).toContain('人民调解委员会应当有妇女成员');
  });

  it('warns when there is no director or more than one', () => {
    expect(codes(sound(3).map((m) => ({ ...m, role: 'member' })))).toEqual(['director_count']);
    expect(codes([...sound(3), member({ role: 'director' })])).toEqual(['director_count']);
  });

  it('warns about a term longer than three years and names the member (第九条第二款)', () => {
    const long = member({ name: '王五', termStart: '2024-01-01', termEnd: '2027-01-02' });
    const warning = committeeWarnings([...sound(3), long], TODAY).find((w) => w.code === 'term_over_three_years');
    expect(warning?.memberIds).toEqual([long.id]);
    expect(warning?.message).toContain('王五');
    expect(warning?.basis).toBe('人民调解法第九条第二款');
    expect(codes([...sound(3), member({ termStart: '2024-01-01', termEnd: '2027-01-01' })])).toEqual([]);
  });

  it('flags ended terms and no longer counts those members', () => {
    const ended = sound(3).map((m, i) => (i === 0 ? m : { ...m, termStart: '2021-01-01', termEnd: '2023-12-31' }));
    const found = committeeWarnings(ended, TODAY);
    expect(found.map((w) => w.code)).toEqual(['too_few_members', 'term_ended']);
    expect(found[0].message).toContain('现有委员1人');
    expect(found[1].memberIds).toEqual([ended[1].id, ended[2].id]);
  });

  it('takes the same date three years on as the longest term, leap days included', () => {
    expect(latestTermEnd('2024-03-15')).toBe('2027-03-15');
    expect('2027-02-28' <= latestTermEnd('2024-02-29')).toBe(true);
    expect('2027-03-01' <= latestTermEnd('2024-02-29')).toBe(false);
  });
});
