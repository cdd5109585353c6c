import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry.ts';
import { declareDict } from '../../platform/dicts/registry.ts';

const LOCAL = '本地规定（人民调解法未规定调解期限、群体性纠纷人数和成功率口径）';

export const MEDIATION_PERIOD_DAYS = defineSetting({
  key: 'mediation.periodDays', title: '人民调解期限', group: '人民调解', schema: z.number().int().min(1).max(365),
  defaultValue: 30, unit: '日', basis: LOCAL, description: '受理后超过该期限未结案的，提醒调解员（不是法定期限）。',
});

export const GROUP_DISPUTE_THRESHOLD = defineSetting({
  key: 'mediation.groupThreshold', title: '群体性纠纷人数标准', group: '人民调解', schema: z.number().int().min(3).max(1000),
  defaultValue: 5, unit: '人', basis: LOCAL, description: '涉及人数达到该标准的纠纷标记为群体性纠纷。',
});

export const SUCCESS_RATE_BASE = defineSetting({
  key: 'mediation.successRateBase', title: '调解成功率的分母', group: '人民调解', schema: z.enum(['concluded', 'handled']),
  defaultValue: 'concluded', basis: LOCAL,
  description: 'concluded：期间内调解结案（达成协议或调解不成）的纠纷；handled：期间内受理调处的纠纷。',
});

declareDict({
  code: 'dispute_category', name: '矛盾纠纷类别', description: '人民调解案件的纠纷类别（可按本地统计口径调整）',
  items: [
    { code: 'marriage_family', label: '婚姻家庭纠纷' }, { code: 'neighbourhood', label: '邻里纠纷' },
    { code: 'housing_land', label: '房屋宅基地纠纷' }, { code: 'contract', label: '合同纠纷' },
    { code: 'business', label: '生产经营纠纷' }, { code: 'damages', label: '损害赔偿纠纷' },
    { code: 'labour', label: '劳动争议纠纷' }, { code: 'medical', label: '医疗纠纷' },
    { code: 'traffic', label: '道路交通事故纠纷' }, { code: 'property_management', label: '物业纠纷' },
    { code: 'land_acquisition', label: '征地拆迁纠纷' }, { code: 'environment', label: '环境污染纠纷' },
    { code: 'forest_land', label: '山林土地纠纷' }, { code: 'finance', label: '金融纠纷' }, { code: 'other', label: '其他纠纷' },
  ],
});

declareDict({
  code: 'mediation_source', name: '纠纷来源', description: '人民调解案件的来源',
  items: [
    { code: 'party_application', label: '当事人申请' }, { code: 'active_screening', label: '主动排查' },
    { code: 'grid_report', label: '网格上报' }, { code: 'court_entrusted', label: '法院委派/委托' },
    { code: 'police_transfer', label: '公安移送' }, { code: 'petition_transfer', label: '信访转办' },
    { code: 'other_transfer', label: '其他部门移送' },
  ],
});
