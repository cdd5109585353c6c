import type { RouteRecordRaw } from 'vue-router';

/**
 * 法治建设第一责任人 registers: 会前学法, 述法, 宪法宣誓, 学法培训. The paths are /<register> of the API's
 * /api/<register>, so an indicator's recordsUrl opens the page with the same filters (utils/figures.ts recordsRoute).
 */
const LEADERSHIP = '法治建设第一责任人';

export const leadershipPages: RouteRecordRaw[] = [
  { path: 'leadership/study-sessions', name: 'leadership-study-sessions', component: () => import('@/views/leadership/StudySessionListView.vue'),
    meta: { title: '会前学法', permission: 'leadership.read', section: LEADERSHIP, menuTest: 'menu-leadership-study-sessions', icon: 'Reading' } },
  { path: 'leadership/law-reports', name: 'leadership-law-reports', component: () => import('@/views/leadership/LawReportListView.vue'),
    meta: { title: '述法', permission: 'leadership.read', section: LEADERSHIP, menuTest: 'menu-leadership-law-reports', icon: 'Microphone' } },
  { path: 'leadership/oaths', name: 'leadership-oaths', component: () => import('@/views/leadership/OathListView.vue'),
    meta: { title: '宪法宣誓', permission: 'leadership.read', section: LEADERSHIP, menuTest: 'menu-leadership-oaths', icon: 'Flag' } },
  { path: 'leadership/trainings', name: 'leadership-trainings', component: () => import('@/views/leadership/TrainingListView.vue'),
    meta: { title: '学法培训', permission: 'leadership.read', section: LEADERSHIP, menuTest: 'menu-leadership-trainings', icon: 'School' } },
];
