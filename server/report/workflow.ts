import { AppError } from '../platform/errors.ts';

/**
 * The life of an annual report: written (草稿), checked by the rule-of-law office (审核), signed by the
 * responsible leader (签发, which freezes its figures and gives it a document number), and published on the
 * portal (公开, DOMAIN.md §9: 每年4月1日之前). Sending back (退回) returns it to 草稿 with a reason.
 * Pure, so a test walks it without a database.
 */
export const REPORT_STATES = {
  draft: '草稿',
  reviewing: '审核中',
  approved: '待签发',
  signed: '已签发',
  published: '已公开',
} as const;

export type ReportState = keyof typeof REPORT_STATES;

export const REPORT_PERMISSIONS = {
  'report.read': '查看法治政府建设年度报告',
  'report.edit': '编写法治政府建设年度报告',
  'report.review': '审核法治政府建设年度报告',
  'report.sign': '签发法治政府建设年度报告',
  'report.publish': '公开法治政府建设年度报告',
} as const;

export type ReportPermission = keyof typeof REPORT_PERMISSIONS;

export type ReportAction = 'edit' | 'submit' | 'approve' | 'return' | 'sign' | 'publish';

export const REPORT_ACTIONS: Record<ReportAction, { title: string; from: readonly ReportState[]; to: ReportState; permission: ReportPermission; needsNote?: boolean }> = {
  edit: { title: '保存', from: ['draft'], to: 'draft', permission: 'report.edit' },
  submit: { title: '提交审核', from: ['draft'], to: 'reviewing', permission: 'report.edit' },
  approve: { title: '审核通过', from: ['reviewing'], to: 'approved', permission: 'report.review' },
  return: { title: '退回修改', from: ['reviewing', 'approved'], to: 'draft', permission: 'report.review', needsNote: true },
  sign: { title: '签发', from: ['approved'], to: 'signed', permission: 'report.sign' },
  publish: { title: '公开', from: ['signed'], to: 'published', permission: 'report.publish' },
};

export function isReportAction(value: string): value is Exclude<ReportAction, 'edit'> {
  return value !== 'edit' && Object.hasOwn(REPORT_ACTIONS, value);
}

/** The figures of a signed report are the ones it was signed with; before that they follow the records. */
export function hasFrozenFigures(state: string): boolean {
  return state === 'signed' || state === 'published';
}

export function assertReportAction(state: string, action: ReportAction): void {
  if ((REPORT_ACTIONS[action].from as readonly string[]).includes(state)) return;
  const label = (REPORT_STATES as Record<string, string>)[state] ?? state;
  throw new AppError('TRANSITION_NOT_ALLOWED', `报告处于“${label}”状态，不能${REPORT_ACTIONS[action].title}`);
}

/** Which actions the state allows, for the user's permissions (the UI shows exactly these). */
export function availableActions(state: string, can: (permission: ReportPermission) => boolean): ReportAction[] {
  return (Object.keys(REPORT_ACTIONS) as ReportAction[]).filter((a) => (REPORT_ACTIONS[a].from as readonly string[]).includes(state) && can(REPORT_ACTIONS[a].permission));
}
