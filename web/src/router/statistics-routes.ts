import type { RouteRecordRaw } from 'vue-router';

/** 统计 pages: the 领导驾驶舱, indicators from the records and entered figures (填报) with their review. */
const STATISTICS = '统计';

export const statisticsPages: RouteRecordRaw[] = [
  { path: 'dashboard/leader', name: 'leader-dashboard', component: () => import('@/views/dashboard/LeaderDashboardView.vue'),
    meta: { title: '领导驾驶舱', permission: 'indicator.read', section: STATISTICS, menuTest: 'menu-leader-dashboard', icon: 'Odometer' } },
  { path: 'statistics/indicators', name: 'indicators', component: () => import('@/views/statistics/IndicatorView.vue'),
    meta: { title: '指标', permission: 'indicator.read', section: STATISTICS, menuTest: 'menu-indicators', icon: 'DataAnalysis' } },
  { path: 'statistics/entered', name: 'entered-figures', component: () => import('@/views/statistics/EnteredFigureView.vue'),
    meta: { title: '数据填报', permission: 'indicator.read', section: STATISTICS, menuTest: 'menu-entered-figures', icon: 'EditPen' } },
];
