import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { seedReferenceData } from '../seed/reference-data.ts';
import { importLedger, assertFormat, type ImportMode } from '../procedures/mediation/ledger/import-ledger.ts';
import { errorReport } from '../procedures/mediation/ledger/workbooks.ts';
import { fail, withPlatform } from './open-platform.ts';

/** `fazhi import mediation FILE --org CODE`: the same import as the UI, for large ledgers. */
export function registerImportCommands(program: Command): void {
  const importCommand = program.command('import').description('导入台账');
  importCommand
    .command('mediation')
    .argument('<file>', '调解台账（.xlsx 或 .csv，列同导入模板）')
    .requiredOption('--org <code>', '调委会（组织编码，如 dongcheng.twh）')
    .option('--mode <mode>', 'valid_rows：导入无误的行；all_or_nothing：有错则全部不导入', 'valid_rows')
    .option('--errors <path>', '错误行报告（xlsx）的保存位置')
    .description('导入人民调解台账；错误行写入报告，重复的台账编号跳过')
    .action(async (file: string, options: { org: string; mode: string; errors?: string }) => {
      if (!fs.existsSync(file)) fail(`文件不存在：${file}`);
      if (!['valid_rows', 'all_or_nothing'].includes(options.mode)) fail('--mode 只能是 valid_rows 或 all_or_nothing');
      const format = (() => {
        try {
          return assertFormat(file);
        } catch (error) {
          return fail((error as Error).message);
        }
      })();
      const result = await withPlatform(async (platform) => {
        await seedReferenceData(platform);
        const org = await platform.db.selectFrom('organization').select('id').where('code', '=', options.org).executeTakeFirst();
        if (!org) fail(`组织编码不存在：${options.org}`);
        return importLedger(platform, { id: null, name: '命令行导入', ip: null }, { orgId: org.id, userId: null },
          { buffer: fs.readFileSync(file), format, name: path.basename(file) }, options.mode as ImportMode);
      });
      console.log(`共 ${result.total} 行：导入 ${result.imported} 行，跳过已导入 ${result.duplicates} 行，错误 ${result.errors.length} 处${result.isCommitted ? '' : '（未导入任何记录）'}`);
      for (const e of result.errors.slice(0, 20)) console.log(`  第 ${e.row} 行【${e.column}】${e.message}`);
      if (result.badRows.length) {
        const target = options.errors ?? `${file.replace(/\.(xlsx|csv)$/i, '')}.错误.xlsx`;
        fs.writeFileSync(target, await errorReport(result));
        console.log(`错误行报告：${target}`);
        process.exitCode = result.isCommitted ? 0 : 1;
      }
    });
}
