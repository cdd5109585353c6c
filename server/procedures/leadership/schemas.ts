import { z } from 'zod';
import { todayInChina } from '../../platform/engine/plan.ts';
import { ZPaging } from '../../platform/http/paging.ts';
import { keysOf, OATH_BASIS, REPORT_FORMS, TRAINING_AUDIENCES } from './vocabulary.ts';

const ZText = (what: string, max: number) => z.string({ message: `请填写${what}` }).trim().min(1, `请填写${what}`).max(max, `${what}不能超过${max}字`);
/** Optional text: '' and absent both mean none. */
const ZOptionalText = (what: string, max: number) => z.string().trim().max(max, `${what}不能超过${max}字`).nullish().transform((v) => v || null);

/** A real calendar date 'YYYY-MM-DD'. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((v) => {
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v;
}, '日期无效');

/** Legal dates record what happened: never in the future (DESIGN property 3; 补录 uses the real date). */
const ZHeldOn = (what: string) => z.string({ message: `请填写${what}` }).pipe(ZDay).refine((v) => v <= todayInChina(), `${what}不能晚于今天`);
const ZOrgId = z.number({ message: '请选择所属单位' }).int().positive('请选择所属单位');
const ZCount = (what: string) => z.number({ message: `请填写${what}` }).int(`${what}应为整数`).min(1, `${what}至少为1`).max(100000, `${what}过大`);
const ZVersion = { version: z.number({ message: '缺少版本号' }).int().positive() };

/** A law's title; surrounding 《》 are dropped so titles compare and display alike. */
const ZLawTitle = z.string().trim().transform((v) => v.replace(/^《(.*)》$/, '$1').trim()).pipe(
  z.string().min(1, '请填写法律法规名称').max(100, '法律法规名称不能超过100字'),
);

const studyShape = {
  orgId: ZOrgId,
  heldOn: ZHeldOn('学法日期'),
  meeting: ZText('会议名称', 100),
  topics: ZText('学习内容', 2000),
  laws: z.array(ZLawTitle, { message: '请填写所学法律法规' }).min(1, '请至少填写一部所学法律法规').max(50, '所学法律法规不能超过50部'),
  presenter: ZOptionalText('主讲人', 100),
};
export const ZStudyInput = z.object(studyShape);
export const ZStudyUpdate = z.object({ ...studyShape, ...ZVersion });
export type StudyInput = z.output<typeof ZStudyInput>;

const reportShape = {
  orgId: ZOrgId,
  heldOn: ZHeldOn('述法日期'),
  leaderName: ZText('述法人姓名', 50),
  position: ZText('职务', 100),
  form: z.enum(keysOf(REPORT_FORMS), { message: '请选择述法形式（现场述法或书面述法）' }),
  occasion: ZOptionalText('述法会议或场合', 200),
  comments: ZOptionalText('点评意见', 2000),
};
export const ZReportInput = z.object(reportShape);
export const ZReportUpdate = z.object({ ...reportShape, ...ZVersion });
export type ReportInput = z.output<typeof ZReportInput>;

const oathShape = {
  orgId: ZOrgId,
  heldOn: ZHeldOn('宣誓日期'),
  place: ZText('宣誓地点', 200),
  organiser: ZText('组织单位', 100),
  swornCount: ZCount('宣誓人数'),
  names: z.array(ZText('宣誓人姓名', 50)).max(1000, '宣誓人名单不能超过1000人').default([]),
  basis: ZOptionalText('依据', 200).transform((v) => v ?? OATH_BASIS),
};
/** A names list, when given, may be partial but never longer than the count sworn. */
const oathRules = (value: { swornCount: number; names: string[] }, ctx: z.RefinementCtx) => {
  if (value.names.length > value.swornCount) ctx.addIssue({ code: 'custom', path: ['names'], message: `宣誓人名单有${value.names.length}人，多于宣誓人数` });
};
export const ZOathInput = z.object(oathShape).superRefine(oathRules);
export const ZOathUpdate = z.object({ ...oathShape, ...ZVersion }).superRefine(oathRules);
export type OathInput = z.output<typeof ZOathInput>;

const trainingShape = {
  orgId: ZOrgId,
  heldOn: ZHeldOn('培训日期'),
  title: ZText('培训名称', 200),
  audience: z.enum(keysOf(TRAINING_AUDIENCES), { message: '请选择培训对象' }),
  hours: z.number({ message: '请填写培训学时' }).positive('培训学时应大于0').max(1000, '培训学时过大'),
  participantCount: ZCount('参训人数'),
  organiser: ZText('组织单位', 100),
};
export const ZTrainingInput = z.object(trainingShape);
export const ZTrainingUpdate = z.object({ ...trainingShape, ...ZVersion });
export type TrainingInput = z.output<typeof ZTrainingInput>;

export const ZVoid = z.object({ reason: ZText('作废原因', 500), ...ZVersion });

/**
 * Every register list: paging, the legal-date period (from/to, inclusive), an organisation with its subtree
 * (orgTree), a keyword, and voided records only when asked. Indicator links carry exactly from/to/orgTree and
 * the register's own filters, so the list shows the records behind a figure.
 */
export const ZListQuery = ZPaging.extend({
  from: ZDay.optional(),
  to: ZDay.optional(),
  orgTree: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50, '关键字不能超过50字').optional(),
  includeVoided: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});
export type ListQuery = z.output<typeof ZListQuery>;

export const periodRule = (value: { from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
};
