import type { RouteRecordRaw } from 'vue-router';
import { systemPages } from '@/router/system-routes.ts';
import { statisticsPages } from '@/router/statistics-routes.ts';
import { disclosurePages } from '@/router/disclosure-routes.ts';
import { publishingPages } from '@/router/publishing-routes.ts';
import { mediationPages } from '@/router/mediation-routes.ts';
import { reportPages } from '@/router/report-routes.ts';
import { leadershipPages } from '@/router/leadership-routes.ts';

export type MenuEntry = { path: string; title: string; icon?: string; test?: string; permission?: string; children?: MenuEntry[] };
export type MenuSection = { key: string; title: string; icon: string; test: string; entries: MenuEntry[] };

function entryOf(record: RouteRecordRaw): MenuEntry {
  return {
    path: `/${record.path}`,
    title: record.meta?.title ?? '',
    icon: record.meta?.icon,
    test: record.meta?.menuTest,
    permission: record.meta?.permission,
  };
}

/** Pages of one procedure beside its case list and 程序图 (人民调解: 调解工作台, 台账导入, 调委会). */
const PROCEDURE_PAGES: Record<string, RouteRecordRaw[]> = { mediation: mediationPages };

export const homeEntry: MenuEntry = { path: '/', title: '首页', icon: 'HomeFilled', test: 'menu-home' };

/** 办案: 待办, then each procedure the user may read (its case list and its 程序图), from GET /api/procedures. */
export function caseSection(procedures: { key: string; title: string }[]): MenuSection {
  return {
    key: 'cases',
    title: '办案',
    icon: 'Briefcase',
    test: 'menu-cases',
    entries: procedures.length === 0 ? [] : [
      { path: '/tasks', title: '待办', icon: 'Bell', test: 'menu-tasks' },
      ...procedures.map((p) => ({
        path: `procedure:${p.key}`, title: p.title, icon: 'Folder', test: `menu-procedure-${p.key}`, permission: `${p.key}.read`,
        children: [
          { path: `/cases/${p.key}`, title: '案件', icon: 'Files', test: `menu-cases-${p.key}`, permission: `${p.key}.read` },
          { path: `/procedures/${p.key}/map`, title: '程序图', icon: 'Share', test: `menu-map-${p.key}`, permission: `${p.key}.read` },
          ...(PROCEDURE_PAGES[p.key] ?? []).map(entryOf),
        ],
      })),
    ],
  };
}

/** Static sidebar sections; the 办案 section is built from the procedures the server lists (caseSection). */
export const menuSections: MenuSection[] = [
  { key: 'statistics', title: '统计', icon: 'TrendCharts', test: 'menu-statistics', entries: statisticsPages.map(entryOf) },
  { key: 'disclosure', title: '政府信息公开', icon: 'Reading', test: 'menu-disclosure', entries: disclosurePages.map(entryOf) },
  { key: 'publishing', title: '政务公开', icon: 'Promotion', test: 'menu-publishing', entries: publishingPages.map(entryOf) },
  { key: 'leadership', title: '法治建设第一责任人', icon: 'Medal', test: 'menu-leadership', entries: leadershipPages.map(entryOf) },
  { key: 'rule-of-law', title: '法治政府建设', icon: 'Memo', test: 'menu-rule-of-law', entries: reportPages.map(entryOf) },
  { key: 'system', title: '系统管理', icon: 'Tools', test: 'menu-system', entries: systemPages.map(entryOf) },
];
