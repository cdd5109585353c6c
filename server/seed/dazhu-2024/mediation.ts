import { importLedger } from '../../procedures/mediation/ledger/import-ledger.ts';
import { dictLabels } from '../../procedures/mediation/registers/vocabulary.ts';
import { orgId, runCase, type FixtureContext, type Step } from './context.ts';
import { INDUSTRY_COMMITTEES, industryOrgCode, townshipCommitteeCode } from './committees.ts';
import { ledgerCsv, ledgerRows, type LedgerSpec } from './mediation-ledger.ts';
import { personName } from './names.ts';
import { TOWNSHIPS } from './org-tree.ts';

/**
 * 人民调解, 2024. Report: “各调委会共调处矛盾纠纷3314件，调解成功3300件，调解成功率99.5%”. 3 308 disputes come in
 * through the committees' ledgers (the same import as 台账导入 and `fazhi import mediation`), 3 295 agreed and 13
 * failed; 6 more were mediated live through the case actions (5 agreed, 1 failed): 3 314 handled, 3 300 agreed.
 * The ledgers also hold 6 disputes the committees declined (不予调解): registered, not 调处, so not in the 3 314.
 */
const TOWNSHIP_HANDLED = [386, 352, 318, 274, 241, 226, 203, 188];
/** In the order of INDUSTRY_COMMITTEES. */
const INDUSTRY_HANDLED = [268, 96, 58, 142, 87, 64, 71, 49, 38, 17, 44, 9, 6, 21, 52, 33, 65];

const TOWNSHIP_CATEGORIES = ['neighbourhood', 'marriage_family', 'housing_land', 'neighbourhood', 'forest_land', 'damages', 'contract', 'labour', 'other'];
const MIXED_CATEGORIES = ['neighbourhood', 'marriage_family', 'damages', 'contract', 'housing_land', 'other'];

export type MediationSummary = { ledgers: number; ledgerHandled: number; ledgerAgreed: number; declined: number; liveHandled: number; liveAgreed: number };

export async function loadMediation(ctx: FixtureContext): Promise<MediationSummary> {
  const categories = await dictLabels(ctx.platform.db, 'dispute_category');
  const sources = await dictLabels(ctx.platform.db, 'mediation_source');
  const label = (map: Map<string, string>) => (codes: readonly string[]) => codes.map((c) => map.get(c) ?? c);
  const specs: { orgCode: string; name: string; spec: LedgerSpec }[] = [
    ...TOWNSHIPS.map(([code, name], i) => ({
      orgCode: townshipCommitteeCode(code), name: `${name}人民调解委员会`,
      spec: {
        prefix: `${name.slice(0, 2)}调`, handled: TOWNSHIP_HANDLED[i], declined: i < 6 ? 1 : 0, categories: label(categories)(TOWNSHIP_CATEGORIES),
        sources: label(sources)(['party_application', 'active_screening', 'grid_report', 'party_application', 'court_entrusted']),
      },
    })),
    ...INDUSTRY_COMMITTEES.map(([key, name, , , category], i) => ({
      orgCode: industryOrgCode(key), name,
      spec: {
        prefix: `${name.replace(/^大竹县/, '').slice(0, 2)}调`, handled: INDUSTRY_HANDLED[i], declined: 0,
        categories: label(categories)(category ? [category] : MIXED_CATEGORIES),
        sources: label(sources)(key === 'grid' ? ['grid_report'] : key === 'court' ? ['court_entrusted'] : key === 'traffic' ? ['police_transfer', 'party_application'] : ['party_application', 'other_transfer']),
      },
    })),
  ];
  const summary: MediationSummary = { ledgers: 0, ledgerHandled: 0, ledgerAgreed: 0, declined: 0, liveHandled: 0, liveAgreed: 0 };
  for (const [i, { orgCode, name, spec }] of specs.entries()) {
    const ledger = ledgerRows(spec, summary.ledgerHandled, i + 1);
    const result = await importLedger(ctx.platform, ctx.staff.actor, { orgId: orgId(ctx, orgCode), userId: ctx.staff.principal.userId },
      { buffer: ledgerCsv(ledger.rows), format: 'csv', name: `${name}2024年矛盾纠纷调解台账.csv` }, 'all_or_nothing');
    if (!result.isCommitted || result.errors.length) {
      throw new Error(`dazhu-2024 fixture: ledger of ${name} refused: ${result.errors.slice(0, 3).map((e) => `row ${e.row} ${e.column} ${e.message}`).join('; ')}`);
    }
    summary.ledgers += 1;
    summary.ledgerHandled += ledger.agreed + ledger.failed;
    summary.ledgerAgreed += ledger.agreed;
    summary.declined += ledger.declined;
  }
  const live = await loadLiveMediation(ctx);
  return { ...summary, liveHandled: live.handled, liveAgreed: live.agreed };
}

