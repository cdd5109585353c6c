import type { RouteRecordRaw } from 'vue-router';

/** 系统管理 pages; shared by the router and the sidebar (kept apart from the layout to avoid an import cycle). */
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
  { path: 'system/doc-numbers', name: 'doc-numbers', component: () => import('@/views/system/docnumber/DocNumberView.vue'),
    meta: { title: '发文字号格式', permission: 'docnumber.manage', section: SYSTEM, menuTest: 'menu-doc-numbers', icon: 'Postcard' } },
  { path: 'system/doc-templates', name: 'doc-templates', component: () => import('@/views/system/doctemplate/DocTemplateView.vue'),
    meta: { title: '文书模板', permission: 'doctemplate.manage', section: SYSTEM, menuTest: 'menu-doc-templates', icon: 'Memo' } },
  { path: 'system/audit', name: 'audit', component: () => import('@/views/system/audit/AuditView.vue'),
    meta: { title: '审计日志', permission: 'audit.read', section: SYSTEM, menuTest: 'menu-audit', icon: 'Document' } },
  { path: 'system/login-log', name: 'login-log', component: () => import('@/views/system/loginlog/LoginLogView.vue'),
    meta: { title: '登录日志', permission: 'loginlog.read', section: SYSTEM, menuTest: 'menu-login-log', icon: 'Tickets' } },
];
