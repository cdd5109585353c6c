import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { authApi } from '@/api/auth.ts';
import type { Me, SessionRole, SessionUser } from '@/api/types.ts';

/** The logged-in user, their roles and permissions, and the CSRF token every write must carry. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const roles = ref<SessionRole[]>([]);
  const permissions = ref<string[]>([]);
  const csrfToken = ref<string | null>(null);
  const mustChangePassword = ref(false);
  /** True once /auth/me has answered (with a user or with 401), so the router guard asks only once. */
  const isResolved = ref(false);

  const isLoggedIn = computed(() => user.value !== null);

  function apply(me: Me): void {
    user.value = me.user;
    roles.value = me.roles;
    permissions.value = me.permissions;
    csrfToken.value = me.csrfToken;
    mustChangePassword.value = me.mustChangePassword;
    isResolved.value = true;
  }

  function clear(): void {
    user.value = null;
    roles.value = [];
    permissions.value = [];
    csrfToken.value = null;
    mustChangePassword.value = false;
    isResolved.value = true;
  }

  function can(permission: string | undefined): boolean {
    if (!permission) return true;
    return permissions.value.includes('*') || permissions.value.includes(permission);
  }

  async function resolve(): Promise<void> {
    if (isResolved.value) return;
    try {
      apply(await authApi.me());
    } catch {
      clear();
    }
  }

  async function login(username: string, password: string): Promise<Me> {
    const me = await authApi.login(username, password);
    apply(me);
    return me;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      clear();
    }
  }

  async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await authApi.changePassword(oldPassword, newPassword);
    mustChangePassword.value = false;
  }

  return { user, roles, permissions, csrfToken, mustChangePassword, isResolved, isLoggedIn, apply, clear, can, resolve, login, logout, changePassword };
});
