import type { BenchRow } from './context.ts';

/** The results as a Markdown table, ready to paste into docs/PERFORMANCE.md. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['基准', '结果', '目标', '基线（同次运行）', '比值', '判定'];
  const lines = rows.map((row) => [
    row.benchmark, row.figure, row.target, row.baseline,
    row.ratio == null || !Number.isFinite(row.ratio) ? '—' : row.ratio.toFixed(2),
    row.isPass == null ? '—' : row.isPass ? 'pass' : 'miss',
  ]);
  const cell = (value: string) => value.replace(/\|/g, '\\|');
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n');
}
