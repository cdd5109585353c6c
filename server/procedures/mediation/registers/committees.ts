import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/scope.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { inTransaction, nowIso, type Actor, type Platform } from '../../../platform/context.ts';
import type { FieldCipher } from '../../../platform/crypto/field-cipher.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { insertOrg } from '../../../platform/orgs/service.ts';
import { anchorsInScope, committeeAnchors, conflict, outOfScope, requireOrg, resolveGuideOrg, townshipOf } from './access.ts';
import type { CommitteeInput, MemberInput, ZCommitteeUpdate } from './schemas.ts';
import { assertDictCode, FIELD_DICT } from './vocabulary.ts';

type Trx = Transaction<Database>;
type Placement = { parent_org_id: number; org_id: number | null; township_org_id: number | null; guide_org_id: number | null };

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: [{ path, message }] });

/** Where the committee sits: parent organisation, its own node (linked), township and guiding 司法所. */
async function resolvePlacement(trx: Trx, input: CommitteeInput, linkOrgId: number | null, committeeId: number | null): Promise<Placement> {
  const parent = await requireOrg(trx, input.parentOrgId, 'parentOrgId', '所属单位');
  const townshipId = await townshipOf(trx, parent);
  const guideId = await resolveGuideOrg(trx, input.guideOrgId, townshipId);
  if (linkOrgId != null) {
    const org = await requireOrg(trx, linkOrgId, 'orgId', '调委会组织机构');
    if (org.kind !== 'committee') throw invalid('orgId', '请选择类型为“委员会 / 调委会”的组织机构');
    if (org.id === parent.id || !org.path.startsWith(parent.path)) throw invalid('orgId', '调委会的组织机构应在所属单位之下');
    let taken = trx.selectFrom('mediation_committee').select('id').where('org_id', '=', org.id);
    if (committeeId != null) taken = taken.where('id', '!=', committeeId);
    if (await taken.executeTakeFirst()) throw new AppError('ALREADY_EXISTS', `“${org.name}”已登记为另一个调委会`, { fields: [{ path: 'orgId', message: '已被登记' }] });
  }
  return { parent_org_id: parent.id, org_id: linkOrgId, township_org_id: townshipId, guide_org_id: guideId };
}

/** The new node of kind 'committee' under the parent, when the caller asks for one. */
async function createCommitteeOrg(trx: Trx, platform: Platform, actor: Actor, committeeId: number, name: string, parentId: number): Promise<number> {
  const code = `mc-${committeeId}`;
  const orgId = await insertOrg(trx, { parentId, name, kind: 'committee', code });
  await appendAudit(trx, platform.dialect, actor, { action: 'org.create', targetType: 'organization', targetId: orgId, after: { parentId, name, kind: 'committee', code, committeeId } });
  await trx.updateTable('mediation_committee').set({ org_id: orgId }).where('id', '=', committeeId).execute();
  return orgId;
}

function phoneColumns(cipher: FieldCipher, phone: string): { phone_enc: string | null; phone_masked: string | null } {
  return phone ? { phone_enc: cipher.encrypt(phone), phone_masked: maskPhone(phone) } : { phone_enc: null, phone_masked: null };
}

/**
 * The members as given replace the stored list. A member sent with its id keeps its stored phone unless a
 * new one (or '' to clear) is sent, so a form that only ever saw masked phones does not erase them.
 */
async function replaceMembers(trx: Trx, cipher: FieldCipher, committeeId: number, members: MemberInput[]): Promise<void> {
  const stored = await trx.selectFrom('mediation_committee_member').select(['id', 'phone_enc', 'phone_masked']).where('committee_id', '=', committeeId).execute();
  const byId = new Map(stored.map((m) => [m.id, m]));
  members.forEach((m, i) => {
    if (m.id != null && !byId.has(m.id)) throw invalid(`members.${i}.id`, '该成员不属于本调委会');
  });
  const kept = members.flatMap((m) => (m.id == null ? [] : [m.id]));
  let removal = trx.deleteFrom('mediation_committee_member').where('committee_id', '=', committeeId);
  if (kept.length) removal = removal.where('id', 'not in', kept);
  await removal.execute();
  for (const [sort, m] of members.entries()) {
    const previous = m.id == null ? undefined : byId.get(m.id);
    const phone = m.phone === undefined ? { phone_enc: previous?.phone_enc ?? null, phone_masked: previous?.phone_masked ?? null } : phoneColumns(cipher, m.phone);
    const values = { name: m.name, gender: m.gender, role: m.role, term_start: m.termStart, term_end: m.termEnd, sort, ...phone };
    if (m.id != null) await trx.updateTable('mediation_committee_member').set(values).where('id', '=', m.id).execute();
    else await trx.insertInto('mediation_committee_member').values({ committee_id: committeeId, ...values }).execute();
  }
}

