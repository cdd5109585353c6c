import { CORE_PERMISSIONS } from '../../../common/permissions.ts';

/** Every known permission string with its Chinese label; procedures add theirs when they register. */
const registry = new Map<string, { label: string; group: string }>(
  Object.entries(CORE_PERMISSIONS).map(([key, label]) => [key, { label, group: '系统管理' }]),
);

export function registerPermissions(group: string, permissions: Record<string, string>): void {
  for (const [key, label] of Object.entries(permissions)) registry.set(key, { label, group });
}

export function isKnownPermission(key: string): boolean {
  return key === '*' || registry.has(key);
}

export function listPermissions(): { key: string; label: string; group: string }[] {
  return [...registry.entries()].map(([key, v]) => ({ key, ...v }));
}
