import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { defineSetting } from '../settings/registry.ts';
import { getSetting } from '../settings/service.ts';

export const MAX_UPLOAD_MB = defineSetting({
  key: 'files.maxUploadMb',
  title: '上传文件大小上限',
  group: '文件',
  schema: z.number().int().min(1).max(1024),
  defaultValue: 20,
  unit: 'MB',
  basis: '本地规定',
  description: '单个上传附件的最大大小，超过的上传将被拒绝。',
});

export async function maxUploadBytes(db: Kysely<Database>): Promise<number> {
  return (await getSetting(db, MAX_UPLOAD_MB)) * 1024 * 1024;
}
