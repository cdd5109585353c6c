import type { InjectionKey } from 'vue';
import type { AnnualReportAction, AnnualReportState } from '@/api/annual-reports.ts';
import { toIsoDate } from '@/utils/format.ts';

export const STATE_LABELS: Record<AnnualReportState, string> = {
  draft: '草稿', reviewing: '审核中', approved: '待签发', signed: '已签发', published: '已公开',
};

export const STATE_TAGS: Record<AnnualReportState, 'info' | 'warning' | 'primary' | 'success'> = {
  draft: 'info', reviewing: 'warning', approved: 'primary', signed: 'success', published: 'success',
};

/** Event and button titles (the server's REPORT_ACTIONS, plus 新建). */
export const ACTION_TITLES: Record<AnnualReportAction | 'create', string> = {
  create: '新建', edit: '保存', submit: '提交审核', approve: '审核通过', return: '退回修改', sign: '签发', publish: '公开',
};

export function stateLabel(state: string): string {
  return STATE_LABELS[state as AnnualReportState] ?? state;
}

export { citedReferences, figureToken, formatFigure as printFigure, type FigureFormat } from '@common/figure-references.ts';

/** Whole days from today (the browser's date) to a YYYY-MM-DD date; negative once it has passed. */
export function daysUntil(date: string, today = toIsoDate(new Date())): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type DeadlineStatus = { type: 'success' | 'info' | 'warning' | 'danger'; text: string };

/** 剩余 N 天 / 今日到期 / 已逾期 N 天 for an open deadline; 已完成 (on time or late) once done. */
export function deadlineStatus(deadline: string, doneOn: string | null): DeadlineStatus {
  if (doneOn) return doneOn <= deadline ? { type: 'success', text: `已于 ${doneOn} 完成` } : { type: 'warning', text: `逾期完成（${doneOn}）` };
  const days = daysUntil(deadline);
  if (days < 0) return { type: 'danger', text: `已逾期 ${-days} 天` };
  if (days === 0) return { type: 'warning', text: '今日到期' };
  return { type: days <= 15 ? 'warning' : 'info', text: `剩余 ${days} 天` };
}

/** One picker for every narrative field of the editor: resolves to the token chosen, or null when cancelled. */
export const FIGURE_PICKER: InjectionKey<() => Promise<string | null>> = Symbol('figure-picker');
