import { createRouter, createWebHistory } from 'vue-router';
import { useSessionStore } from '@/stores/session.ts';
import { routes } from './routes.ts';

export const router = createRouter({
  history: createWebHistory('/admin/'),
  routes,
});

const APP_TITLE = '法治政府建设工作平台';

router.beforeEach(async (to) => {
  const session = useSessionStore();
  await session.resolve();
  if (to.meta.isPublic) {
    if (to.name === 'login' && session.isLoggedIn && !session.mustChangePassword) return { name: 'home' };
    return true;
  }
  if (!session.isLoggedIn) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  }
  if (session.mustChangePassword && to.name !== 'change-password') return { name: 'change-password' };
  if (!session.can(to.meta.permission)) return { name: 'forbidden' };
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - ${APP_TITLE}` : APP_TITLE;
});
