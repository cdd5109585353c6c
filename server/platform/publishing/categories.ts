import type { Db } from '../../db/client.ts';
import { declareDict } from '../dicts/registry.ts';

/**
 * 政府信息公开目录类别: the kinds of information 条例第二十条 lists for every agency and 第二十一条 adds
 * for county governments and townships. A dictionary, so an administrator can rename, reorder or add;
 * the basis of each built-in category is kept here for the catalogue.
 */
export const INFO_CATEGORY_DICT = 'info_category';

/** The category whose items explain a policy (政策解读) and link to it. */
export const INTERPRETATION_CATEGORY = 'interpretation';

export const INFO_CATEGORIES: { code: string; label: string; basis: string }[] = [
  { code: 'org_functions', label: '机构职能', basis: '第二十条第（二）项' },
  { code: 'regulations', label: '法规文件', basis: '第二十条第（一）项' },
  { code: 'normative_documents', label: '规范性文件', basis: '第二十条第（一）项' },
  { code: 'planning', label: '规划计划', basis: '第二十条第（三）项' },
  { code: 'statistics', label: '统计信息', basis: '第二十条第（四）项' },
  { code: 'licensing', label: '行政许可', basis: '第二十条第（五）项' },
  { code: 'penalty', label: '行政处罚', basis: '第二十条第（六）项' },
  { code: 'coercion', label: '行政强制', basis: '第二十条第（六）项' },
  { code: 'budget', label: '财政预决算', basis: '第二十条第（七）项' },
  { code: 'fees', label: '行政事业性收费', basis: '第二十条第（八）项' },
  { code: 'procurement', label: '政府采购', basis: '第二十条第（九）项' },
  { code: 'major_projects', label: '重大建设项目', basis: '第二十条第（十）项' },
  { code: 'livelihood', label: '民生保障', basis: '第二十条第（十一）项' },
  { code: 'emergency', label: '应急管理', basis: '第二十条第（十二）项' },
  { code: 'supervision', label: '监督检查', basis: '第二十条第（十三）项' },
  { code: 'civil_service', label: '公务员招考', basis: '第二十条第（十四）项' },
  { code: 'major_decisions', label: '重大决策', basis: '第二十条第（十五）项；重大行政决策程序暂行条例' },
  { code: INTERPRETATION_CATEGORY, label: '政策解读', basis: '第二十条第（十五）项' },
  { code: 'annual_report', label: '年度报告', basis: '第四十九条、第五十条' },
  { code: 'rule_of_law_report', label: '法治政府建设年度报告', basis: '法治政府建设与责任落实督察工作规定（每年4月1日之前公开）' },
  { code: 'expropriation', label: '征收征用', basis: '第二十一条' },
  { code: 'social_assistance', label: '社会救助', basis: '第二十一条' },
  { code: 'other', label: '其他', basis: '第二十一条、第二十二条' },
];

declareDict({
  code: INFO_CATEGORY_DICT,
  name: '政府信息公开目录类别',
  description: '主动公开政府信息的目录分类（政府信息公开条例第二十条、第二十一条）',
  items: INFO_CATEGORIES.map(({ code, label }) => ({ code, label })),
});

export type CategoryInfo = { code: string; label: string; basis: string | null; isEnabled: boolean; sort: number };

/**
 * The categories as administrators left them (labels, order, added ones, disabled ones), with the
 * built-in list filling in anything the dictionary does not hold yet.
 */
export async function loadCategories(db: Db): Promise<CategoryInfo[]> {
  const rows = await db
    .selectFrom('dict_item')
    .select(['code', 'label', 'sort', 'is_enabled'])
    .where('type_code', '=', INFO_CATEGORY_DICT)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  const basis = new Map(INFO_CATEGORIES.map((c) => [c.code, c.basis]));
  const result: CategoryInfo[] = rows.map((r) => ({
    code: r.code, label: r.label, basis: basis.get(r.code) ?? null, isEnabled: r.is_enabled === 1, sort: r.sort,
  }));
  const known = new Set(result.map((c) => c.code));
  INFO_CATEGORIES.forEach((c, index) => {
    if (!known.has(c.code)) result.push({ code: c.code, label: c.label, basis: c.basis, isEnabled: true, sort: index });
  });
  return result.sort((a, b) => a.sort - b.sort);
}

export function categoryLabel(categories: CategoryInfo[], code: string): string {
  return categories.find((c) => c.code === code)?.label ?? code;
}
