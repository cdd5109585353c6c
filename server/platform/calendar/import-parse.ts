import { z } from 'zod';
import { AppError, type FieldError } from '../errors.ts';
import { kindConflict, type CalendarDay } from './calendar.ts';
import { isValidDate } from './dates.ts';

/**
 * A State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) as an administrator enters it:
 * JSON {year, source?, days: [{date, kind, name}]} or CSV text with the header `date,kind,name`.
 * Only the exceptions are listed: 放假 days (holiday) and 调休上班 days (adjusted_workday).
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const ZYear = z.coerce
  .number({ error: '年份应为数字' })
  .int('年份应为整数')
  .min(MIN_YEAR, `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间`)
  .max(MAX_YEAR, `年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 之间`);

export const ZImportDay = z.object({
  date: z.string({ error: '日期应为 YYYY-MM-DD 格式的字符串' }),
  kind: z.string({ error: '类型应为 holiday 或 adjusted_workday' }),
  name: z.string({ error: '名称应为字符串' }).nullish(),
});

export const ZCalendarImport = z
  .object({
    year: ZYear.optional(),
    source: z.string({ error: '来源应为字符串' }).trim().max(200, '来源不超过 200 字').optional(),
    days: z.array(ZImportDay, { error: 'days 应为日期列表' }).max(400, '日期不超过 400 条').optional(),
    csv: z.string({ error: 'csv 应为文本' }).max(200_000, 'CSV 内容过大').optional(),
  })
  .refine((value) => (value.days === undefined) !== (value.csv === undefined), {
    message: '请提供 days（JSON 日期列表）或 csv（CSV 文本）二者之一',
  });

export type CalendarImportInput = z.infer<typeof ZCalendarImport>;

export type ParsedCalendarYear = { year: number; source: string; exceptions: CalendarDay[] };

/** One listed day; `problem` marks a CSV line that could not be split into cells. */
type RawRow = { where: string; path: string; date: string; kind: string; name: string | null; problem?: string };

const KIND_ALIASES: Record<string, 'holiday' | 'adjusted_workday'> = {
  holiday: 'holiday',
  休: 'holiday',
  放假: 'holiday',
  法定节假日: 'holiday',
  adjusted_workday: 'adjusted_workday',
  班: 'adjusted_workday',
  上班: 'adjusted_workday',
  调休上班日: 'adjusted_workday',
};

const MAX_ERRORS_IN_MESSAGE = 5;

export function defaultNoticeSource(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/**
 * Validates every row and answers the year's exceptions; on any error throws one VALIDATION_FAILED
 * naming each bad line (CSV: 第N行, header = 第1行; JSON: 第N条), so nothing half-valid is written.
 */
export function parseCalendarImport(input: unknown): ParsedCalendarYear {
  const parsed = ZCalendarImport.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw validation(fields);
  }
  const { csv, days } = parsed.data;
  const errors: FieldError[] = [];
  const rows = csv !== undefined ? csvRows(csv, errors) : (days ?? []).map((day, index): RawRow => ({
    where: `第${index + 1}条`,
    path: `days.${index}`,
    date: day.date.trim(),
    kind: day.kind.trim(),
    name: day.name?.trim() || null,
  }));
  if (errors.length) throw validation(errors);

  const year = parsed.data.year ?? rows.map((row) => row.date).find(isValidDate)?.slice(0, 4);
  if (year === undefined) throw validation([{ path: 'year', message: '无法确定年份：请填写年份或至少列出一个有效日期' }]);
  const exceptions = checkRows(Number(year), rows, errors);
  if (!exceptions.length && !errors.length) errors.push({ path: 'days', message: '未列出任何放假或调休上班日期' });
  if (errors.length) throw validation(errors);
  return { year: Number(year), source: parsed.data.source || defaultNoticeSource(Number(year)), exceptions };
}

function checkRows(year: number, rows: RawRow[], errors: FieldError[]): CalendarDay[] {
  const seen = new Map<string, string>();
  const exceptions: CalendarDay[] = [];
  for (const row of rows) {
    if (row.problem) {
      errors.push({ path: row.path, message: `${row.where}：${row.problem}` });
      continue;
    }
    const fail = (field: string, message: string) => errors.push({ path: `${row.path}.${field}`, message: `${row.where}：${message}` });
    const kind = KIND_ALIASES[row.kind] ?? KIND_ALIASES[row.kind.toLowerCase()];
    if (!kind) fail('kind', `类型“${row.kind}”无效，应为 holiday（休/放假）或 adjusted_workday（班/上班）`);
    if (row.name && row.name.length > 50) fail('name', '名称不超过 50 字');
    if (!isValidDate(row.date)) {
      fail('date', `日期“${row.date}”无效，应为 YYYY-MM-DD 格式的真实日期`);
      continue;
    }
    if (!row.date.startsWith(`${year}-`)) {
      fail('date', `日期 ${row.date} 不在 ${year} 年内`);
      continue;
    }
    const earlier = seen.get(row.date);
    if (earlier) {
      fail('date', `日期 ${row.date} 重复（${earlier}已列出）`);
      continue;
    }
    seen.set(row.date, row.where);
    if (!kind) continue;
    const conflict = kindConflict(row.date, kind);
    if (conflict) {
      fail('kind', conflict);
      continue;
    }
    exceptions.push({ date: row.date, kind, name: row.name });
  }
  return exceptions.sort((a, b) => a.date.localeCompare(b.date));
}

const HEADERS = [
  ['date', 'kind', 'name'],
  ['日期', '类型', '名称'],
];

function csvRows(text: string, errors: FieldError[]): RawRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: RawRow[] = [];
  let headerSeen = false;
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (!line.trim() || line.trim().startsWith('#')) return;
    const where = `第${lineNo}行`;
    const path = `line.${lineNo}`;
    const cells = splitCsvLine(line);
    if (!cells) {
      rows.push({ where, path, date: '', kind: '', name: null, problem: '引号不成对' });
      return;
    }
    if (!headerSeen) {
      headerSeen = true;
      const header = cells.map((cell) => cell.toLowerCase());
      const ok = HEADERS.some((expected) => header.length >= 2 && header.length <= 3 && header.every((cell, i) => cell === expected[i]));
      if (!ok) errors.push({ path, message: `${where}：表头应为 date,kind,name` });
      return;
    }
    if (cells.length < 2 || cells.length > 3) {
      rows.push({ where, path, date: '', kind: '', name: null, problem: `应有 2 至 3 列（date,kind,name），实际 ${cells.length} 列` });
      return;
    }
    rows.push({ where, path, date: cells[0], kind: cells[1], name: cells[2] || null });
  });
  if (!headerSeen) errors.push({ path: 'csv', message: 'CSV 为空：第一行应为表头 date,kind,name' });
  return rows;
}

/** One CSV line into trimmed cells; double-quoted cells may hold commas ("" is a quote). Null if a quote is left open. */
function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  if (quoted) return null;
  cells.push(cell.trim());
  return cells;
}

function validation(fields: FieldError[]): AppError {
  const shown = fields.slice(0, MAX_ERRORS_IN_MESSAGE).map((field) => field.message).join('；');
  const more = fields.length > MAX_ERRORS_IN_MESSAGE ? `；另有 ${fields.length - MAX_ERRORS_IN_MESSAGE} 处错误` : '';
  return new AppError('VALIDATION_FAILED', `工作日历导入数据有误，未写入任何内容：${shown}${more}`, { fields });
}
