import type { Transaction } from 'kysely';
import type { Database, OrgKind } from '../../db/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { nowIso } from '../context.ts';

export type OrgInput = {
  parentId: number | null;
  name: string;
  shortName?: string | null;
  kind: OrgKind;
  code: string;
  sort?: number;
  isEnabled?: boolean;
};

/** Creates an organisation under its parent; `path` (/1/4/9/) makes subtree queries a prefix match. */
export async function insertOrg(trx: Transaction<Database>, input: OrgInput): Promise<number> {
  const parent = input.parentId == null ? null : await trx.selectFrom('organization').select(['id', 'path']).where('id', '=', input.parentId).executeTakeFirst();
  if (input.parentId != null && !parent) throw notFound('上级组织');
  await assertCodeFree(trx, input.code, null);
  const at = nowIso();
  const row = await trx
    .insertInto('organization')
    .values({
      parent_id: input.parentId,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      code: input.code,
      path: '/',
      sort: input.sort ?? 0,
      is_enabled: input.isEnabled === false ? 0 : 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.updateTable('organization').set({ path: `${parent?.path ?? '/'}${row.id}/` }).where('id', '=', row.id).execute();
  return row.id;
}

/** Moving an organisation rewrites the paths of its whole subtree; moving it under itself is refused. */
export async function updateOrg(trx: Transaction<Database>, id: number, input: OrgInput): Promise<void> {
  const current = await trx.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('组织');
  await assertCodeFree(trx, input.code, id);
  let newPath = current.path;
  if (input.parentId !== current.parent_id) {
    if (input.parentId == null) {
      newPath = `/${id}/`;
    } else {
      const parent = await trx.selectFrom('organization').select(['id', 'path']).where('id', '=', input.parentId).executeTakeFirst();
      if (!parent) throw notFound('上级组织');
      if (parent.path.startsWith(current.path)) {
        throw new AppError('VALIDATION_FAILED', '不能把组织移动到它自己或它的下级之下', { fields: [{ path: 'parentId', message: '上级组织无效' }] });
      }
      newPath = `${parent.path}${id}/`;
    }
  }
  await trx
    .updateTable('organization')
    .set({
      parent_id: input.parentId,
      name: input.name,
      short_name: input.shortName ?? null,
      kind: input.kind,
      code: input.code,
      sort: input.sort ?? current.sort,
      is_enabled: input.isEnabled === false ? 0 : 1,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
  if (newPath !== current.path) {
    const subtree = await trx.selectFrom('organization').select(['id', 'path']).where('path', 'like', `${current.path}%`).execute();
    for (const org of subtree) {
      await trx.updateTable('organization').set({ path: newPath + org.path.slice(current.path.length) }).where('id', '=', org.id).execute();
    }
  }
}

async function assertCodeFree(trx: Transaction<Database>, code: string, exceptId: number | null): Promise<void> {
  let query = trx.selectFrom('organization').select('id').where('code', '=', code);
  if (exceptId != null) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('ALREADY_EXISTS', `组织编码“${code}”已被使用`, { fields: [{ path: 'code', message: '编码已被使用' }] });
  }
}
