import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Platform } from '../context.ts';
import type { Principal } from '../access/scope.ts';
import type { Calendar } from '../calendar/calendar.ts';
import type { ProcedureDefinition } from './define.ts';
import { listCases, type CaseListFilter } from './case-list.ts';

const PAGE = 1000;
const MAX_ROWS = 200_000;

/** Any filtered case list as an xlsx, written page by page (streamed), within the caller's read scope. */
export async function exportCases(
  platform: Platform,
  principal: Principal,
  procedure: ProcedureDefinition,
  filter: Omit<CaseListFilter, 'page' | 'pageSize'>,
  calendar: Calendar,
  today: string,
  nearDue: number,
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(procedure.title);
  sheet.columns = [
    { header: '案号', key: 'caseNo', width: 22 }, { header: '标题', key: 'title', width: 40 }, { header: '状态', key: 'state', width: 14 },
    { header: '办理机构', key: 'org', width: 24 }, { header: '登记日期', key: 'opened', width: 12 }, { header: '结案日期', key: 'closed', width: 12 },
    { header: '最近期限', key: 'due', width: 12 }, { header: '期限状态', key: 'clock', width: 10 },
  ];
  for (let page = 1; (page - 1) * PAGE < MAX_ROWS; page++) {
    const result = await listCases(platform, principal, procedure, { ...filter, page, pageSize: PAGE }, calendar, today, nearDue);
    for (const c of result.items) {
      sheet.addRow({ caseNo: c.caseNo, title: c.title, state: c.stateTitle, org: c.orgName, opened: c.openedOn, closed: c.closedOn ?? '', due: c.nextDueOn ?? '', clock: c.clockStatusLabel }).commit();
    }
    if (result.items.length < PAGE) break;
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
