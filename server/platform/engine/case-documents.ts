import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Platform } from '../context.ts';
import { issueDocNumber } from '../numbering/issue.ts';
import { renderOfficialDocument } from '../documents/render.ts';
import { defineDocumentKind, documentKinds } from '../documents/kinds.ts';
import { storeDocument } from '../documents/store.ts';
import { templateTexts } from '../documents/texts.ts';
import type { DocumentTemplate, ProcedureDefinition } from './define.ts';
import type { ActionPlan } from './plan.ts';
import { openPersonalData } from './personal-data.ts';

type TemplateData = Omit<Parameters<DocumentTemplate['build']>[0], 'docNumber' | 'text'>;

/** The series a procedure's case numbers (案号) are issued from, per organisation and year. */
export const caseNumberKind = (procedure: ProcedureDefinition) => `case:${procedure.key}`;

/**
 * Until an administrator sets a format, a case number reads 机关简称 + the procedure's 代字 (示市监依申请〔2024〕3号),
 * so numbers of different organisations' series do not look alike.
 */
export async function caseNumberFallback(trx: Transaction<Database>, procedure: ProcedureDefinition, orgId: number) {
  const org = await trx.selectFrom('organization').select(['short_name']).where('id', '=', orgId).executeTakeFirst();
  return { pattern: '{prefix}〔{year}〕{seq}号', prefix: `${org?.short_name ?? ''}${procedure.caseNoKind}` };
}

/**
 * A procedure's documents join the platform's document kinds (one registry: the number-format admin page
 * lists their series), and so does its case-number series.
 */
export function registerProcedureDocuments(procedure: ProcedureDefinition): void {
  if (!documentKinds.get(caseNumberKind(procedure))) {
    defineDocumentKind({
      key: caseNumberKind(procedure), title: `${procedure.title}案号`, numbered: true,
      build: () => { throw new Error('a case number is not a document'); },
    });
  }
  for (const [key, template] of Object.entries(procedure.documents ?? {})) {
    if (documentKinds.get(`${procedure.key}.${key}`)) continue;
    defineDocumentKind<TemplateData>({
      key: `${procedure.key}.${key}`, title: template.title, numbered: !!template.numberKind, numberKind: template.numberKind,
      texts: template.texts, build: (data, context) => template.build({ ...data, ...context }),
    });
  }
}

/**
 * Issues the documents an action names, inside the action's transaction. All numbers are taken first and
 * only then are documents stored (which audits): every writer takes counter locks before the audit-head
 * lock, so PostgreSQL never sees the two taken in opposite orders. A rollback returns the numbers.
 */
export async function issueCaseDocuments(
  trx: Transaction<Database>,
  platform: Platform,
  procedure: ProcedureDefinition,
  target: { caseId: number; caseNo: string; orgId: number; plan: ActionPlan; actor: Actor },
): Promise<number[]> {
  const { plan } = target;
  if (plan.documents.length === 0) return [];
  const kinds = plan.documents.map((key) => {
    const kind = documentKinds.get(`${procedure.key}.${key}`);
    if (!kind) throw new Error(`${procedure.key}: document ${key} is not registered`);
    return kind;
  });
  const numbers: (string | null)[] = [];
  for (const kind of kinds) {
    numbers.push(kind.numbered
      ? (await issueDocNumber(trx, platform.dialect, {
        orgId: target.orgId, kind: kind.numberKind, year: Number(plan.on.slice(0, 4)),
        fallback: { pattern: '{prefix}〔{year}〕{seq}号', prefix: kind.numberKind },
      })).text
      : null);
  }
  const org = await trx.selectFrom('organization').select('name').where('id', '=', target.orgId).executeTakeFirstOrThrow();
  // Documents go to the parties, so they carry personal data whole (decrypted only here, in memory).
  const data: TemplateData = {
    data: openPersonalData(plan.data, platform.cipher, true),
    input: openPersonalData(plan.input, platform.cipher, true),
    on: plan.on,
    caseNo: target.caseNo,
    orgName: org.name,
  };
  const ids: number[] = [];
  for (const [index, kind] of kinds.entries()) {
    const text = await templateTexts(trx, kind, target.orgId);
    const buffer = await renderOfficialDocument(kind.build(data, { docNumber: numbers[index], text }));
    const stored = await storeDocument(trx, platform, {
      kind: kind.key, title: kind.title, orgId: target.orgId, subject: { type: 'case', id: String(target.caseId) },
      buffer, docNumber: numbers[index], actor: target.actor,
    });
    ids.push(stored.id);
  }
  return ids;
}
