import type { RouteRecordRaw } from 'vue-router';
import AdminLayout from '@/layout/AdminLayout.vue';

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
  }
}

const SYSTEM = '系统管理';

export const systemPages: RouteRecordRaw[] = [
  { path: 'system/orgs', name: 'orgs', component: () => import('@/views/system/org/OrgView.vue'),
    meta: { title: '组织机构', permission: 'org.read', section: SYSTEM, menuTest: 'menu-orgs', icon: 'OfficeBuilding' } },
  { path: 'system/users', name: 'users', component: () => import('@/views/system/user/UserView.vue'),
    meta: { title: '用户管理', permission: 'user.read', section: SYSTEM, menuTest: 'menu-users', icon: 'User' } },
  { path: 'system/roles', name: 'roles', component: () => import('@/views/system/role/RoleView.vue'),
    meta: { title: '角色管理', permission: 'role.manage', section: SYSTEM, menuTest: 'menu-roles', icon: 'Avatar' } },
  { path: 'system/dicts', name: 'dicts', component: () => import('@/views/system/dict/DictView.vue'),
    meta: { title: '字典管理', permission: 'dict.manage', section: SYSTEM, menuTest: 'menu-dicts', icon: 'Collection' } },
  { path: 'system/settings', name: 'settings', component: () => import('@/views/system/setting/SettingView.vue'),
    meta: { title: '参数设置', permission: 'setting.manage', section: SYSTEM, menuTest: 'menu-settings', icon: 'Setting' } },
  { path: 'system/calendar', name: 'calendar', component: () => import('@/views/system/calendar/CalendarView.vue'),
    meta: { title: '工作日历', section: SYSTEM, menuTest: 'menu-calendar', icon: 'Calendar' } },
  { path: 'system/audit', name: 'audit', component: () => import('@/views/system/audit/AuditView.vue'),
    meta: { title: '审计日志', permission: 'audit.read', section: SYSTEM, menuTest: 'menu-audit', icon: 'Document' } },
  { path: 'system/login-log', name: 'login-log', component: () => import('@/views/system/loginlog/LoginLogView.vue'),
    meta: { title: '登录日志', permission: 'loginlog.read', section: SYSTEM, menuTest: 'menu-login-log', icon: 'Tickets' } },
];

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
      ...systemPages,
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/error/ForbiddenView.vue'), meta: { title: '无权访问' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('@/views/error/NotFoundView.vue'), meta: { title: '页面不存在' } },
    ],
  },
];
