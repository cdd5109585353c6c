import { countCases } from '../../platform/indicators/case-counts.ts';
import { defineIndicator } from '../../platform/indicators/registry.ts';

const P = 'disclosure';

/**
 * 新收政府信息公开申请: requests received (收到申请之日, 政府信息公开条例第三十一条) in the period — row 一 of table 3
 * of the annual report (国办公开办函〔2021〕30号), the figure rule-of-law reports quote as 受理政府信息公开申请.
 */
defineIndicator({
  id: 'disclosure.requests', title: '新收政府信息公开申请', unit: '件', group: '政府信息公开',
  description: '期间内收到的依申请公开申请（按收到申请之日，条例第三十一条；即年度报告表三“本年新收政府信息公开申请数量”）。',
  compute: async (q) => ({ value: await countCases(q, P, { opened: true }), records: { procedure: P, filter: { openedFrom: q.from, openedTo: q.to } } }),
});
