import type { RouteRecordRaw } from 'vue-router';
import AdminLayout from '@/layout/AdminLayout.vue';
import { systemPages } from './system-routes.ts';
import { casePages } from './case-routes.ts';
import { mediationPages } from './mediation-routes.ts';
import { leadershipPages } from './leadership-routes.ts';
import { statisticsPages } from './statistics-routes.ts';
import { disclosurePages } from './disclosure-routes.ts';
import { publishingDetailPages, publishingPages } from './publishing-routes.ts';
import { reportDetailPages, reportPages } from './report-routes.ts';

declare module 'vue-router' {
  interface RouteMeta {
    title?: string;
    /** Permission needed to open the page; the sidebar hides entries the user lacks. */
    permission?: string;
    /** Pages reachable without a session (登录). */
    isPublic?: boolean;
    /** Breadcrumb parent label, e.g. 系统管理. */
    section?: string;
    /** data-test id of the sidebar entry. */
    menuTest?: string;
    icon?: string;
    /** The breadcrumb names the procedure of the route's :procedure / :key parameter. */
    isProcedurePage?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { title: '登录', isPublic: true } },
  { path: '/change-password', name: 'change-password', component: () => import('@/views/login/ChangePasswordView.vue'),
    meta: { title: '修改密码' } },
  {
    path: '/',
    component: AdminLayout,
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'),
        meta: { title: '首页', menuTest: 'menu-home', icon: 'HomeFilled' } },
      { path: 'profile/password', name: 'profile-password', component: () => import('@/views/login/ChangePasswordView.vue'),
        meta: { title: '修改密码', section: '个人中心' } },
      ...casePages,
      ...mediationPages,
      ...leadershipPages,
      ...statisticsPages,
      ...disclosurePages,
      ...publishingPages,
      ...publishingDetailPages,
      ...reportPages,
      ...reportDetailPages,
      ...systemPages,
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/error/ForbiddenView.vue'), meta: { title: '无权访问' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/error/NotFoundView.vue'), meta: { title: '页面不存在' } },
    ],
  },
];
