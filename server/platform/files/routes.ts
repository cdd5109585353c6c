import fs from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/append.ts';
import { inTransaction, type Platform } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { principalOf } from '../http/guards.ts';
import { ZIdParam } from '../http/paging.ts';
import { actorOf } from '../http/request-context.ts';
import { canAccessStoredRecord, type StoredRecordRef } from './access.ts';
import { contentDisposition } from './names.ts';
import { maxUploadBytes } from './settings.ts';
import { findStoredFile, storedFilePath, storeFile, tooLarge, type FileSubject, type StoredFileRow } from './store.ts';

const ZSubject = z
  .object({
    subjectType: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/, '关联类型格式不正确').optional(),
    subjectId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, '关联编号格式不正确').optional(),
  })
  .refine((v) => (v.subjectType == null) === (v.subjectId == null), { message: '关联类型和关联编号须同时提供', path: ['subjectId'] });

// Busboy error codes from @fastify/multipart: too many parts, files or fields in one request.
const COUNT_LIMIT_CODES = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

export async function fileRoutes(app: FastifyInstance): Promise<void> {
  // Registered here, so multipart parsing exists only in this plugin's routes. The size limit is set per
  // request from the setting; these are the outer bounds.
  await app.register(multipart, { limits: { files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['文件'];

  r.post('/api/files', { schema: { tags, summary: '上传附件（multipart/form-data：file，可选 subjectType、subjectId）', consumes: ['multipart/form-data'] } }, async (request, reply) => {
    const principal = principalOf(request);
    const upload = await readUpload(request);
    const subject = upload.subject;
    if (subject) {
      const record: StoredRecordRef = { kind: 'file', id: null, subjectType: subject.type, subjectId: subject.id, createdBy: principal.userId };
      if (!(await canAccessStoredRecord({ principal, db: app.platform.db, record, mode: 'attach' }))) throw notFound('关联的记录');
    }
    const stored = await inTransaction(app.platform, (trx) =>
      storeFile(trx, app.platform, { buffer: upload.buffer, originalName: upload.name, actor: actorOf(request), subject }),
    );
    reply.status(201);
    return { id: stored.id, name: stored.originalName, size: stored.size, mime: stored.mime, sha256: stored.sha256, subject: stored.subject };
  });

  r.get('/api/files/:id', { schema: { tags, summary: '下载附件', params: ZIdParam } }, async (request, reply) => {
    const principal = principalOf(request);
    const file = await findStoredFile(app.platform.db, request.params.id);
    const record: StoredRecordRef | null = file
      ? { kind: 'file', id: file.id, subjectType: file.subject_type, subjectId: file.subject_id, createdBy: file.created_by }
      : null;
    if (!file || !record || !(await canAccessStoredRecord({ principal, db: app.platform.db, record, mode: 'read' }))) throw notFound('文件');
    return sendStoredFile(request, reply, app.platform, file, { action: 'file.download', targetType: 'stored_file', targetId: file.id });
  });
}

type Upload = { buffer: Buffer; name: string; subject: FileSubject | null };

/** The one file part named "file" and the optional subject fields, whatever their order. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 格式上传文件（字段名 file）');
  const maxBytes = await maxUploadBytes(request.server.platform.db);
  const fields: Record<string, string> = {};
  let file: { buffer: Buffer; name: string } | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw new AppError('BAD_REQUEST', `未知的文件字段“${part.fieldname}”，应为 file`);
        file = { buffer: await part.toBuffer(), name: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code && COUNT_LIMIT_CODES.has(code)) throw new AppError('BAD_REQUEST', '一次只能上传一个文件');
    throw error;
  }
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { fields: [{ path: 'file', message: '必填' }] });
  const parsed = ZSubject.parse({ subjectType: fields.subjectType || undefined, subjectId: fields.subjectId || undefined });
  const subject = parsed.subjectType && parsed.subjectId ? { type: parsed.subjectType, id: parsed.subjectId } : null;
  return { ...file, subject };
}

/** Streams a stored file as a download and records who fetched it (case materials carry personal data). */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  platform: Platform,
  file: StoredFileRow,
  audit: { action: string; targetType: string; targetId: number },
  downloadName = file.original_name,
): Promise<FastifyReply> {
  const full = await storedFilePath(platform, file);
  await inTransaction(platform, (trx) =>
    appendAudit(trx, platform.dialect, actorOf(request), { ...audit, after: { fileId: file.id, name: downloadName, sha256: file.sha256 } }),
  );
  const isText = file.mime.startsWith('text/');
  return reply
    .header('Content-Type', isText ? `${file.mime}; charset=utf-8` : file.mime)
    .header('Content-Length', String(file.size))
    .header('Content-Disposition', contentDisposition(downloadName))
    .header('Cache-Control', 'private, no-store')
    .send(fs.createReadStream(full));
}
