/**
 * Words of the 法治建设第一责任人 registers: how 党政主要负责人 perform the duties of 《党政主要负责人履行推进法治
 * 建设第一责任人职责规定》（中共中央办公厅、国务院办公厅，2016年12月）— 带头学法 (会前学法), 述法, and the
 * training of 领导干部 and 行政执法人员 (《法治政府建设实施纲要（2021—2025年）》). 宪法宣誓 follows the NPC
 * Standing Committee's decision (OATH_BASIS). Article numbers are not cited: the texts were not read here.
 */
export const GROUP = '法治建设第一责任人';

export const READ = 'leadership.read';
export const MANAGE = 'leadership.manage';

/** 述法 forms: 现场述法 (at a meeting) or 书面述法 (a written report). */
export const REPORT_FORMS = { on_site: '现场述法', written: '书面述法' } as const;
export type ReportForm = keyof typeof REPORT_FORMS;

/** Who a 学法培训 was for; 行政执法人员 training is counted on its own (提升行政执法质量三年行动计划). */
export const TRAINING_AUDIENCES = {
  leading_cadres: '领导干部',
  enforcement_officers: '行政执法人员',
  public_servants: '公职人员',
  other: '其他',
} as const;
export type TrainingAudience = keyof typeof TRAINING_AUDIENCES;

/** The default legal basis recorded with a 宪法宣誓 ceremony. */
export const OATH_BASIS = '全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2015年7月1日通过，2018年2月24日修订）';

export const keysOf = <T extends Record<string, unknown>>(table: T) => Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