/** What the audit record keeps of an input: phones masked, never whole. */
function auditView(input: CommitteeInput) {
  return { ...input, members: input.members.map((m) => ({ ...m, phone: m.phone ? maskPhone(m.phone) : m.phone })) };
}

async function membersForAudit(trx: Trx, committeeId: number) {
  return trx.selectFrom('mediation_committee_member').select(['id', 'name', 'gender', 'role', 'term_start', 'term_end', 'phone_masked']).where('committee_id', '=', committeeId).orderBy('sort').execute();
}

function committeeValues(input: CommitteeInput) {
  return {
    name: input.name, kind: input.kind, field: input.kind === 'industry' ? (input.field ?? null) : null,
    established_on: input.establishedOn ?? null, is_active: input.isActive ? 1 : 0, remark: input.remark || null,
  };
}

export async function createCommittee(platform: Platform, actor: Actor, scope: Scope, input: CommitteeInput): Promise<number> {
  return inTransaction(platform, async (trx) => {
    const placement = await resolvePlacement(trx, input, input.orgId ?? null, null);
    if (!anchorsInScope(scope, committeeAnchors(placement))) throw outOfScope('parentOrgId');
    await assertDictCode(trx, FIELD_DICT, input.field, 'field', '调解领域');
    const at = nowIso();
    const row = await trx
      .insertInto('mediation_committee')
      .values({ ...committeeValues(input), ...placement, version: 1, created_by: actor.id, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgId = input.createOrg ? await createCommitteeOrg(trx, platform, actor, row.id, input.name, placement.parent_org_id) : placement.org_id;
    await replaceMembers(trx, platform.cipher, row.id, input.members);
    await appendAudit(trx, platform.dialect, actor, {
      action: 'mediation.committee.create', targetType: 'mediation_committee', targetId: row.id, after: { ...auditView(input), ...placement, org_id: orgId },
    });
    return row.id;
  });
}

/**
 * Full update with the version the caller saw. `orgId` omitted keeps the current link, null unlinks it;
 * `createOrg` makes a node when none is linked. The committee may not be moved out of the caller's scope.
 */
export async function updateCommittee(platform: Platform, actor: Actor, scope: Scope, id: number, body: z.output<typeof ZCommitteeUpdate>): Promise<void> {
  const { version, ...input } = body;
  await inTransaction(platform, async (trx) => {
    const current = await trx.selectFrom('mediation_committee').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current || !anchorsInScope(scope, committeeAnchors(current))) throw notFound('调委会');
    const linkOrgId = input.orgId === undefined ? current.org_id : input.orgId;
    if (input.createOrg && linkOrgId != null) throw invalid('createOrg', '该调委会已关联组织机构');
    const placement = await resolvePlacement(trx, input, linkOrgId, id);
    if (!anchorsInScope(scope, committeeAnchors(placement))) throw outOfScope('parentOrgId');
    await assertDictCode(trx, FIELD_DICT, input.field, 'field', '调解领域');
    const beforeMembers = await membersForAudit(trx, id);
    const result = await trx
      .updateTable('mediation_committee')
      .set({ ...committeeValues(input), ...placement, version: version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict('调委会');
    const orgId = input.createOrg ? await createCommitteeOrg(trx, platform, actor, id, input.name, placement.parent_org_id) : placement.org_id;
    await replaceMembers(trx, platform.cipher, id, input.members);
    await appendAudit(trx, platform.dialect, actor, {
      action: 'mediation.committee.update', targetType: 'mediation_committee', targetId: id,
      before: { ...current, members: beforeMembers }, after: { ...auditView(input), ...placement, org_id: orgId, version: version + 1 },
    });
  });
}

/** A member's whole phone for a caller holding mediation.personal; the view itself is audited. */
export async function revealMemberPhone(platform: Platform, actor: Actor, scope: Scope, committeeId: number, memberId: number): Promise<string | null> {
  return inTransaction(platform, async (trx) => {
    const committee = await trx.selectFrom('mediation_committee').selectAll().where('id', '=', committeeId).executeTakeFirst();
    if (!committee || !anchorsInScope(scope, committeeAnchors(committee))) throw notFound('调委会');
    const member = await trx.selectFrom('mediation_committee_member').select(['id', 'phone_enc']).where('id', '=', memberId).where('committee_id', '=', committeeId).executeTakeFirst();
    if (!member) throw notFound('成员');
    await appendAudit(trx, platform.dialect, actor, { action: 'mediation.committee.member.phone.reveal', targetType: 'mediation_committee_member', targetId: memberId, after: { committeeId } });
    return member.phone_enc ? platform.cipher.decrypt(member.phone_enc) : null;
  });
}
