import { z } from 'zod';
import { isValidMobile } from '../../../../common/validators.ts';
import { ZPaging } from '../../../platform/http/paging.ts';
import { todayInChina } from '../../../platform/engine/plan.ts';
import { COMMITTEE_KINDS, EMPLOYMENTS, GENDERS, MEMBER_ROLES, RISK_LEVELS, REPORT_STATES } from './vocabulary.ts';

const keys = <T extends Record<string, unknown>>(table: T) => Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];

const ZText = (what: string, max: number) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}字`);
const ZOptionalText = (what: string, max: number) => z.string().trim().max(max, `${what}不能超过${max}字`).optional();
const ZId = (what: string) => z.number({ message: `请选择${what}` }).int().positive(`请选择${what}`);
const ZDictCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '请选择字典中的项目');

/** A real calendar date 'YYYY-MM-DD'. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((v) => {
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}, '日期无效');
const ZPastDay = (what: string) => ZDay.refine((v) => v <= todayInChina(), `${what}不能晚于今天`);

/** Mobile or landline (区号-号码); stored SM4-sealed, shown masked. */
export const ZPhone = z.string().trim().max(20, '电话号码过长').refine((v) => v === '' || isValidMobile(v) || /^0\d{2,3}-?\d{7,8}$/.test(v), '电话号码格式不正确');

const ZGender = z.enum(keys(GENDERS), { message: '请选择性别' });

export const ZMember = z
  .object({
    /** An existing member's id when updating: an omitted phone keeps the stored one. */
    id: z.number().int().positive().optional(),
    name: ZText('姓名', 50),
    gender: ZGender,
    role: z.enum(keys(MEMBER_ROLES), { message: '请选择职务（主任、副主任或委员）' }),
    termStart: ZDay,
    termEnd: ZDay,
    phone: ZPhone.optional(),
  })
  .refine((m) => m.termEnd >= m.termStart, { path: ['termEnd'], message: '任期届满日期不能早于任期开始日期' });

export type MemberInput = z.output<typeof ZMember>;

const committeeFields = {
  name: ZText('调委会名称', 100),
  kind: z.enum(keys(COMMITTEE_KINDS), { message: '请选择调委会类型' }),
  field: ZDictCode.nullish(),
  parentOrgId: ZId('所属单位'),
  /** Link to an existing organisation of kind 'committee' … */
  orgId: z.number().int().positive().nullish(),
  /** … or create one under the parent organisation. */
  createOrg: z.boolean().default(false),
  /** undefined: the 司法所 of the township, when there is exactly one; null: none. */
  guideOrgId: z.number().int().positive().nullish(),
  establishedOn: ZPastDay('设立日期').nullish(),
  isActive: z.boolean().default(true),
  remark: ZOptionalText('备注', 1000),
  members: z.array(ZMember).max(50, '成员不能超过50人').default([]),
};

type CommitteeShape = { kind: string; field?: string | null; orgId?: number | null; createOrg: boolean };

function committeeRules(value: CommitteeShape, ctx: z.RefinementCtx): void {
  if (value.kind === 'industry' && !value.field) ctx.addIssue({ code: 'custom', path: ['field'], message: '行业性专业性调委会请选择调解领域' });
  if (value.kind !== 'industry' && value.field) ctx.addIssue({ code: 'custom', path: ['field'], message: '只有行业性专业性调委会需要填写调解领域' });
  if (value.createOrg && value.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: '已选择组织机构时不能再新建' });
}

export const ZCommitteeInput = z.object(committeeFields).superRefine(committeeRules);
export const ZCommitteeUpdate = z.object({ ...committeeFields, version: z.number().int().positive() }).superRefine(committeeRules);
export type CommitteeInput = z.output<typeof ZCommitteeInput>;

const mediatorFields = {
  committeeId: ZId('所属调委会'),
  name: ZText('姓名', 50),
  gender: ZGender,
  employment: z.enum(keys(EMPLOYMENTS), { message: '请选择专职或兼职' }),
  /** 人民调解法第十三条: 人民调解员由人民调解委员会委员和人民调解委员会聘任的人员担任. */
  isCommitteeMember: z.boolean().default(false),
  qualification: ZOptionalText('资质情况', 200),
  isActive: z.boolean().default(true),
};
export const ZMediatorInput = z.object(mediatorFields);
export const ZMediatorUpdate = z.object({ ...mediatorFields, version: z.number().int().positive() });
export type MediatorInput = z.output<typeof ZMediatorInput>;

export const ZTrainingInput = z.object({
  trainedOn: ZPastDay('培训日期'),
  hours: z.number({ message: '请填写学时' }).positive('学时应大于0').max(1000, '学时过大'),
  topic: ZText('培训内容', 200),
  organiser: ZText('组织单位', 100),
});
export type TrainingInput = z.output<typeof ZTrainingInput>;

const gridFields = {
  name: ZText('网格名称', 100),
  townshipOrgId: ZId('所属乡镇（街道）'),
  guideOrgId: z.number().int().positive().nullish(),
  description: ZOptionalText('网格范围说明', 2000),
  isActive: z.boolean().default(true),
};
export const ZGridInput = z.object(gridFields);
export const ZGridUpdate = z.object({ ...gridFields, version: z.number().int().positive() });
export type GridInput = z.output<typeof ZGridInput>;

const workerFields = { name: ZText('姓名', 50), phone: ZPhone.optional(), isActive: z.boolean().default(true) };
export const ZWorkerInput = z.object(workerFields);
/** An omitted phone keeps the stored one; '' clears it. */
export const ZWorkerUpdate = z.object({ ...workerFields, version: z.number().int().positive() });
export type WorkerInput = z.output<typeof ZWorkerInput>;

const reportFields = {
  gridId: ZId('网格'),
  gridWorkerId: z.number().int().positive().nullish(),
  foundOn: ZPastDay('发现日期'),
  description: ZText('隐患情况', 5000),
  parties: z.array(z.string().trim().min(1, '请填写当事人姓名').max(100)).max(100, '当事人不能超过100个').default([]),
  place: ZOptionalText('地点', 200),
  riskLevel: z.enum(keys(RISK_LEVELS), { message: '请选择风险等级（低、中、高）' }),
  category: ZDictCode.nullish(),
};
export const ZReportInput = z.object(reportFields);
export const ZReportUpdate = z.object({ ...reportFields, version: z.number().int().positive() });
export type ReportInput = z.output<typeof ZReportInput>;

export const ZReportClose = z.object({ reason: ZText('关闭理由', 1000), version: z.number().int().positive().optional() });

/** The case to register; defaults come from the report (source 网格上报, summary, place, category, parties). */
export const ZReportConvert = z.object({
  orgId: z.number().int().positive().optional(),
  on: ZDay.optional(),
  input: z.record(z.string(), z.unknown()).default({}),
});

const ZFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZCommitteeQuery = ZPaging.extend({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(keys(COMMITTEE_KINDS)).optional(),
  field: ZDictCode.optional(),
  townshipOrgId: z.coerce.number().int().positive().optional(),
  isActive: ZFlag.optional(),
});
export const ZMediatorQuery = ZPaging.extend({
  q: z.string().trim().max(50).optional(),
  committeeId: z.coerce.number().int().positive().optional(),
  employment: z.enum(keys(EMPLOYMENTS)).optional(),
  isActive: ZFlag.optional(),
});
export const ZGridQuery = ZPaging.extend({
  q: z.string().trim().max(50).optional(),
  townshipOrgId: z.coerce.number().int().positive().optional(),
  isActive: ZFlag.optional(),
});
export const ZReportQuery = ZPaging.extend({
  state: z.enum(keys(REPORT_STATES)).optional(),
  gridId: z.coerce.number().int().positive().optional(),
  townshipOrgId: z.coerce.number().int().positive().optional(),
  riskLevel: z.enum(keys(RISK_LEVELS)).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
});
