import { reviewEnteredFigure, submitEnteredFigure, ZEnteredFigure } from '../../platform/indicators/entered-service.ts';
import { orgId, scopeOf, type FixtureContext } from './context.ts';
import { DAZHU_2024_FIGURES } from './figures.ts';
import { orgCode } from './org-tree.ts';

/**
 * Enters the report's figures the platform cannot compute (填报) the way the API does: 县司法局 staff submit each
 * with its source on the responsible organisation, a second member of the office approves it.
 */
export async function loadEnteredFigures(ctx: FixtureContext): Promise<{ entered: number }> {
  const { platform, staff, approver } = ctx;
  const enterScope = await scopeOf(ctx, staff, 'indicator.enter');
  const approveScope = await scopeOf(ctx, approver, 'indicator.approve');
  for (const [indicatorId, value, org, source] of DAZHU_2024_FIGURES) {
    const input = ZEnteredFigure.parse({ indicatorId, orgId: orgId(ctx, orgCode(org)), year: 2024, value, source, note: '依据《大竹县2024年法治政府建设工作报告》核对' });
    const id = await submitEnteredFigure(platform, { ...staff, scope: enterScope }, input);
    await reviewEnteredFigure(platform, { ...approver, scope: approveScope }, id, { decision: 'approve', note: '已核对原始台账' });
  }
  return { entered: DAZHU_2024_FIGURES.length };
}
