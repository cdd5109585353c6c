import { appendAudit } from '../../platform/audit/append.ts';
import { generatePassword } from '../../platform/auth/password.ts';
import { loadCalendar } from '../../platform/calendar/store.ts';
import { inTransaction, SYSTEM_ACTOR, withinTransaction, type Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { registerCommittees, INDUSTRY_COMMITTEES } from './committees.ts';
import type { FixtureContext } from './context.ts';
import { fixtureDates } from './dates.ts';
import { loadDisclosure } from './disclosure.ts';
import { loadEnteredFigures } from './entered.ts';
import { loadLeadership } from './leadership.ts';
import { loadLitigation } from './litigation.ts';
import { loadMediation } from './mediation.ts';
import { DAZHU_USERS, insertDazhuOrgs, insertDazhuUsers, type FixtureUserKey } from './organisations.ts';
import { ROOT_CODE } from './org-tree.ts';
import { loadReconsideration } from './reconsideration.ts';
import { loadReport } from './report.ts';

export { ROOT_CODE as DAZHU_ROOT_CODE } from './org-tree.ts';
export { DAZHU_2024_FIGURES } from './figures.ts';

export type Dazhu2024Options = {
  /** Password of the fixture users (they must change it at first login); generated when absent. */
  password?: string;
};

export type Dazhu2024Result = {
  rootOrgId: number;
  users: Record<FixtureUserKey, { id: number; username: string }>;
  /** The published 2024 report of 大竹县人民政府. */
  reportId: number;
  /** The generated password, to show once; null when the caller gave one. */
  generatedPassword: string | null;
  summary: {
    organisations: number; committees: number; reconsideration: number; reconsiderationConcluded: number; litigation: number;
    disclosure: number; mediationHandled: number; mediationAgreed: number; ledgers: number; enteredFigures: number;
    studySessions: number; lawReports: number; enforcementTrainings: number;
  };
};

export async function isDazhu2024Loaded(platform: Platform): Promise<boolean> {
  return !!(await platform.db.selectFrom('organization').select('id').where('code', '=', ROOT_CODE).executeTakeFirst());
}

/**
 * 大竹县 2024 (the seed report 《大竹县2024年法治政府建设工作报告》): organisations, committees, users, cases and
 * entered figures that reproduce the report's figures, built through the services a user's data takes — the admin
 * services, the register services, the engine's actions, the ledger import and the 填报 service. One transaction:
 * a failed load leaves nothing behind. Refuses (ALREADY_EXISTS) when the county is already there.
 * Needs the reference data and built-in roles a first server start seeds (calendar 2024–2025 included).
 */
export async function loadDazhu2024(platform: Platform, options: Dazhu2024Options = {}): Promise<Dazhu2024Result> {
  if (await isDazhu2024Loaded(platform)) {
    throw new AppError('ALREADY_EXISTS', `大竹县2024年演示数据已经加载（组织编码“${ROOT_CODE}”已存在），不能重复加载`);
  }
  const calendar = await loadCalendar(platform);
  if (!calendar.isCovered(2024) || !calendar.isCovered(2025)) {
    throw new AppError('CALENDAR_MISSING', '工作日历缺少2024年或2025年：请先启动一次服务（npm start）或导入日历');
  }
  const password = options.password ?? generatePassword();
  return inTransaction(platform, async (trx) => {
    const scoped = withinTransaction(platform, trx);
    const orgs = await insertDazhuOrgs(scoped, SYSTEM_ACTOR);
    const users = await insertDazhuUsers(scoped, SYSTEM_ACTOR, orgs, password);
    const ctx: FixtureContext = { platform: scoped, dates: fixtureDates(calendar), orgs, staff: users.staff, approver: users.approver };
    await registerCommittees(ctx);
    const reconsideration = await loadReconsideration(ctx);
    const litigation = await loadLitigation(ctx);
    const disclosure = await loadDisclosure(ctx);
    const mediation = await loadMediation(ctx);
    const entered = await loadEnteredFigures(ctx);
    const leadership = await loadLeadership(ctx);
    const reportId = await loadReport(ctx, users.leader);
    const summary = {
      organisations: orgs.size, committees: 8 + INDUSTRY_COMMITTEES.length,
      reconsideration: reconsideration.cases, reconsiderationConcluded: reconsideration.concluded,
      litigation: litigation.governmentCases + litigation.departmentCases, disclosure: disclosure.requests,
      mediationHandled: mediation.ledgerHandled + mediation.liveHandled, mediationAgreed: mediation.ledgerAgreed + mediation.liveAgreed,
      ledgers: mediation.ledgers, enteredFigures: entered.entered, ...leadership,
    };
    const rootOrgId = orgs.get(ROOT_CODE)!;
    await appendAudit(trx, platform.dialect, SYSTEM_ACTOR, { action: 'seed.fixture', targetType: 'organization', targetId: rootOrgId, after: { fixture: 'dazhu-2024', ...summary } });
    const account = (key: FixtureUserKey) => ({ id: users[key].principal.userId, username: DAZHU_USERS.find((u) => u.key === key)!.username });
    return { rootOrgId, reportId, users: { staff: account('staff'), approver: account('approver'), leader: account('leader') }, generatedPassword: options.password ? null : password, summary };
  });
}
