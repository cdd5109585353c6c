import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Actor } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { isValidDate } from '../platform/calendar/dates.ts';
import { days, dueDate, workingDays, type PeriodLimit } from '../platform/calendar/deadline.ts';
import { ensureCalendarSeeded, importCalendarYear, loadCalendar, seedCalendarFromChineseDays } from '../platform/calendar/store.ts';
import { withPlatform } from './open-platform.ts';

type DeadlineOptions = { from?: string; days?: string; workingDays?: string };
type ImportOptions = { year?: string; source?: string };

const MAX_PERIOD = 3650;

/** Who the audit log names for CLI writes: the operating-system account at the console. */
function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep 'unknown'.
  }
  return { id: null, name: `命令行（${user}）`, ip: null };
}

/** A mistake of the user (bad input, no calendar for the year): Chinese message on stderr, exit code 2. */
class InputError extends Error {}

async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof InputError || (error instanceof AppError && error.status < 500)) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    console.error(`执行失败：${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

function parseCount(value: string, option: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InputError(`${option} 应为正整数，收到“${value}”`);
  const count = Number(value);
  if (count < 1 || count > MAX_PERIOD) throw new InputError(`${option} 应在 1 至 ${MAX_PERIOD} 之间`);
  return count;
}

function limitOf(options: DeadlineOptions): PeriodLimit {
  if ((options.days === undefined) === (options.workingDays === undefined)) {
    throw new InputError('请指定 --days N（日）或 --working-days N（工作日）二者之一');
  }
  return options.days !== undefined ? days(parseCount(options.days, '--days')) : workingDays(parseCount(options.workingDays ?? '', '--working-days'));
}

function readImportFile(file: string, options: ImportOptions): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`无法读取文件：${file}`);
  }
  const year = options.year === undefined ? undefined : Number(options.year);
  if (options.year !== undefined && !Number.isInteger(year)) throw new InputError(`--year 应为年份，收到“${options.year}”`);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return { csv: text, year, source: options.source };
  if (extension !== '.json') throw new InputError('只支持 .json 或 .csv 文件');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`JSON 格式错误：${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError('JSON 文件应为对象：{"year": 2027, "source": "…", "days": [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]}');
  }
  const record = data as Record<string, unknown>;
  if (year !== undefined && record.year !== undefined && Number(record.year) !== year) {
    throw new InputError(`--year ${year} 与文件中的年份 ${String(record.year)} 不一致`);
  }
  return { ...record, ...(year !== undefined ? { year } : {}), ...(options.source ? { source: options.source } : {}) };
}

export function registerCalendarCommands(program: Command): void {
  const deadline = program
    .command('deadline')
    .description('按工作日历计算期限届满日（起算日不计入；以日计的期限届满日遇休息日顺延），只输出 YYYY-MM-DD')
    .requiredOption('--from <date>', '起算日（如收到申请之日），YYYY-MM-DD')
    .option('--days <n>', '以日计的期限')
    .option('--working-days <n>', '以工作日计的期限')
    .action((options: DeadlineOptions) =>
      run(async () => {
        const from = options.from ?? '';
        if (!isValidDate(from)) throw new InputError(`--from 应为 YYYY-MM-DD 格式的真实日期，收到“${from}”`);
        const limit = limitOf(options);
        const due = await withPlatform(async (platform) => {
          await ensureCalendarSeeded(platform);
          return dueDate(await loadCalendar(platform), from, limit);
        });
        console.log(due);
      }),
    );

  const calendar = program.command('calendar').description('工作日历（法定节假日与调休）');

  calendar
    .command('seed')
    .description('从 chinese-days 数据补充尚未导入的年份（不覆盖已有年份和管理员的修改）')
    .action(() =>
      run(async () => {
        const result = await withPlatform((platform) => seedCalendarFromChineseDays(platform, cliActor()));
        if (!result.years.length) {
          console.log(`工作日历已是最新：${result.source} 覆盖的年份均已导入`);
          return;
        }
        const years = result.years;
        console.log(`已从 ${result.source} 导入 ${years.length} 个年份（${years[0]}–${years[years.length - 1]}），共 ${result.days} 天`);
      }),
    );

  calendar
    .command('import')
    .description('按国务院放假通知导入一年（整年替换）。JSON：{year, source?, days:[{date, kind, name}]}；CSV 表头：date,kind,name（kind 为 holiday/adjusted_workday 或 休/班）')
    .argument('<file>', '.json 或 .csv 文件')
    .option('--year <year>', '年份（CSV 文件可省略，按日期推断）')
    .option('--source <text>', '数据来源，如通知文号')
    .action((file: string, options: ImportOptions) =>
      run(async () => {
        const input = readImportFile(file, options);
        const result = await withPlatform((platform) => importCalendarYear(platform, cliActor(), input));
        const verb = result.replaced ? '已替换' : '已导入';
        console.log(`${verb} ${result.year} 年工作日历：放假 ${result.holidays} 天，调休上班 ${result.adjustedWorkdays} 天（来源：${result.source}）`);
      }),
    );

  // Usage errors (missing --from, unknown option) surface to cli.ts, which answers them with exit code 2;
  // without this a subcommand created before program.exitOverride() would exit 1 on its own.
  for (const command of [deadline, calendar, ...calendar.commands]) command.exitOverride();
}
