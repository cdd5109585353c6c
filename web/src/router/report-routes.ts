import type { RouteRecordRaw } from 'vue-router';

/** 法治政府建设年度报告: the list feeds the sidebar section 法治政府建设; the editor is reached from it. */
const RULE_OF_LAW = '法治政府建设';

export const reportPages: RouteRecordRaw[] = [
  { path: 'reports', name: 'annual-reports', component: () => import('@/views/report/ReportListView.vue'),
    meta: { title: '法治政府建设年度报告', permission: 'report.read', section: RULE_OF_LAW, menuTest: 'menu-annual-reports', icon: 'Memo' } },
];

export const reportDetailPages: RouteRecordRaw[] = [
  { path: 'reports/:id(\\d+)', name: 'annual-report', component: () => import('@/views/report/ReportEditorView.vue'),
    meta: { title: '年度报告', permission: 'report.read', section: RULE_OF_LAW } },
];
