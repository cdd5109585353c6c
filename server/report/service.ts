import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { appendAudit } from '../platform/audit/append.ts';
import { inTransaction, nowIso, withinTransaction, type Actor, type Platform } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { issueDocNumber } from '../platform/numbering/issue.ts';
import { storeFile } from '../platform/files/store.ts';
import { createItem } from '../platform/publishing/service.ts';
import { transitionItem } from '../platform/publishing/transitions.ts';
import { todayInChina } from '../platform/engine/plan.ts';
import { DEFAULT_DOC_NUMBER_PATTERN } from '../../common/doc-number.ts';
import { contentProblems, type ReportContent } from './content.ts';
import { composeReport, referencedIndicatorIds, unknownReferences } from './compose.ts';
import { resolveFigures } from './figures.ts';
import { renderReportHtml } from './render-html.ts';
import { buildReportDocument, reportRowFor } from './build.ts';
import { contentOf, findReportFor, orgOf, requireReport, type ReportRow } from './store.ts';
import { assertReportAction, REPORT_ACTIONS, type ReportAction } from './workflow.ts';

/** The publishing category the portal lists annual reports under. */
export const REPORT_CATEGORY = 'rule_of_law_report';
/** Document-number kind of a signed report (机关代字〔年份〕序号号, configurable per organisation). */
export const REPORT_NUMBER_KIND = 'annualReport';

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] });

