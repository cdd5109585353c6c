import { z } from 'zod';
import { defineSetting } from '../settings/registry.ts';

export const DEADLINE_NEAR_DAYS = defineSetting({
  key: 'deadline.nearDueDays',
  title: '报告期限临期提醒天数',
  group: '期限',
  schema: z.number().int().min(0).max(90),
  defaultValue: 15,
  unit: '日',
  basis: '本地规定',
  description: '年度报告等报送期限届满前多少个自然日起显示为“临期”。',
});
