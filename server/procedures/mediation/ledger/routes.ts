import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { AppError, notFound } from '../../../platform/errors.ts';
import { inTransaction } from '../../../platform/context.ts';
import { scopeIncludesOrg } from '../../../platform/access/scope.ts';
import { actorOf } from '../../../platform/http/request-context.ts';
import { requireScope } from '../../../platform/http/guards.ts';
import { storeFile } from '../../../platform/files/store.ts';
import { contentDisposition } from '../../../platform/files/names.ts';
import { assertFormat, importLedger, type ImportMode } from './import-ledger.ts';
import { errorReport, ledgerTemplate } from './workbooks.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_LEDGER_BYTES = 50 * 1024 * 1024;

/** 台账导入: template download and upload; bad rows come back as an xlsx the user fixes and re-imports. */
export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_LEDGER_BYTES, files: 1, fields: 5 } });
  const tags = ['人民调解'];

  app.get('/api/mediation/ledger/template', { schema: { tags, summary: '下载调解台账导入模板（xlsx）' } }, async (request, reply) => {
    await requireScope(request, 'mediation.handle');
    const buffer = await ledgerTemplate(app.platform.db);
    return reply.type(XLSX).header('content-disposition', contentDisposition('人民调解台账导入模板.xlsx')).send(buffer);
  });

  app.post('/api/mediation/ledger/import', { schema: { tags, summary: '导入调解台账（xlsx 或 csv；字段 file、orgId、mode）' } }, async (request) => {
    const { principal, scope } = await requireScope(request, 'mediation.handle');
    const fields: Record<string, string> = {};
    let file: { buffer: Buffer; name: string } | null = null;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', '台账文件超过 50 MB');
        file = { buffer, name: part.filename };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择台账文件', { fields: [{ path: 'file', message: '必填' }] });
    const orgId = Number(fields.orgId);
    if (!Number.isInteger(orgId) || !scopeIncludesOrg(scope, orgId)) throw notFound('调解组织');
    const mode: ImportMode = fields.mode === 'all_or_nothing' ? 'all_or_nothing' : 'valid_rows';
    const actor = actorOf(request);
    const result = await importLedger(app.platform, actor, { orgId, userId: principal.userId }, { ...file, format: assertFormat(file.name) }, mode);
    let errorReportFileId: number | null = null;
    if (result.badRows.length) {
      const report = await errorReport(result);
      const stored = await inTransaction(app.platform, (trx) => storeFile(trx, app.platform, { buffer: report, originalName: `导入错误_${file!.name.replace(/\.csv$/i, '.xlsx')}`, actor }));
      errorReportFileId = stored.id;
    }
    return {
      total: result.total, imported: result.imported, duplicates: result.duplicates, isCommitted: result.isCommitted,
      errorCount: result.errors.length, errors: result.errors.slice(0, 500), errorReportFileId,
    };
  });
}