/** Starts the report of an organisation for a year from the default outline, citing the figures that have data. */
export async function createReport(platform: Platform, actor: Actor, input: { orgId: number; year: number; content?: ReportContent }): Promise<number> {
  return inTransaction(platform, async (trx) => {
    const org = await orgOf(trx, input.orgId);
    if (await findReportFor(trx, org.id, input.year)) throw new AppError('ALREADY_EXISTS', `${org.name}${input.year}年度的法治政府建设年度报告已经存在`);
    const content = input.content ?? contentOf(await reportRowFor(trx, org.id, input.year));
    assertKnownReferences(content);
    const at = nowIso();
    const row = await trx
      .insertInto('annual_report')
      .values({
        org_id: org.id, year: input.year, state: 'draft', content_json: JSON.stringify(content), figures_json: null, doc_number: null, signed_on: null,
        item_id: null, published_on: null, submitted_by: null, version: 1, created_by: actor.id, created_at: at, updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, platform, actor, row.id, 'create', 'draft', 'draft', null, { orgId: org.id, year: input.year, title: content.title });
    return row.id;
  });
}

/** Saves the narrative of a draft under the optimistic version check. */
export async function saveReport(platform: Platform, actor: Actor, id: number, version: number, content: ReportContent): Promise<void> {
  assertKnownReferences(content);
  await inTransaction(platform, async (trx) => {
    const before = await requireReport(trx, id);
    assertReportAction(before.state, 'edit');
    await update(trx, before, version, { content_json: JSON.stringify(content) });
    await recordEvent(trx, platform, actor, id, 'edit', before.state, before.state, null, { title: content.title, indicatorIds: referencedIndicatorIds(content) });
  });
}

export type TransitionInput = { version: number; note?: string; on?: string };

/** 提交审核 / 审核通过 / 退回 / 签发 / 公开; the caller has checked the permission and the data scope. */
export async function transitionReport(platform: Platform, actor: Actor, id: number, action: Exclude<ReportAction, 'edit'>, input: TransitionInput): Promise<void> {
  const on = input.on ?? todayInChina();
  if (on > todayInChina()) throw invalid('on', '日期不能晚于今天');
  const note = input.note?.trim() || null;
  if (REPORT_ACTIONS[action].needsNote && !note) throw invalid('note', '请填写退回理由');
  await inTransaction(platform, async (trx) => {
    const before = await requireReport(trx, id);
    assertReportAction(before.state, action);
    const to = REPORT_ACTIONS[action].to;
    const change: Partial<ReportRow> = { state: to };
    if (action === 'submit' || action === 'sign') {
      const content = contentOf(before);
      const report = composeReport(content, await resolveFigures(trx, before.org_id, before.year, referencedIndicatorIds(content)));
      const problems = [...contentProblems(content), ...report.problems];
      if (problems.length) throw new AppError('VALIDATION_FAILED', `报告尚不完整：${problems.join('；')}`, { details: { problems } });
      if (action === 'submit') change.submitted_by = actor.id;
      if (action === 'sign') Object.assign(change, await signChange(trx, platform, before, report.figures, on));
    }
    if (action === 'approve' && actor.id != null && before.submitted_by === actor.id) throw new AppError('FORBIDDEN', '不能审核本人提交的报告');
    if (action === 'publish') Object.assign(change, await publishChange(trx, platform, actor, before, on));
    await update(trx, before, input.version, change);
    await recordEvent(trx, platform, actor, id, action, before.state, to, note, { on, ...change, figures_json: undefined });
  });
}

/** 签发: the figures are frozen as they stand and the report takes its document number. */
async function signChange(trx: Transaction<Database>, platform: Platform, row: ReportRow, figures: { indicatorId: string }[], on: string): Promise<Partial<ReportRow>> {
  const org = await orgOf(trx, row.org_id);
  const frozen = Object.fromEntries(figures.map((f) => [f.indicatorId, f]));
  const number = await issueDocNumber(trx, platform.dialect, {
    orgId: org.id, kind: REPORT_NUMBER_KIND, year: Number(on.slice(0, 4)),
    fallback: { pattern: DEFAULT_DOC_NUMBER_PATTERN, prefix: org.shortName ?? org.name },
  });
  return { figures_json: JSON.stringify(frozen), doc_number: number.text, signed_on: on };
}

/** 公开: the signed report goes on the portal as an item (来源, 发布日期, 点击数) with the Word file attached. */
async function publishChange(trx: Transaction<Database>, platform: Platform, actor: Actor, row: ReportRow, on: string): Promise<Partial<ReportRow>> {
  if (actor.id == null) throw new AppError('FORBIDDEN', '公开报告须由具体工作人员操作');
  const scoped = withinTransaction(platform, trx);
  const org = await orgOf(trx, row.org_id);
  const document = await buildReportDocument(trx, row);
  const report = document.report;
  const file = await storeFile(trx, scoped, { buffer: document.buffer, originalName: document.fileName, actor });
  // The report was reviewed and signed in its own workflow; the item needs no second review.
  const all = { isAll: true } as const;
  const at = new Date(`${on}T${on === todayInChina() ? new Date().toISOString().slice(11, 19) : '09:00:00'}+08:00`);
  const itemId = await createItem(scoped, actor, { edit: all, read: all }, {
    orgId: org.id, category: REPORT_CATEGORY, title: report.title, docNumber: row.doc_number, formedOn: row.signed_on ?? on, isChange: false,
    source: org.name, bodyHtml: renderReportHtml(report, 'portal'), publishAt: null, attachmentIds: [file.id], interpretsIds: [],
  });
  await transitionItem(scoped, actor, all, itemId, 'submit', { version: 1 }, at);
  await transitionItem(scoped, actor, all, itemId, 'approve', { version: 2 }, at);
  return { item_id: itemId, published_on: on };
}

function assertKnownReferences(content: ReportContent): void {
  const errors = unknownReferences(content);
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors.map((e) => e.message).join('；'), { fields: errors });
}

async function update(trx: Transaction<Database>, before: ReportRow, version: number, change: Partial<ReportRow>): Promise<void> {
  const result = await trx
    .updateTable('annual_report')
    .set({ ...change, version: version + 1, updated_at: nowIso() })
    .where('id', '=', before.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('CONFLICT', '报告已被他人修改，请刷新后重试');
}

async function recordEvent(trx: Transaction<Database>, platform: Platform, actor: Actor, reportId: number, action: string, from: string, to: string, note: string | null, after: Record<string, unknown>): Promise<void> {
  await trx.insertInto('annual_report_event').values({ report_id: reportId, action, from_state: from, to_state: to, note, actor_id: actor.id, actor_name: actor.name, at: nowIso() }).execute();
  await appendAudit(trx, platform.dialect, actor, { action: `report.${action}`, targetType: 'annual_report', targetId: reportId, before: { state: from }, after: { state: to, note, ...after } });
}
