import type { RouteRecordRaw } from 'vue-router';
import { systemPages } from '@/router/system-routes.ts';

export type MenuEntry = { path: string; title: string; icon?: string; test?: string; permission?: string };
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

export const homeEntry: MenuEntry = { path: '/', title: '首页', icon: 'HomeFilled', test: 'menu-home' };

/** Sidebar sections; procedures will add theirs (案件办理, 统计报表) next to 系统管理. */
export const menuSections: MenuSection[] = [
  { key: 'system', title: '系统管理', icon: 'Tools', test: 'menu-system', entries: systemPages.map(entryOf) },
];
