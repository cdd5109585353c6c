import { AppError } from '../../../platform/errors.ts';
import type { Calendar } from '../../../platform/calendar/calendar.ts';
import type { SettingValues } from '../../../platform/engine/define.ts';
import { planAction, type ActionPlan, type CaseSnapshot } from '../../../platform/engine/plan.ts';
import { mediation } from '../procedure.ts';
import { CONFIRMATION_LABELS, DECLINE_LABELS, FORM_LABELS, headerOf, OUTCOME_LABELS, PERFORMANCE_LABELS } from './columns.ts';

export type RowError = { row: number; column: string; message: string };
export type Dicts = { source: Map<string, string>; category: Map<string, string> };
export type RowPlan = { ledgerKey: string; plans: ActionPlan[] };

/** Which column an input field came from, to point the user at the cell to fix. */
const FIELD_COLUMNS: Record<string, string> = {
  receivedOn: 'receivedOn', source: 'source', category: 'category', summary: 'summary', amount: 'amount', peopleCount: 'peopleCount',
  'parties.0': 'party1Name', 'parties.0.name': 'party1Name', 'parties.0.idNumber': 'party1Id', 'parties.0.phone': 'party1Phone',
  'parties.1': 'party2Name', 'parties.1.name': 'party2Name', 'parties.1.idNumber': 'party2Id', 'parties.1.phone': 'party2Phone',
  mediators: 'mediators', terms: 'terms', effectiveOn: 'closedOn', advisedRoutes: 'advisedRoutes', reason: 'declineReason', on: 'closedOn',
};

class RowProblem extends Error {
  constructor(readonly column: string, message: string) {
    super(message);
  }
}

export function normaliseDate(value: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  // Month 13 is Invalid Date; 2 月 30 日 rolls over to March: both are refused.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

function requireDate(row: Record<string, string>, key: string, label = headerOf(key)): string {
  const raw = row[key]?.trim();
  if (!raw) throw new RowProblem(key, `${label}不能为空`);
  const date = normaliseDate(raw);
  if (!date) throw new RowProblem(key, `${label}“${raw}”不是有效日期（应为 YYYY-MM-DD）`);
  return date;
}

function fromLabels(map: Record<string, string>, key: string, raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  const code = map[value];
  if (!code) throw new RowProblem(key, `${headerOf(key)}“${value}”无效，应为：${Object.keys(map).join(' / ')}`);
  return code;
}

function dictCode(dict: Map<string, string>, key: string, raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  const code = dict.get(value);
  if (!code) throw new RowProblem(key, `${headerOf(key)}“${value}”不在字典中`);
  return code;
}

const list = (raw: string | undefined) => (raw ?? '').split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
const num = (key: string, raw: string | undefined, fallback: number) => {
  if (!raw?.trim()) return fallback;
  const value = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(value)) throw new RowProblem(key, `${headerOf(key)}“${raw}”不是数字`);
  return value;
};

/**
 * A ledger row becomes the sequence of actions a user would have taken (register, accept, agreement …),
 * each planned by the engine with the procedure's own rules, so an imported case is what a live one is.
 */
export function planLedgerRow(row: Record<string, string>, rowNumber: number, dicts: Dicts, calendar: Calendar, settings: SettingValues, today: string): RowPlan | RowError[] {
  try {
    const outcome = fromLabels(OUTCOME_LABELS, 'outcome', row.outcome);
    const party = (n: 1 | 2) => ({
      kind: /公司|局|委员会|厂|社|中心|学校|医院/.test(row[`party${n}Name`] ?? '') ? 'organization' : 'person',
      name: row[`party${n}Name`]?.trim() ?? '',
      ...(row[`party${n}Id`]?.trim() ? { idNumber: row[`party${n}Id`].trim() } : {}),
      ...(row[`party${n}Phone`]?.trim() ? { phone: row[`party${n}Phone`].trim() } : {}),
      role: n === 1 ? 'applicant' : 'respondent',
    });
    const steps: { action: string; on?: string; input: Record<string, unknown> }[] = [{
      action: 'register',
      input: {
        receivedOn: requireDate(row, 'receivedOn'), ledgerKey: row.ledgerKey?.trim(), source: dictCode(dicts.source, 'source', row.source),
        category: dictCode(dicts.category, 'category', row.category), parties: [party(1), party(2)], summary: row.summary?.trim() ?? '',
        amount: num('amount', row.amount, 0), peopleCount: num('peopleCount', row.peopleCount, 2),
      },
    }];
    if (outcome === 'declined') {
      steps.push({ action: 'decline', on: requireDate(row, 'closedOn'), input: { reason: fromLabels(DECLINE_LABELS, 'declineReason', row.declineReason) } });
    } else if (outcome !== 'registered') {
      steps.push({ action: 'accept', on: requireDate(row, 'acceptedOn'), input: { mediators: list(row.mediators) } });
      const closedOn = outcome === 'mediating' ? null : requireDate(row, 'closedOn');
      if (outcome === 'agreed') {
        steps.push({
          action: 'reachAgreement',
          input: {
            form: fromLabels(FORM_LABELS, 'agreementForm', row.agreementForm), effectiveOn: closedOn, facts: row.summary?.trim() ?? '',
            terms: row.terms?.trim() ?? '', performance: row.performanceTerms?.trim() || '按协议内容履行', agreementAmount: num('agreementAmount', row.agreementAmount, 0),
          },
        });
        if (row.performance?.trim()) steps.push({ action: 'recordPerformance', on: closedOn!, input: { status: fromLabels(PERFORMANCE_LABELS, 'performance', row.performance) } });
        for (const stage of row.confirmation?.trim() ? CONFIRMATION_LABELS[row.confirmation.trim()] ?? ['invalid'] : []) {
          if (stage === 'invalid') throw new RowProblem('confirmation', `司法确认“${row.confirmation}”无效，应为：已申请 / 已确认 / 不予确认`);
          steps.push({ action: 'recordJudicialConfirmation', on: closedOn!, input: { stage, court: '人民法院' } });
        }
      }
      if (outcome === 'failed') steps.push({ action: 'fail', on: closedOn!, input: { reason: '台账记载：调解不成', advisedRoutes: list(row.advisedRoutes) } });
    }
    const plans: ActionPlan[] = [];
    let snapshot = null as CaseSnapshot | null;
    for (const step of steps) {
      const plan = planStep(snapshot, step, today, calendar, settings);
      plans.push(plan);
      snapshot = { state: plan.toState, data: plan.data, lastEventOn: plan.on, takenActions: [...(snapshot?.takenActions ?? []), plan.action] };
    }
    return { ledgerKey: String(row.ledgerKey ?? '').trim(), plans };
  } catch (error) {
    if (error instanceof RowProblem) return [{ row: rowNumber, column: headerOf(error.column), message: error.message }];
    if (error instanceof AppError) {
      const fields = error.fields?.length ? error.fields : [{ path: '', message: error.message }];
      return fields.map((f) => ({ row: rowNumber, column: headerOf(FIELD_COLUMNS[f.path] ?? FIELD_COLUMNS[f.path.split('.').slice(0, 2).join('.')] ?? f.path) || '—', message: f.message }));
    }
    throw error;
  }
}

function planStep(snapshot: CaseSnapshot | null, step: { action: string; on?: string; input: Record<string, unknown> }, today: string, calendar: Calendar, settings: SettingValues): ActionPlan {
  return planAction(mediation, snapshot, step.action, step.input, step.on, today, calendar, settings);
}
