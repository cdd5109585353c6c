import type { Platform } from '../context.ts';
import { notFound } from '../errors.ts';
import { hasPermission, scopeFor, scopeIncludesOrg, type Principal } from '../access/scope.ts';
import { loadCalendar } from '../calendar/store.ts';
import { getSetting } from '../settings/service.ts';
import { NEAR_DUE_WORKING_DAYS } from '../settings/core-settings.ts';
import { findProcedure } from './registry.ts';
import { abilitiesOf, caseFields, caseSummary, clockViews } from './case-view.ts';
import { openPersonalData } from './personal-data.ts';
import { todayInChina } from './plan.ts';
import { safeAddWorkingDays, withLiveStatus } from './case-list.ts';

/** Everything the case page shows: fields, timeline, clocks, documents, links and what the user may do now. */
export async function loadCaseDetail(platform: Platform, principal: Principal, procedureKey: string, caseId: number) {
  const { db } = platform;
  const row = await db.selectFrom('proc_case').selectAll().where('id', '=', caseId).where('procedure', '=', procedureKey).executeTakeFirst();
  if (!row) throw notFound('案件');
  const procedure = findProcedure(procedureKey, row.table_version);
  const readPermission = `${procedureKey}.read`;
  if (!procedure || !hasPermission(principal, readPermission)) throw notFound('案件');
  if (!scopeIncludesOrg(await scopeFor(db, principal, readPermission), row.org_id)) throw notFound('案件');

  const calendar = await loadCalendar(platform);
  const nearDue = await getSetting(db, NEAR_DUE_WORKING_DAYS);
  const today = todayInChina();
  const org = await db.selectFrom('organization').select('name').where('id', '=', row.org_id).executeTakeFirst();
  const clockRows = await db.selectFrom('case_clock').select(['clock_key', 'events_json']).where('case_id', '=', row.id).execute();
  const events = await db.selectFrom('case_event').selectAll().where('case_id', '=', row.id).orderBy('seq').execute();
  const documents = await db
    .selectFrom('document')
    .select(['id', 'kind', 'title', 'doc_number', 'created_at'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', String(row.id))
    .orderBy('id')
    .execute();
  const attachments = await db
    .selectFrom('stored_file')
    .select(['id', 'original_name', 'mime', 'size', 'created_at', 'created_by'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', String(row.id))
    // Generated documents are listed under documents, not as uploaded attachments.
    .where('id', 'not in', db.selectFrom('document').select('file_id').where('subject_type', '=', 'case').where('subject_id', '=', String(row.id)))
    .orderBy('id')
    .execute();
  const links = await db
    .selectFrom('record_link')
    .selectAll()
    .where((eb) => eb.or([
      eb.and([eb('from_type', '=', 'case'), eb('from_id', '=', row.id)]),
      eb.and([eb('to_type', '=', 'case'), eb('to_id', '=', row.id)]),
    ]))
    .execute();
  const isRevealed = hasPermission(principal, `${procedureKey}.personal`);

  return {
    ...withLiveStatus(caseSummary(procedure, row, org?.name ?? null), today, safeAddWorkingDays(calendar, today, nearDue)),
    fields: caseFields(platform, principal, procedure, row),
    events: events.map((e) => ({
      seq: e.seq, action: e.action, title: procedure.actions[e.action]?.title ?? e.action, on: e.on_date,
      fromState: e.from_state, toState: e.to_state, toStateTitle: procedure.states[e.to_state] ?? e.to_state,
      input: openPersonalData(JSON.parse(e.input_json), platform.cipher, isRevealed), actorName: e.actor_name, at: e.at,
    })),
    clocks: clockViews(procedure, clockRows, row.state, calendar, today, nearDue),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, docNumber: d.doc_number, createdAt: d.created_at, url: `/api/documents/${d.id}` })),
    attachments: attachments.map((f) => ({ id: f.id, name: f.original_name, mime: f.mime, size: f.size, createdAt: f.created_at, url: `/api/files/${f.id}` })),
    links: links.map((l) => ({ id: l.id, relation: l.relation, fromType: l.from_type, fromId: l.from_id, toType: l.to_type, toId: l.to_id })),
    abilities: await abilitiesOf(platform, principal, procedure, row.state, row.org_id, JSON.parse(row.data_json), events.map((e) => e.action)),
  };
}
