import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/append.ts';
import { nowIso, type Actor, type Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { storeFile, type FileSubject } from '../files/store.ts';
import { issueDocNumber } from '../numbering/issue.ts';
import { documentKinds } from './kinds.ts';
import { templateTexts } from './texts.ts';
import { renderOfficialDocument } from './render.ts';

export type StoreDocumentInput = {
  /** Document kind key (e.g. `${procedure}.${template}`). */
  kind: string;
  title: string;
  /** The issuing organisation. */
  orgId: number;
  /** The record the document belongs to, e.g. { type: 'case', id: '123' }; decides who may download it. */
  subject: FileSubject | null;
  /** The rendered .docx. */
  buffer: Buffer;
  docNumber: string | null;
  actor: Actor;
};

export type StoredDocument = { id: number; fileId: number; kind: string; title: string; docNumber: string | null };

/** Stores a generated document: its file (content-checked, content-addressed), its record and audit entry. */
export async function storeDocument(trx: Transaction<Database>, platform: Platform, input: StoreDocumentInput): Promise<StoredDocument> {
  const fileName = `${input.docNumber ? `${input.docNumber} ` : ''}${input.title}.docx`;
  const file = await storeFile(trx, platform, { buffer: input.buffer, originalName: fileName, actor: input.actor, subject: input.subject });
  const row = await trx
    .insertInto('document')
    .values({
      kind: input.kind,
      title: input.title,
      doc_number: input.docNumber,
      org_id: input.orgId,
      subject_type: input.subject?.type ?? null,
      subject_id: input.subject?.id ?? null,
      file_id: file.id,
      created_by: input.actor.id,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, platform.dialect, input.actor, {
    action: 'document.create',
    targetType: 'document',
    targetId: row.id,
    after: { kind: input.kind, title: input.title, docNumber: input.docNumber, orgId: input.orgId, subject: input.subject, fileId: file.id, sha256: file.sha256 },
  });
  return { id: row.id, fileId: file.id, kind: input.kind, title: input.title, docNumber: input.docNumber };
}

export type GenerateDocumentInput = {
  /** A kind declared with defineDocumentKind. */
  kind: string;
  data: unknown;
  orgId: number;
  /** The year of the document's legal date: its number's year. */
  year: number;
  subject: FileSubject | null;
  actor: Actor;
};

/**
 * Issues, renders and stores one document of a declared kind in the caller's transaction: the number
 * first (so a rollback gives it back, and the counter lock is taken before the audit-head lock), then
 * the .docx, its file, record and audit entry.
 */
export async function generateDocument(trx: Transaction<Database>, platform: Platform, input: GenerateDocumentInput): Promise<StoredDocument> {
  const kind = documentKinds.get(input.kind);
  if (!kind) throw new AppError('INTERNAL', `未声明的文书种类：${input.kind}`);
  const number = kind.numbered
    ? await issueDocNumber(trx, platform.dialect, { orgId: input.orgId, kind: kind.numberKind, year: input.year })
    : null;
  const docNumber = number?.text ?? null;
  const spec = kind.build(input.data, { docNumber, text: await templateTexts(trx, kind, input.orgId) });
  const buffer = await renderOfficialDocument({ ...spec, docNumber: spec.docNumber ?? docNumber });
  return storeDocument(trx, platform, { kind: kind.key, title: kind.title, orgId: input.orgId, subject: input.subject, buffer, docNumber, actor: input.actor });
}
