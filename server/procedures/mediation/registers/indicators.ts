import { defineIndicator } from '../../../platform/indicators/registry.ts';

/**
 * 调委会 figures county reports state ("行业性专业性调委会达17个"): committees of the organisation's subtree
 * that exist at the end of the period and are active, from the committee register.
 */
defineIndicator({
  id: 'mediation.industryCommittees', title: '行业性专业性人民调解委员会', unit: '个', group: '人民调解', isEnterable: true,
  description: '期末在册、未撤销的行业性专业性人民调解委员会（人民调解法第三十四条），按设立单位所在组织统计。',
  compute: async (q) => {
    let query = q.db.selectFrom('mediation_committee').where('kind', '=', 'industry').where('is_active', '=', 1)
      .where((eb) => eb.or([eb('established_on', 'is', null), eb('established_on', '<=', q.to)]));
    if (q.orgIds) query = query.where('parent_org_id', 'in', q.orgIds.length ? q.orgIds : [-1]);
    const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { value: Number(row.n), records: { register: 'mediation/committees', filter: { kind: 'industry', isActive: 'true' } } };
  },
});
