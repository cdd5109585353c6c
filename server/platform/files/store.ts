import fs from 'node:fs';
import type { Selectable, Transaction } from 'kysely';
import type { Database, StoredFileTable } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../audit/append.ts';
import { nowIso, type Actor, type Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { blobAbsolutePath, writeBlob } from './blob-store.ts';
import { detectFileType, type FileType } from './detect.ts';
import { extensionOf, sanitizeFileName } from './names.ts';

/** The record a file belongs to, e.g. { type: 'case', id: '123' }. */
export type FileSubject = { type: string; id: string };

export type StoreFileInput = {
  buffer: Buffer;
  originalName: string;
  actor: Actor;
  subject?: FileSubject | null;
  /** Refuse larger files with 413 (uploads pass the files.maxUploadMb setting; generated files none). */
  maxBytes?: number;
};

export type StoredFileInfo = {
  id: number;
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  subject: FileSubject | null;
  createdBy: number | null;
  createdAt: string;
};

/**
 * Checks the content's type (not the name's), writes the bytes to the content-addressed store, and
 * records the stored_file row and its audit entry in the caller's transaction.
 */
export async function storeFile(trx: Transaction<Database>, platform: Platform, input: StoreFileInput): Promise<StoredFileInfo> {
  const { buffer, actor } = input;
  if (buffer.length === 0) throw new AppError('BAD_REQUEST', '文件为空');
  if (input.maxBytes != null && buffer.length > input.maxBytes) throw tooLarge(input.maxBytes);
  const name = sanitizeFileName(input.originalName);
  const type = checkFileType(buffer, name);
  const subject = input.subject ?? null;
  const blob = await writeBlob(platform.dataDir, buffer);
  const createdAt = nowIso();
  const row = await trx
    .insertInto('stored_file')
    .values({
      sha256: blob.sha256,
      size: buffer.length,
      mime: type.mime,
      original_name: name,
      storage_path: blob.storagePath,
      created_by: actor.id,
      created_at: createdAt,
      subject_type: subject?.type ?? null,
      subject_id: subject?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const info: StoredFileInfo = {
    id: row.id, sha256: blob.sha256, size: buffer.length, mime: type.mime, originalName: name, subject, createdBy: actor.id, createdAt,
  };
  await appendAudit(trx, platform.dialect, actor, {
    action: 'file.create',
    targetType: 'stored_file',
    targetId: row.id,
    after: { name, size: buffer.length, mime: type.mime, sha256: blob.sha256, subject },
  });
  return info;
}

/** The accepted type of the bytes; 415 when unknown or when the name's extension claims another type. */
export function checkFileType(buffer: Buffer, name: string): FileType {
  const extension = extensionOf(name);
  const type = detectFileType(buffer, extension);
  if (!type) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的文件类型：仅可上传 PDF、OFD、Word、Excel、PowerPoint、图片（PNG/JPEG/GIF/WebP）和 UTF-8 文本/CSV 文件');
  }
  if (extension && !type.extensions.includes(extension)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `文件内容为${type.label}，与扩展名“.${extension}”不符，请检查文件后重新上传`);
  }
  return type;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `文件超过大小上限（${Math.floor(maxBytes / 1024 / 1024)} MB）`);
}

export type StoredFileRow = Selectable<StoredFileTable>;

export async function findStoredFile(db: Db | Transaction<Database>, id: number): Promise<StoredFileRow | undefined> {
  return db.selectFrom('stored_file').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Where a stored file's bytes are; a missing or truncated blob is an error, never served as is. */
export async function storedFilePath(platform: Platform, file: { storage_path: string; size: number }): Promise<string> {
  const full = blobAbsolutePath(platform.dataDir, file.storage_path);
  const stat = await fs.promises.stat(full).catch(() => null);
  if (!stat || stat.size !== file.size) {
    platform.logger.error({ storagePath: file.storage_path }, 'stored file missing or truncated');
    throw new AppError('NOT_FOUND', '文件内容缺失，请联系管理员');
  }
  return full;
}
