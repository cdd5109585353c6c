import type { ItemState } from '@/api/items.ts';

/** Tag colours of the item states: 草稿 plain, 审核中 orange, 待发布 blue, 已发布 green, 已撤回 grey. */
export const STATE_TAGS: Record<ItemState, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  draft: 'info',
  submitted: 'warning',
  scheduled: 'primary',
  published: 'success',
  withdrawn: 'danger',
};

export function formatSize(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
