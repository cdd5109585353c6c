import type { Calendar } from '../../platform/calendar/calendar.ts';
import { days } from '../../platform/calendar/deadline.ts';
import { toDayNumber } from '../../platform/calendar/dates.ts';
import type { CaseData } from '../../platform/engine/define.ts';
import type { HearingInput, RegisterInput } from './schemas.ts';

/** 上诉期限 (行政诉讼法第八十五条): 十五日 from service of a first-instance judgment, 十日 of a ruling. */
export const JUDGMENT_APPEAL_DAYS = 15;
export const RULING_APPEAL_DAYS = 10;

export type LastDecision = { form: 'judgment' | 'ruling'; kind: string; servedOn: string };

/**
 * Whether this instance's judgments and rulings may be appealed: a first instance (法第八十五条), or a retrial
 * heard under the first-instance procedure (解释第一百一十九条). A second instance ends in a 终审 (法第八十八条).
 */
export function isAppealableInstance(input: Pick<RegisterInput, 'instance' | 'retrialProcedure'>): boolean {
  return input.instance === 'first' || (input.instance === 'retrial' && input.retrialProcedure === 'first');
}

export const lastDecisionOf = (data: CaseData): LastDecision | null => (data.lastDecision as LastDecision | undefined) ?? null;

export const isJurisdictionRuling = (data: CaseData): boolean => {
  const last = lastDecisionOf(data);
  return last?.form === 'ruling' && last.kind === 'jurisdiction';
};

/** The last day of the agency's own appeal period: service + 15/10 calendar days, rolled past rest days (解释第四十八条). */
export function appealDueOn(data: CaseData, calendar: Calendar): string | null {
  const last = lastDecisionOf(data);
  if (!last) return null;
  return calendar.addCalendarDays(last.servedOn, last.form === 'judgment' ? JUDGMENT_APPEAL_DAYS : RULING_APPEAL_DAYS);
}

export const appealLimit = (form: LastDecision['form']) => days(form === 'judgment' ? JUDGMENT_APPEAL_DAYS : RULING_APPEAL_DAYS);

const isAfter = (a: string, b: string) => toDayNumber(a) > toDayNumber(b);

/** 行政诉讼法第八十五条: an appeal by this agency is on time only within its own period. */
export function checkOwnAppeal(data: CaseData, appellant: string, filedOn: string, calendar: Calendar): string | null {
  const due = appealDueOn(data, calendar);
  if (appellant !== 'defendant' || !due || !isAfter(filedOn, due)) return null;
  return `本机关的上诉期限已于${due}届满，逾期不能提起上诉（行政诉讼法第八十五条）`;
}

/** A judgment or ruling of the first instance takes effect only when no appeal came within the period (第八十五条). */
export function checkTakenEffect(data: CaseData, effectiveOn: string, calendar: Calendar): string | null {
  const due = appealDueOn(data, calendar);
  if (!due || isAfter(effectiveOn, due)) return null;
  return `上诉期限（至${due}）届满前，第一审裁判尚未发生法律效力（行政诉讼法第八十五条）；如其他当事人送达日期较晚，应以其上诉期限届满为准`;
}

/**
 * 负责人出庭 (行政诉讼法第三条第三款): the head attends, or, when unable, the agency's 相应的工作人员 do — never a
 * lawyer alone (解释第一百二十八条第二款; 规定第十二条第一款第三项); the reason is given (规定第八条、第九条);
 * at most two 诉讼代理人 (行政诉讼法第三十一条第一款; 解释第一百二十八条第二款).
 */
export function checkAttendance(input: HearingInput): string | null {
  const agents = input.staff.length + input.lawyers.length;
  if (!input.isHeadPresent) {
    if (input.staff.length === 0) {
      return input.lawyers.length
        ? '行政机关负责人不能出庭的，应当委托行政机关相应的工作人员出庭，不得仅委托律师出庭（行政诉讼法第三条第三款；解释第一百二十八条第二款）'
        : '行政机关负责人和相应的工作人员均不出庭的，人民法院应当记录在案并提出司法建议（规定第十二条）；请委托相应的工作人员出庭（行政诉讼法第三条第三款）';
    }
    if (!input.absenceReason) return '负责人不能出庭的，应当说明理由并提交证明材料（规定第八条、第九条；解释第一百二十九条第三款）';
  }
  if (agents > 2) return '当事人可以委托一至二人作为诉讼代理人（行政诉讼法第三十一条第一款；解释第一百二十八条第二款）';
  return null;
}

/** The documents a hearing needs: the head's 身份证明 (规定第六条) or the 情况说明 (规定第九条), and the 授权委托书 (解释第一百三十一条). */
export function hearingDocuments(input: HearingInput): string[] {
  const hasAgents = input.staff.length + input.lawyers.length > 0;
  const head = input.isHeadPresent
    ? [input.head?.isLegalRepresentative ? 'legalRepresentativeCertificate' : 'headIdentityCertificate']
    : ['absenceStatement'];
  return hasAgents ? [...head, 'authorization'] : head;
}
