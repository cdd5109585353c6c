import { z } from 'zod';
import { defineSetting } from '../settings/registry.ts';

/** The figures a leader sees first; ids not (or no longer) declared as indicators are skipped. */
export const HEADLINE_INDICATORS = defineSetting({
  key: 'dashboard.headlineIndicators',
  title: '领导驾驶舱核心指标',
  group: '统计',
  schema: z.array(z.string().trim().min(1).max(100)).max(24),
  defaultValue: [
    'reconsideration.received',
    'reconsideration.correctionRate',
    'litigation.received.first',
    'litigation.lossRate',
    'litigation.headAttendanceRate',
    'disclosure.requests',
    'mediation.handled',
    'mediation.successRate',
  ],
  basis: '本地规定',
  description: '领导驾驶舱顶部展示的指标编号（见“指标”页），按顺序排列；未登记的编号不显示。',
});
