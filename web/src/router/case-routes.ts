import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import { useSessionStore } from '@/stores/session.ts';

/** 办案 pages, generic over every registered procedure (the procedure key is a route parameter). */
const SECTION = '办案';

/** `<procedure>.read` is needed for a procedure's pages; the server answers 404 anyway, this spares the round trip. */
const requireProcedureRead: NavigationGuard = (to) => {
  const key = String(to.params.procedure ?? to.params.key ?? '');
  return useSessionStore().can(`${key}.read`) ? true : { name: 'forbidden' };
};

export const casePages: RouteRecordRaw[] = [
  { path: 'tasks', name: 'tasks', component: () => import('@/views/cases/TasksView.vue'),
    meta: { title: '待办', section: SECTION, menuTest: 'menu-tasks', icon: 'Bell' } },
  { path: 'cases/:procedure', name: 'case-list', component: () => import('@/views/cases/CaseListView.vue'),
    meta: { title: '案件列表', section: SECTION, isProcedurePage: true }, beforeEnter: requireProcedureRead },
  { path: 'cases/:procedure/:id(\\d+)', name: 'case-detail', component: () => import('@/views/cases/CaseDetailView.vue'),
    meta: { title: '案件详情', section: SECTION, isProcedurePage: true }, beforeEnter: requireProcedureRead },
  { path: 'procedures/:key/map', name: 'procedure-map', component: () => import('@/views/cases/ProcedureMapView.vue'),
    meta: { title: '程序图', section: SECTION, isProcedurePage: true }, beforeEnter: requireProcedureRead },
  { path: 'acts/:id(\\d+)', name: 'act', component: () => import('@/views/cases/ActView.vue'),
    meta: { title: '行政行为', section: SECTION } },
];
