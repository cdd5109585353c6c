import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/support/platform.ts';
import type { Principal } from '../access/scope.ts';
import { collectDeadlines } from './collect.ts';
import { defineDeadlineSource, type DeadlineItem } from './registry.ts';
import { deadlineView } from './status.ts';

const item = (over: Partial<DeadlineItem> = {}): DeadlineItem => ({
  sourceId: 'test.report', title: '测试报告', orgId: 1, orgName: '某机关', year: 2024, deadline: '2025-03-01', basis: '测试依据',
  isDone: false, link: null, ...over,
});

describe('deadline status', () => {
  it('is 未到期 more than 15 days ahead, 临期 from 15 days to the day itself, 已超期 the day after', () => {
    expect(deadlineView(item(), '2025-02-01', 15)).toMatchObject({ status: 'pending', statusLabel: '未到期', daysLeft: 28 });
    expect(deadlineView(item(), '2025-02-13', 15)).toMatchObject({ status: 'pending', daysLeft: 16 });
    expect(deadlineView(item(), '2025-02-14', 15)).toMatchObject({ status: 'due_soon', statusLabel: '临期', daysLeft: 15 });
    expect(deadlineView(item(), '2025-03-01', 15)).toMatchObject({ status: 'due_soon', daysLeft: 0 });
    expect(deadlineView(item(), '2025-03-02', 15)).toMatchObject({ status: 'overdue', statusLabel: '已超期', daysLeft: -1 });
  });

  it('is 已完成 once done, even after the deadline', () => {
    expect(deadlineView(item({ isDone: true, doneOn: '2025-03-05' }), '2025-04-01', 15)).toMatchObject({ status: 'done', statusLabel: '已完成', doneOn: '2025-03-05', daysLeft: -31 });
  });

  it('counts days across a leap day and a year end', () => {
    expect(deadlineView(item({ deadline: '2024-03-01' }), '2024-02-28', 0)).toMatchObject({ daysLeft: 2, status: 'pending' });
    expect(deadlineView(item({ deadline: '2025-01-31' }), '2024-12-31', 30)).toMatchObject({ daysLeft: 31, status: 'pending' });
  });
});

describe('the deadline registry', () => {
  let ctx: TestPlatform;
  let orgs: Map<string, number>;
  const principal = (orgCode: string, dataScope: 'all' | 'org' | 'org_and_below', permissions = ['indicator.read']): Principal => ({
    userId: 1, username: 'u', displayName: 'u', orgIds: [orgs.get(orgCode)!], grants: [{ permissions, dataScope, scopeOrgIds: [] }],
  });

  beforeAll(async () => {
    ctx = await createTestPlatform({ seed: true });
    orgs = new Map((await ctx.platform.db.selectFrom('organization').select(['id', 'code']).execute()).map((o) => [o.code!, o.id]));
    // A source that lists one report per organisation it is given (all three when unrestricted), due on different days.
    defineDeadlineSource({
      id: 'test.report', title: '测试报告', basis: '测试依据', permission: 'test.read',
      list: async ({ orgIds, year }) => ['county', 'market', 'dongcheng'].map((code, i) => item({
        orgId: orgs.get(code)!, orgName: code, year, deadline: `${year + 1}-0${3 - i}-01`, isDone: code === 'dongcheng',
      })).filter((i) => !orgIds || orgIds.includes(i.orgId) || i.orgName === 'dongcheng'),
    });
  });
  afterAll(async () => {
    await ctx.close();
  });

  const listed = async (who: Principal, today = '2025-02-20', isMine = false) =>
    (await collectDeadlines({ db: ctx.platform.db, principal: who, year: 2024, today, isMine })).items.filter((i) => i.sourceId === 'test.report');

  it('lists every source item with its status, soonest deadline first, for a county-wide reader', async () => {
    const items = await listed(principal('county', 'all', ['test.read']));
    expect(items.map((i) => [i.orgName, i.deadline, i.status])).toEqual([
      ['dongcheng', '2025-01-01', 'done'],
      ['market', '2025-02-01', 'overdue'],
      ['county', '2025-03-01', 'due_soon'],
    ]);
  });

  it('leaves out a source whose permission the caller lacks', async () => {
    expect(await listed(principal('county', 'all', ['indicator.read']))).toEqual([]);
  });

  it('drops items outside the caller\'s scope even when the source returns them', async () => {
    const items = await listed(principal('market', 'org', ['test.read']));
    expect(items.map((i) => i.orgName)).toEqual(['market']);
  });

  it('lists only the caller\'s own organisations when asked (home page)', async () => {
    const items = await listed(principal('county', 'all', ['test.read']), '2025-02-20', true);
    expect(items.map((i) => i.orgName)).toEqual(['county']);
  });

  it('takes the 临期 threshold from the setting', async () => {
    const reader = principal('county', 'all', ['test.read']);
    expect((await listed(reader, '2025-02-01')).find((i) => i.orgName === 'county')!.status).toBe('pending');
    await ctx.platform.db.insertInto('setting').values({ key: 'deadline.nearDueDays', value_json: '30', updated_at: new Date().toISOString(), updated_by: null }).execute();
    expect((await listed(reader, '2025-02-01')).find((i) => i.orgName === 'county')!.status).toBe('due_soon');
  });
});
