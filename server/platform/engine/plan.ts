import { AppError } from '../errors.ts';
import { toDayNumber } from '../calendar/dates.ts';
import type { Calendar } from '../calendar/calendar.ts';
import type { ClockEvent } from './clocks.ts';
import type { ActionContext, ActionDefinition, CaseData, ProcedureDefinition, SettingValues } from './define.ts';

/** The part of a case an action's plan depends on. */
export type CaseSnapshot = {
  state: string;
  data: CaseData;
  /** Legal date of the latest event; a new action may not be dated before it. */
  lastEventOn: string | null;
  /** Actions taken so far (for once-only actions). */
  takenActions: readonly string[];
};

export type ActionPlan = {
  action: string;
  title: string;
  fromState: string | null;
  toState: string;
  on: string;
  input: Record<string, unknown>;
  data: CaseData;
  clockEvents: { clock: string; event: ClockEvent }[];
  documents: readonly string[];
};

/**
 * Works out what an action does to a case, without touching storage: state check, input validation,
 * the legal date rule, the table's extra checks, the new data and the clock events. Pure, so tests walk
 * a whole procedure table without a database; applyAction then writes the plan in one transaction.
 */
export function planAction(
  procedure: ProcedureDefinition,
  snapshot: CaseSnapshot | null,
  actionKey: string,
  rawInput: unknown,
  requestedOn: string | undefined,
  today: string,
  calendar: Calendar,
  settings: SettingValues = {},
): ActionPlan {
  const definition = (Object.hasOwn(procedure.actions, actionKey) ? procedure.actions[actionKey] : undefined) as unknown as ActionDefinition<Record<string, unknown>> | undefined;
  if (!definition) throw new AppError('NOT_FOUND', `“${procedure.title}”没有“${actionKey}”这一操作`);
  const isCreate = actionKey === procedure.createAction;
  if (isCreate !== (snapshot === null)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', isCreate ? '案件已存在，不能重复登记' : '请先登记案件');
  }
  if (snapshot && !definition.from.includes(snapshot.state)) {
    const stateTitle = procedure.states[snapshot.state] ?? snapshot.state;
    throw new AppError('TRANSITION_NOT_ALLOWED', `案件当前为“${stateTitle}”，不能执行“${definition.title}”`, {
      details: { state: snapshot.state, allowedFrom: definition.from },
    });
  }
  if (snapshot && definition.isOnce && snapshot.takenActions.includes(actionKey)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', `“${definition.title}”只能办理一次${definition.basis ? `（${definition.basis}）` : ''}`);
  }
  const parsed = definition.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', `“${definition.title}”填写有误：${fields.map((f) => `${f.path || '表单'} ${f.message}`).join('；')}`, { fields });
  }
  const input = parsed.data;
  const fromField = typeof definition.onField === 'function' ? definition.onField(input) : definition.onField ? input[definition.onField] : undefined;
  const on = typeof fromField === 'string' ? fromField : requestedOn ?? today;
  checkLegalDate(on, today, snapshot?.lastEventOn ?? null);
  if (snapshot && definition.isAvailable && !definition.isAvailable(snapshot.data)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', `本案不具备“${definition.title}”的条件`);
  }
  const state = snapshot?.state ?? '';
  const data = snapshot?.data ?? {};
  const ctx: ActionContext<Record<string, unknown>> = { input, data, on, state, calendar, settings };
  const problem = definition.check?.(ctx);
  if (problem) throw new AppError('VALIDATION_FAILED', problem);

  const toState = typeof definition.to === 'function' ? definition.to(ctx) : definition.to;
  if (!procedure.states[toState]) throw new Error(`${procedure.key}.${actionKey} leads to unknown state ${toState}`);
  const clockEvents = Object.entries(definition.clocks ?? {}).map(([clock, effect]) => {
    const event: ClockEvent = typeof effect === 'string' ? { kind: effect, on } : { kind: effect.kind, on, limit: effect.limit(ctx) };
    return { clock, event };
  });
  const documents = typeof definition.documents === 'function' ? definition.documents(ctx) : definition.documents ?? [];
  return {
    action: actionKey,
    title: definition.title,
    fromState: snapshot?.state ?? null,
    toState,
    on,
    input,
    data: definition.apply ? definition.apply(ctx) : { ...data, ...input },
    clockEvents,
    documents,
  };
}

/** Every action carries the legal date it happened on: never in the future, never before the last event. */
export function checkLegalDate(on: string, today: string, lastEventOn: string | null): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`)) || new Date(`${on}T00:00:00Z`).toISOString().slice(0, 10) !== on) {
    throw new AppError('VALIDATION_FAILED', '办理日期格式应为 YYYY-MM-DD', { fields: [{ path: 'on', message: '日期无效' }] });
  }
  if (toDayNumber(on) > toDayNumber(today)) {
    throw new AppError('VALIDATION_FAILED', `办理日期 ${on} 不能晚于今天（${today}）`, { fields: [{ path: 'on', message: '不能是将来的日期' }] });
  }
  if (lastEventOn && toDayNumber(on) < toDayNumber(lastEventOn)) {
    throw new AppError('VALIDATION_FAILED', `办理日期 ${on} 不能早于上一步的日期 ${lastEventOn}`, { fields: [{ path: 'on', message: '早于上一步' }] });
  }
}

/** The actions possible from a state, in table order (the UI's buttons come from this via `abilities`). */
export function actionsFrom(procedure: ProcedureDefinition, state: string, data?: CaseData, takenActions: readonly string[] = []): string[] {
  return Object.entries(procedure.actions)
    .filter(([, def]) => def.from.includes(state))
    .filter(([, def]) => !data || !def.isAvailable || def.isAvailable(data))
    .filter(([key, def]) => !def.isOnce || !takenActions.includes(key))
    .map(([key]) => key);
}

/** Today's date on the legal calendar (China Standard Time), for the default of `on`. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
