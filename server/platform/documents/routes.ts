import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../errors.ts';
import { canAccessStoredRecord } from '../files/access.ts';
import { sendStoredFile } from '../files/routes.ts';
import { findStoredFile } from '../files/store.ts';
import { principalOf } from '../http/guards.ts';
import { ZIdParam } from '../http/paging.ts';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.platform;

  r.get('/api/documents/:id', { schema: { tags: ['文书'], summary: '下载生成的文书（.docx）', params: ZIdParam } }, async (request, reply) => {
    const principal = principalOf(request);
    const document = await db.selectFrom('document').selectAll().where('id', '=', request.params.id).executeTakeFirst();
    const record = document
      ? { kind: 'document' as const, id: document.id, subjectType: document.subject_type, subjectId: document.subject_id, createdBy: document.created_by }
      : null;
    if (!document || !record || !(await canAccessStoredRecord({ principal, db, record, mode: 'read' }))) throw notFound('文书');
    const file = await findStoredFile(db, document.file_id);
    if (!file) throw notFound('文书文件');
    return sendStoredFile(request, reply, app.platform, file, { action: 'document.download', targetType: 'document', targetId: document.id });
  });
}
