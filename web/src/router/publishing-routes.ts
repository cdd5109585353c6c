import type { RouteRecordRaw } from 'vue-router';

/** 政务公开 pages: 主动公开信息发布 and 征求意见. The first list feeds the sidebar; the second holds pages reached from them. */
const PUBLISHING = '政务公开';

export const publishingPages: RouteRecordRaw[] = [
  { path: 'publishing/items', name: 'items', component: () => import('@/views/publishing/ItemListView.vue'),
    meta: { title: '信息发布', permission: 'item.read', section: PUBLISHING, menuTest: 'menu-items', icon: 'Promotion' } },
  { path: 'publishing/consultations', name: 'consultations', component: () => import('@/views/publishing/ConsultationListView.vue'),
    meta: { title: '征求意见', permission: 'consultation.manage', section: PUBLISHING, menuTest: 'menu-consultations', icon: 'ChatLineSquare' } },
];

export const publishingDetailPages: RouteRecordRaw[] = [
  { path: 'publishing/items/new', name: 'item-new', component: () => import('@/views/publishing/ItemEditView.vue'),
    meta: { title: '新建信息', permission: 'item.edit', section: PUBLISHING } },
  { path: 'publishing/items/:id(\\d+)', name: 'item-detail', component: () => import('@/views/publishing/ItemDetailView.vue'),
    meta: { title: '信息详情', permission: 'item.read', section: PUBLISHING } },
  { path: 'publishing/items/:id(\\d+)/edit', name: 'item-edit', component: () => import('@/views/publishing/ItemEditView.vue'),
    meta: { title: '修改信息', permission: 'item.edit', section: PUBLISHING } },
  { path: 'publishing/consultations/:id(\\d+)', name: 'consultation-detail', component: () => import('@/views/publishing/ConsultationDetailView.vue'),
    meta: { title: '征求意见详情', permission: 'consultation.manage', section: PUBLISHING } },
];
