import type { RouteRecordRaw } from 'vue-router';

/** 人民调解 pages beside the generic case pages: 调解工作台, 台账导入, registers (调委会, 调解员, 网格, 排查上报), under 办案 → 人民调解. */
const MEDIATION = '人民调解';

export const mediationPages: RouteRecordRaw[] = [
  { path: 'mediation/dashboard', name: 'mediation-dashboard', component: () => import('@/views/mediation/MediationDashboardView.vue'),
    meta: { title: '调解工作台', permission: 'indicator.read', section: MEDIATION, menuTest: 'menu-mediation-dashboard', icon: 'DataLine' } },
  { path: 'mediation/ledger', name: 'mediation-ledger', component: () => import('@/views/mediation/LedgerImportView.vue'),
    meta: { title: '台账导入', permission: 'mediation.handle', section: MEDIATION, menuTest: 'menu-mediation-ledger', icon: 'Upload' } },
  { path: 'mediation/committees', name: 'mediation-committees', component: () => import('@/views/mediation/CommitteeListView.vue'),
    meta: { title: '调委会', permission: 'mediation.read', section: MEDIATION, menuTest: 'menu-mediation-committees', icon: 'OfficeBuilding' } },
  { path: 'mediation/mediators', name: 'mediation-mediators', component: () => import('@/views/mediation/MediatorListView.vue'),
    meta: { title: '调解员', permission: 'mediation.read', section: MEDIATION, menuTest: 'menu-mediation-mediators', icon: 'Avatar' } },
  { path: 'mediation/grids', name: 'mediation-grids', component: () => import('@/views/mediation/GridListView.vue'),
    meta: { title: '网格', permission: 'mediation.read', section: MEDIATION, menuTest: 'menu-mediation-grids', icon: 'Grid' } },
  { path: 'mediation/grid-reports', name: 'mediation-grid-reports', component: () => import('@/views/mediation/GridReportView.vue'),
    meta: { title: '排查上报', permission: 'mediation.read', section: MEDIATION, menuTest: 'menu-mediation-grid-reports', icon: 'Warning' } },
];