/** Disputes mediated through the case actions, as a committee working in the platform records them. */
async function loadLiveMediation(ctx: FixtureContext): Promise<{ handled: number; agreed: number }> {
  const { dates } = ctx;
  const cases = [
    { org: townshipCommitteeCode('zhuyang'), received: '2024-03-12', category: 'neighbourhood', summary: '两户因屋后排水沟改道发生争执', isAgreed: true, confirm: false },
    { org: townshipCommitteeCode('zhuyang'), received: '2024-06-24', category: 'marriage_family', summary: '兄弟三人因老人赡养费用分担发生矛盾', isAgreed: true, confirm: false },
    { org: townshipCommitteeCode('miaoba'), received: '2024-08-19', category: 'housing_land', summary: '两户对宅基地界址存在争议', isAgreed: true, confirm: true },
    { org: industryOrgCode('medical'), received: '2024-09-10', category: 'medical', summary: '患者家属对手术后并发症的处理提出异议', isAgreed: true, confirm: true },
    { org: industryOrgCode('traffic'), received: '2024-10-21', category: 'traffic', summary: '电动车与小型客车碰撞后就赔偿协商未果', isAgreed: true, confirm: false },
    { org: industryOrgCode('grid'), received: '2024-11-18', category: 'labour', summary: '网格员上报：务工人员与包工头因工钱结算发生争执', isAgreed: false, confirm: false },
  ];
  let agreed = 0;
  for (const [i, c] of cases.entries()) {
    const handlingOrg = orgId(ctx, c.org);
    const committee = await ctx.platform.db.selectFrom('mediation_committee').select('id').where('org_id', '=', handlingOrg).executeTakeFirstOrThrow();
    const receivedOn = dates.workday(c.received);
    const acceptedOn = dates.afterWorkdays(receivedOn, 1);
    const sessionOn = dates.afterWorkdays(acceptedOn, 3);
    const closedOn = dates.afterWorkdays(sessionOn, 2);
    const mediators = [personName(1200 + i), personName(1300 + i)];
    const steps: Step[] = [
      {
        action: 'register', on: receivedOn,
        input: {
          receivedOn, source: c.org === industryOrgCode('grid') ? 'grid_report' : 'party_application', category: c.category, summary: c.summary, place: '大竹县',
          amount: 5000 + i * 1500, peopleCount: 2, committeeId: committee.id,
          parties: [{ kind: 'person', name: personName(1100 + i), role: 'applicant' }, { kind: 'person', name: personName(1150 + i), role: 'respondent' }],
        },
      },
      { action: 'accept', on: acceptedOn, input: { mediators } },
      { action: 'recordSession', on: sessionOn, input: { sessionOn, place: '调委会调解室', mediators, attendees: ['村（社区）干部'], record: '双方陈述了各自意见，调解员释法说理，引导双方互谅互让。' } },
    ];
    if (c.isAgreed) {
      agreed += 1;
      steps.push(
        { action: 'reachAgreement', on: closedOn, input: { form: 'written', effectiveOn: closedOn, facts: c.summary, terms: '双方自愿达成调解协议，互相谅解，不再因此事发生争执', performance: '协议生效之日起十日内履行完毕', agreementAmount: 2000 + i * 500 } },
        { action: 'recordPerformance', on: dates.afterWorkdays(closedOn, 8), input: { status: 'performed', note: '已按协议履行' } },
      );
      if (c.confirm) {
        steps.push(
          { action: 'recordJudicialConfirmation', on: dates.afterWorkdays(closedOn, 9), input: { stage: 'applied', court: '大竹县人民法院' } },
          { action: 'recordJudicialConfirmation', on: dates.afterWorkdays(closedOn, 15), input: { stage: 'confirmed', court: '大竹县人民法院', rulingNo: `（2024）川1724民特${80 + i}号` } },
        );
      }
      steps.push({ action: 'recordFollowUp', on: dates.afterWorkdays(closedOn, 20), input: { way: 'phone', findings: '协议已履行，双方关系缓和', isSatisfied: true } });
    } else {
      steps.push({ action: 'fail', on: closedOn, input: { reason: '双方对结算金额分歧较大，经多次调解未能达成协议', advisedRoutes: ['申请仲裁', '提起诉讼'] } });
    }
    await runCase(ctx, 'mediation', handlingOrg, steps);
  }
  return { handled: cases.length, agreed };
}
