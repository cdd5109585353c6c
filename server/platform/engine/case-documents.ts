import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Platform } from '../context.ts';
import { issueDocNumber } from '../numbering/issue.ts';
import { renderOfficialDocument } from '../documents/render.ts';
import { storeDocument } from '../documents/store.ts';
import type { ProcedureDefinition } from './define.ts';
import type { ActionPlan } from './plan.ts';
import { openPersonalData } from './personal-data.ts';

/**
 * Issues the documents an action names, inside the action's transaction: the 发文字号 from the
 * organisation's sequence (gapless: a rollback returns it), the Word file, its record and audit entry.
 */
export async function issueCaseDocuments(
  trx: Transaction<Database>,
  platform: Platform,
  procedure: ProcedureDefinition,
  target: { caseId: number; caseNo: string; orgId: number; plan: ActionPlan; actor: Actor },
): Promise<number[]> {
  const { plan } = target;
  if (plan.documents.length === 0) return [];
  const org = await trx.selectFrom('organization').select('name').where('id', '=', target.orgId).executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const key of plan.documents) {
    const template = procedure.documents?.[key];
    if (!template) throw new Error(`${procedure.key}: document ${key} is not declared`);
    const number = template.numberKind
      ? await issueDocNumber(trx, platform.dialect, {
        orgId: target.orgId, kind: template.numberKind, year: Number(plan.on.slice(0, 4)),
        fallback: { pattern: '{prefix}〔{year}〕{seq}号', prefix: template.numberKind },
      })
      : null;
    // Documents go to the parties, so they carry personal data whole (decrypted only here, in memory).
    const spec = template.build({
      data: openPersonalData(plan.data, platform.cipher, true),
      input: openPersonalData(plan.input, platform.cipher, true),
      on: plan.on,
      caseNo: target.caseNo,
      orgName: org.name,
      docNumber: number?.text ?? null,
    });
    const buffer = await renderOfficialDocument(spec);
    const stored = await storeDocument(trx, platform, {
      kind: `${procedure.key}.${key}`,
      title: template.title,
      orgId: target.orgId,
      subject: { type: 'case', id: String(target.caseId) },
      buffer,
      docNumber: number?.text ?? null,
      actor: target.actor,
    });
    ids.push(stored.id);
  }
  return ids;
}
