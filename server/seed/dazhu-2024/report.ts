import { createReport, transitionReport } from '../../report/service.ts';
import { ROOT_CODE } from './org-tree.ts';
import { orgId, type FixtureContext, type FixtureUser } from './context.ts';
import { DAZHU_2024_REPORT } from './report-narrative.ts';

/**
 * The report itself, as the county wrote it: the seed's text with its figures as references, taken through
 * 审核 and 签发 and published on 2025-02-27, the 发布日期 the seed carries. Returns the report id.
 */
export async function loadReport(ctx: FixtureContext, leader: FixtureUser): Promise<number> {
  const id = await createReport(ctx.platform, ctx.staff.actor, { orgId: orgId(ctx, ROOT_CODE), year: 2024, content: DAZHU_2024_REPORT });
  const steps: [FixtureUser, 'submit' | 'approve' | 'sign' | 'publish', string][] = [
    [ctx.staff, 'submit', '2025-02-20'],
    [ctx.approver, 'approve', '2025-02-24'],
    [leader, 'sign', '2025-02-25'],
    [ctx.staff, 'publish', '2025-02-27'],
  ];
  for (const [index, [user, action, on]] of steps.entries()) {
    await transitionReport(ctx.platform, user.actor, id, action, { version: index + 1, on });
  }
  return id;
}
