import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FieldCipher } from '../crypto/field-cipher.ts';
import { maskPhone } from '../crypto/mask.ts';
import { isValidMobile } from '../../../common/validators.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../context.ts';
import { hashPassword, passwordPolicyError } from '../auth/password.ts';

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  orgIds: number[];
  roleIds: number[];
  mustChangePassword?: boolean;
  createdBy?: number | null;
};

export type UserChanges = { displayName: string; phone?: string | null; orgIds: number[]; roleIds: number[]; isEnabled: boolean };

export function assertPasswordPolicy(password: string, field = 'password'): void {
  const problem = passwordPolicyError(password);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { fields: [{ path: field, message: problem }] });
}

/** Phone numbers are stored SM4-encrypted with a masked copy for lists (DESIGN property 6). */
export function phoneColumns(cipher: FieldCipher, phone: string | null | undefined) {
  if (!phone) return { phone_enc: null, phone_masked: null };
  if (!isValidMobile(phone)) {
    throw new AppError('VALIDATION_FAILED', '手机号码格式不正确', { fields: [{ path: 'phone', message: '应为 11 位手机号码' }] });
  }
  return { phone_enc: cipher.encrypt(phone), phone_masked: maskPhone(phone) };
}

export async function insertUser(trx: Transaction<Database>, cipher: FieldCipher, input: NewUser): Promise<number> {
  assertPasswordPolicy(input.password);
  const taken = await trx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw new AppError('ALREADY_EXISTS', `用户名“${input.username}”已存在`, { fields: [{ path: 'username', message: '用户名已存在' }] });
  await assertReferences(trx, input.orgIds, input.roleIds);
  const at = nowIso();
  const row = await trx
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      ...phoneColumns(cipher, input.phone),
      is_enabled: 1,
      must_change_password: input.mustChangePassword === false ? 0 : 1,
      failed_attempts: 0,
      locked_until: null,
      password_changed_at: null,
      last_login_at: null,
      created_by: input.createdBy ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setMemberships(trx, row.id, input.orgIds, input.roleIds);
  return row.id;
}

export async function updateUser(trx: Transaction<Database>, cipher: FieldCipher, id: number, changes: UserChanges): Promise<void> {
  await assertReferences(trx, changes.orgIds, changes.roleIds);
  const phone = changes.phone === undefined ? {} : phoneColumns(cipher, changes.phone);
  await trx
    .updateTable('app_user')
    .set({ display_name: changes.displayName, is_enabled: changes.isEnabled ? 1 : 0, updated_at: nowIso(), ...phone })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('user_org').where('user_id', '=', id).execute();
  await trx.deleteFrom('user_role').where('user_id', '=', id).execute();
  await setMemberships(trx, id, changes.orgIds, changes.roleIds);
  if (!changes.isEnabled) {
    await trx.updateTable('session').set({ revoked_at: nowIso() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
  }
}

async function setMemberships(trx: Transaction<Database>, userId: number, orgIds: number[], roleIds: number[]): Promise<void> {
  const uniqueOrgs = [...new Set(orgIds)];
  const uniqueRoles = [...new Set(roleIds)];
  if (uniqueOrgs.length) await trx.insertInto('user_org').values(uniqueOrgs.map((org_id) => ({ user_id: userId, org_id }))).execute();
  if (uniqueRoles.length) await trx.insertInto('user_role').values(uniqueRoles.map((role_id) => ({ user_id: userId, role_id }))).execute();
}

async function assertReferences(trx: Transaction<Database>, orgIds: number[], roleIds: number[]): Promise<void> {
  if (orgIds.length === 0) {
    throw new AppError('VALIDATION_FAILED', '用户至少属于一个组织', { fields: [{ path: 'orgIds', message: '请选择所属组织' }] });
  }
  const orgs = await trx.selectFrom('organization').select('id').where('id', 'in', orgIds).execute();
  if (orgs.length !== new Set(orgIds).size) {
    throw new AppError('VALIDATION_FAILED', '所选组织不存在', { fields: [{ path: 'orgIds', message: '组织不存在' }] });
  }
  if (roleIds.length) {
    const roles = await trx.selectFrom('role').select('id').where('id', 'in', roleIds).execute();
    if (roles.length !== new Set(roleIds).size) {
      throw new AppError('VALIDATION_FAILED', '所选角色不存在', { fields: [{ path: 'roleIds', message: '角色不存在' }] });
    }
  }
}
