import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { applyAction } from '../../platform/engine/apply-action.ts';
import { todayInChina } from '../../platform/engine/plan.ts';
import { findCasesByLookupKey } from '../../platform/engine/case-facets.ts';
import { disclosure } from './procedure.ts';
import { loadCaseDetail } from '../../platform/engine/case-detail.ts';
import type { Principal } from '../../platform/access/scope.ts';
import type { ZPublicRequest } from './schemas.ts';

/**
 * 依申请公开 from the public portal. The applicant gets a 查询码 (only its SM3 digest is stored) to follow the
 * request and download the answer. The request is received on the day it is submitted and confirmed
 * online (政府信息公开条例第三十一条第（三）项: 双方确认之日).
 */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newQueryCode(): string {
  return Array.from({ length: 12 }, () => CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]).join('');
}

const codeHash = (code: string) => sm3Hex(`disclosure-query:${code.trim().toUpperCase()}`);

/** The portal acts with the procedure's handling permission over the one organisation addressed. */
function portalPrincipal(orgId: number): Principal {
  return {
    userId: 0, username: 'portal', displayName: '公众（网上申请）', orgIds: [orgId],
    grants: [{ permissions: ['disclosure.handle', 'disclosure.read'], dataScope: 'org', scopeOrgIds: [] }],
  };
}

export async function submitPublicRequest(platform: Platform, input: z.output<typeof ZPublicRequest>, ip: string | null): Promise<{ queryCode: string; caseNo: string }> {
  const org = await platform.db.selectFrom('organization').select(['id', 'kind', 'is_enabled']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org || !org.is_enabled || !['government', 'department', 'township'].includes(org.kind)) {
    throw new AppError('VALIDATION_FAILED', '请选择受理申请的行政机关', { fields: [{ path: 'orgId', message: '机关无效' }] });
  }
  const queryCode = newQueryCode();
  const today = todayInChina();
  const { orgId, ...request } = input;
  const result = await applyAction(platform, portalPrincipal(orgId), { id: null, name: '公众（网上申请）', ip }, {
    procedure: 'disclosure', caseId: null, action: 'register', orgId,
    input: { ...request, channel: 'online', submittedOn: today, confirmedOn: today, queryCodeHash: codeHash(queryCode) },
  });
  const row = await platform.db.selectFrom('proc_case').select('case_no').where('id', '=', result.caseId).executeTakeFirstOrThrow();
  return { queryCode, caseNo: row.case_no };
}

export type PublicRequestStatus = {
  caseNo: string;
  stateTitle: string;
  receivedOn: string;
  dueOn: string | null;
  answeredOn: string | null;
  documents: { id: number; title: string; docNumber: string | null }[];
};

async function findByCode(platform: Platform, queryCode: string) {
  if (!/^[A-Z2-9]{12}$/.test(queryCode.trim().toUpperCase())) return null;
  const [found] = await findCasesByLookupKey(platform.db, disclosure, [codeHash(queryCode)]);
  return found ? { id: found.id, org_id: found.orgId } : null;
}

/** Status for the holder of the 查询码; personal data is never shown here. Unknown codes read as absent. */
export async function lookupPublicRequest(platform: Platform, queryCode: string): Promise<PublicRequestStatus | null> {
  const found = await findByCode(platform, queryCode);
  if (!found) return null;
  const detail = await loadCaseDetail(platform, portalPrincipal(found.org_id), 'disclosure', found.id);
  const answer = detail.fields.answer as { on?: string } | undefined;
  return {
    caseNo: detail.caseNo,
    stateTitle: detail.stateTitle,
    receivedOn: String(detail.fields.receivedOn),
    dueOn: detail.clocks.find((c) => c.key === 'answer')?.dueOn ?? null,
    answeredOn: answer?.on ?? null,
    // Only what was sent to the applicant: letters to third parties and other agencies stay internal.
    documents: detail.documents
      .filter((d) => ['disclosure.answer', 'disclosure.correctionNotice', 'disclosure.extensionNotice'].includes(d.kind))
      .map((d) => ({ id: d.id, title: d.title, docNumber: d.docNumber })),
  };
}

/** The document file of a request, if the 查询码 matches the request it belongs to. */
export async function publicRequestDocument(platform: Platform, queryCode: string, documentId: number): Promise<{ fileId: number; title: string; docNumber: string | null } | null> {
  const status = await lookupPublicRequest(platform, queryCode);
  const document = status?.documents.find((d) => d.id === documentId);
  if (!document) return null;
  const row = await platform.db.selectFrom('document').select(['file_id', 'title', 'doc_number']).where('id', '=', documentId).executeTakeFirstOrThrow();
  return { fileId: row.file_id, title: row.title, docNumber: row.doc_number };
}
