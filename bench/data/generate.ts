// `npm run bench:data -- --counties N --year 2024 --data-dir DIR [--only mediation,cases,items] [--scale 1] [--townships 10]`
// Generates the benchmarks' data into an empty installation: SQLite in DIR, or PostgreSQL when DATABASE_URL is set
// (DIR then keeps only the field-encryption key). Run again on the same target, it changes nothing.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openTarget, resolveTarget } from '../support/target.ts';
import { generateBenchData, PARTS, type Part } from './generator.ts';

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      counties: { type: 'string', default: '1' },
      year: { type: 'string', default: '2024' },
      'data-dir': { type: 'string' },
      only: { type: 'string' },
      scale: { type: 'string', default: '1' },
      townships: { type: 'string', default: '10' },
    },
  });
  const counties = Number(values.counties);
  const year = Number(values.year);
  const scale = Number(values.scale);
  const townships = Number(values.townships);
  const parts = (values.only ? values.only.split(',') : [...PARTS]) as Part[];
  const problems = [
    !(Number.isInteger(counties) && counties >= 1 && counties <= 999) && '--counties 应为 1 至 999 的整数',
    !(Number.isInteger(year) && year >= 2010 && year <= Number(new Date().getUTCFullYear())) && '--year 应为已过去或当前的年份',
    !(scale > 0 && scale <= 10) && '--scale 应在 0 与 10 之间',
    !(Number.isInteger(townships) && townships >= 1 && townships <= 99) && '--townships 应为 1 至 99 的整数',
    parts.some((p) => !PARTS.includes(p)) && `--only 只能是 ${PARTS.join('、')} 的组合（逗号分隔）`,
  ].filter(Boolean);
  if (problems.length) {
    console.error(problems.join('\n'));
    return 2;
  }
  const dataDir = values['data-dir'] ?? process.env.FAZHI_DATA_DIR;
  if (!dataDir) {
    console.error('请用 --data-dir 指定数据目录（SQLite 数据库文件与字段加密密钥所在；使用 PostgreSQL 时另设 DATABASE_URL）');
    return 2;
  }
  const target = resolveTarget(dataDir);
  const platform = await openTarget(target);
  try {
    console.log(`生成基准数据：${counties} 个县，${year} 年，${parts.join('、')}，规模 ×${scale}，目标 ${platform.dialect === 'postgres' ? 'PostgreSQL' : `SQLite（${target.dataDir}）`}`);
    const { isNew, manifest } = await generateBenchData(platform, { counties, year, parts, scale, townships, log: (line) => console.log(line) });
    if (!isNew) {
      console.log(`目标库已有生成的基准数据（${manifest.counties} 个县，${manifest.year} 年，${manifest.parts.join('、')}），未做任何改动。`);
      return 0;
    }
    console.log(`完成：${Object.entries(manifest.totals).map(([k, v]) => `${k} ${v}`).join('，')}`);
    console.log(`用时（秒）：${Object.entries(manifest.seconds).map(([k, v]) => `${k} ${v}`).join('，')}`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    await platform.db.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
