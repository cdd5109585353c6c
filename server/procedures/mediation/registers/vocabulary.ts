import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { declareDict } from '../../../platform/dicts/registry.ts';
import { AppError } from '../../../platform/errors.ts';

/** Kinds of 人民调解委员会 and the provision each is set up under (中华人民共和国人民调解法). */
export const COMMITTEE_KINDS = {
  village_resident: { label: '村（居）民委员会人民调解委员会', basis: '人民调解法第八条第一款' },
  township: { label: '乡镇（街道）人民调解委员会', basis: '人民调解法第三十四条' },
  enterprise: { label: '企业事业单位人民调解委员会', basis: '人民调解法第八条第一款' },
  industry: { label: '行业性专业性人民调解委员会', basis: '人民调解法第三十四条' },
} as const;

export type CommitteeKind = keyof typeof COMMITTEE_KINDS;

/** 第八条第二款: 设主任一人，必要时，可以设副主任若干人. */
export const MEMBER_ROLES = { director: '主任', deputy: '副主任', member: '委员' } as const;
export const GENDERS = { female: '女', male: '男' } as const;
export const EMPLOYMENTS = { full_time: '专职', part_time: '兼职' } as const;
export const RISK_LEVELS = { low: '低', medium: '中', high: '高' } as const;
export const REPORT_STATES = { open: '待处理', converting: '转案中', converted: '已转为调解案件', closed: '已关闭' } as const;

export const FIELD_DICT = 'mediation_field';
/** Declared by the mediation procedure (settings.ts); reports name its codes. */
export const DISPUTE_CATEGORY_DICT = 'dispute_category';

/** Codes shared with `dispute_category` where the field and the category coincide (medical, traffic …). */
declareDict({
  code: FIELD_DICT,
  name: '行业性专业性调解领域',
  description: '行业性专业性人民调解委员会的调解领域（人民调解法第三十四条）',
  items: [
    { code: 'medical', label: '医疗纠纷' },
    { code: 'traffic', label: '道路交通事故' },
    { code: 'labour', label: '劳动争议' },
    { code: 'property_management', label: '物业纠纷' },
    { code: 'finance', label: '金融纠纷' },
    { code: 'marriage_family', label: '婚姻家庭' },
    { code: 'consumer', label: '消费纠纷' },
    { code: 'construction', label: '建设工程' },
    { code: 'environment', label: '环境污染' },
    { code: 'land_acquisition', label: '征地拆迁' },
    { code: 'tourism', label: '旅游纠纷' },
    { code: 'intellectual_property', label: '知识产权' },
    { code: 'campus', label: '校园纠纷' },
    { code: 'other', label: '其他' },
  ],
});

export function labelOf<T extends Record<string, string | { label: string }>>(table: T, code: string | null): string | null {
  if (code == null) return null;
  const entry = (table as Record<string, string | { label: string } | undefined>)[code];
  if (entry === undefined) return code;
  return typeof entry === 'string' ? entry : entry.label;
}

/** Labels of a dictionary as administrators left them (disabled items too, for old records). */
export async function dictLabels(db: Kysely<Database> | Transaction<Database>, type: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('dict_item').select(['code', 'label']).where('type_code', '=', type).execute();
  return new Map(rows.map((r) => [r.code, r.label]));
}

/**
 * A code must be an enabled item of its dictionary. A dictionary not seeded yet (a procedure declaring it is
 * not installed) accepts the code as given: the record keeps the code and shows it until a label exists.
 */
export async function assertDictCode(db: Transaction<Database>, type: string, code: string | null | undefined, path: string, what: string): Promise<void> {
  if (!code) return;
  const hasType = await db.selectFrom('dict_type').select('code').where('code', '=', type).executeTakeFirst();
  if (!hasType) return;
  const item = await db.selectFrom('dict_item').select('id').where('type_code', '=', type).where('code', '=', code).where('is_enabled', '=', 1).executeTakeFirst();
  if (!item) throw new AppError('VALIDATION_FAILED', `${what}“${code}”不在字典中或已停用`, { fields: [{ path, message: `请选择字典中的${what}` }] });
}
