import type { FormItemRule } from 'element-plus';
import { isValidMobile } from '@common/validators.ts';
import { orgApi } from '@/api/orgs.ts';
import type { Org } from '@/api/types.ts';
import { isoDay } from './members.ts';

/** The same test as the server's ZPhone (registers/schemas.ts): a mobile number or a landline 区号-号码; '' means none. */
export function isValidPhone(value: string): boolean {
  const v = value.trim();
  return v === '' || isValidMobile(v) || /^0\d{2,3}-?\d{7,8}$/.test(v);
}

export const phoneRule: FormItemRule = {
  trigger: 'blur',
  validator: (_rule, value: string | undefined, callback) => {
    if (isValidPhone(value ?? '')) callback();
    else callback(new Error('电话号码格式不正确（手机号或“区号-号码”）'));
  },
};

/** Legal dates already past: the server refuses future 培训日期 and 发现日期. */
export function isFutureDay(date: Date): boolean {
  return isoDay(date) > isoDay(new Date());
}

/** A 'true'/'false' select value to the list filter's boolean. */
export function flagOf(value: '' | 'true' | 'false'): boolean | undefined {
  return value === '' ? undefined : value === 'true';
}

/**
 * 乡镇（街道） a grid may belong to: those within the user's organisation scope, or, for a user who may not read
 * the organisation tree, every township's name (the server still refuses one outside the caller's scope).
 */
export async function loadTownships(): Promise<Org[]> {
  const scoped = (await orgApi.options().catch(() => ({ items: [] as Org[] }))).items;
  const all = scoped.length ? scoped : (await orgApi.names().catch(() => ({ items: [] as Org[] }))).items;
  return all.filter((o) => o.kind === 'township' && o.isEnabled);
}
