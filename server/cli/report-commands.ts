import fs from 'node:fs';
import type { Command } from 'commander';
import { buildReport, buildReportDocument, reportRowFor } from '../report/build.ts';
import { paragraphText, sourceStatement } from '../report/compose.ts';
import { renderReportHtml } from '../report/render-html.ts';
import { REPORT_STATES } from '../report/workflow.ts';
import { fail, withPlatform } from './open-platform.ts';

const FORMATS = ['json', 'docx', 'html'] as const;

/**
 * `fazhi report --year 2024 --org CODE --format json|docx|html`: the same report the admin UI shows — the
 * saved one for that organisation and year, or the default draft when none was started.
 */
export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('生成法治政府建设年度报告（json 列出每个数字的指标、数值、单位和来源）')
    .requiredOption('--year <year>', '报告年度，如 2024')
    .requiredOption('--org <code>', '组织编码（县政府或部门）')
    .option('--format <format>', 'json、docx 或 html', 'json')
    .option('--out <path>', '输出文件（docx 必填；其他格式默认输出到标准输出）')
    .action(async (options: { year: string; org: string; format: string; out?: string }) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) fail('--year 应为 2000 至 2100 之间的年份');
      const format = options.format as (typeof FORMATS)[number];
      if (!FORMATS.includes(format)) fail('--format 只能是 json、docx 或 html');
      if (format === 'docx' && !options.out) fail('生成 docx 须用 --out 指定输出文件');
      const output = await withPlatform(async (platform) => {
        const org = await platform.db.selectFrom('organization').select(['id', 'name']).where('code', '=', options.org).executeTakeFirst();
        if (!org) fail(`组织编码不存在：${options.org}`);
        const row = await reportRowFor(platform.db, org.id, year);
        if (format === 'docx') return (await buildReportDocument(platform.db, row)).buffer;
        const report = await buildReport(platform.db, row);
        if (format === 'html') return renderReportHtml(report, 'portal');
        return `${JSON.stringify({
          org: org.name, year, title: report.title, state: REPORT_STATES[row.state as keyof typeof REPORT_STATES] ?? row.state,
          isSaved: row.id !== 0, docNumber: row.doc_number, isFrozen: row.figures_json !== null,
          figures: report.figures.map((f) => ({ ...f, sourceStatement: sourceStatement(f) })),
          problems: report.problems,
          text: [
            ...report.preamble.map(paragraphText),
            ...report.parts.map((p) => ({ title: p.title, paragraphs: p.paragraphs.map(paragraphText), subsections: p.subsections.map((s) => ({ title: s.title, paragraphs: s.paragraphs.map(paragraphText) })) })),
          ],
        }, null, 2)}\n`;
      });
      if (options.out) {
        fs.writeFileSync(options.out, output);
        console.error(`已生成：${options.out}`);
      } else process.stdout.write(output);
    });
}
