import type { RouteRecordRaw } from 'vue-router';

/** 政府信息公开 pages reached from the sidebar section of that name. */
const DISCLOSURE = '政府信息公开';

export const disclosurePages: RouteRecordRaw[] = [
  { path: 'disclosure/annual-report', name: 'disclosure-annual-report', component: () => import('@/views/disclosure/AnnualReportView.vue'),
    meta: { title: '年度报告', permission: 'disclosure.read', section: DISCLOSURE, menuTest: 'menu-disclosure-report', icon: 'Notebook' } },
];
