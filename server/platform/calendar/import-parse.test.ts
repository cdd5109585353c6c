import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseCalendarImport } from './import-parse.ts';

function errorOf(input: unknown): AppError {
  try {
    parseCalendarImport(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseCalendarImport', () => {
  it('reads a CSV notice with Chinese kinds and infers the year', () => {
    const csv = '\uFEFFdate,kind,name\r\n2027-01-01,休,元旦\r\n\r\n# 春节\r\n2027-02-06,放假,春节\r\n2027-02-20,班,"春节"\r\n2027-01-02,holiday,\n';
    const parsed = parseCalendarImport({ csv });
    expect(parsed.year).toBe(2027);
    expect(parsed.source).toBe('国务院办公厅关于2027年部分节假日安排的通知');
    expect(parsed.exceptions).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: null },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'adjusted_workday', name: '春节' },
    ]);
  });

  it('reads the JSON form with its source', () => {
    const parsed = parseCalendarImport({
      year: 2027,
      source: '国办发明电〔2026〕1号',
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-02-20', kind: 'adjusted_workday', name: '春节' }],
    });
    expect(parsed).toMatchObject({ year: 2027, source: '国办发明电〔2026〕1号' });
    expect(parsed.exceptions).toHaveLength(2);
  });

  it('names every bad CSV line', () => {
    const csv = [
      'date,kind,name',
      '2027-01-01,休,元旦',
      '2027-02-30,休,春节',
      '2026-12-31,休,元旦',
      '2027-01-01,休,元旦',
      '2027-01-05,班,',
      '2027-01-06,请假,',
      '2027-01-07',
    ].join('\n');
    const error = errorOf({ csv, year: 2027 });
    expect(error.code).toBe('VALIDATION_FAILED');
    const messages = (error.fields ?? []).map((f) => f.message);
    expect(messages).toEqual([
      '第3行：日期“2027-02-30”无效，应为 YYYY-MM-DD 格式的真实日期',
      '第4行：日期 2026-12-31 不在 2027 年内',
      '第5行：日期 2027-01-01 重复（第2行已列出）',
      '第6行：2027-01-05 不是周末，不能设为“调休上班日”',
      '第7行：类型“请假”无效，应为 holiday（休/放假）或 adjusted_workday（班/上班）',
      '第8行：应有 2 至 3 列（date,kind,name），实际 1 列',
    ]);
    expect(error.message).toContain('未写入任何内容');
    expect(error.message).toContain('另有 1 处错误');
  });

  it('rejects a wrong header, an empty notice and a missing body', () => {
    expect(errorOf({ csv: 'day,type\n2027-01-01,休' }).fields?.[0].message).toBe('第1行：表头应为 date,kind,name');
    expect(errorOf({ csv: 'date,kind,name\n', year: 2027 }).fields?.[0].message).toBe('未列出任何放假或调休上班日期');
    expect(errorOf({ year: 2027 }).fields?.[0].message).toBe('请提供 days（JSON 日期列表）或 csv（CSV 文本）二者之一');
    expect(errorOf({ days: [{ date: '2027-01-01', kind: 'holiday' }, { date: '2027-13-01', kind: 'holiday' }] }).fields?.[0]).toEqual({
      path: 'days.1.date',
      message: '第2条：日期“2027-13-01”无效，应为 YYYY-MM-DD 格式的真实日期',
    });
  });
});
