import { AppError } from '../errors.ts';
import { ITEM_EDIT, ITEM_REVIEW } from './permissions.ts';

/**
 * The life of a proactive-disclosure item: written (草稿), sent for review (审核中), approved for
 * publication now (已发布) or at a set time (待发布), sent back with a reason (退回 → 草稿), or withdrawn
 * (已撤回) — a withdrawn item keeps its record and the reason. Pure, so tests walk it without a database.
 */
export const ITEM_STATES = {
  draft: '草稿',
  submitted: '审核中',
  scheduled: '待发布',
  published: '已发布',
  withdrawn: '已撤回',
} as const;

export type ItemState = keyof typeof ITEM_STATES;

export const ITEM_ACTIONS = {
  edit: { title: '修改', from: ['draft'], permission: ITEM_EDIT },
  submit: { title: '提交审核', from: ['draft'], permission: ITEM_EDIT },
  approve: { title: '审核通过并发布', from: ['submitted'], permission: ITEM_REVIEW },
  reject: { title: '退回修改', from: ['submitted', 'scheduled'], permission: ITEM_REVIEW },
  withdraw: { title: '撤回', from: ['published', 'scheduled'], permission: ITEM_REVIEW },
} as const satisfies Record<string, { title: string; from: readonly ItemState[]; permission: string }>;

export type ItemAction = keyof typeof ITEM_ACTIONS;

export function isItemState(value: string): value is ItemState {
  return Object.hasOwn(ITEM_STATES, value);
}

export function canTakeAction(state: string, action: ItemAction): boolean {
  return (ITEM_ACTIONS[action].from as readonly string[]).includes(state);
}

/** Refuses an action the state does not allow, naming both in Chinese. */
export function assertAction(state: string, action: ItemAction): void {
  if (canTakeAction(state, action)) return;
  const label = isItemState(state) ? ITEM_STATES[state] : state;
  throw new AppError('TRANSITION_NOT_ALLOWED', `“${label}”状态的信息不能${ITEM_ACTIONS[action].title}`);
}

/** Approval publishes at once, or schedules when the requested time is still ahead. */
export function stateAfterApproval(publishAt: string | null, now: Date): 'published' | 'scheduled' {
  return publishAt && Date.parse(publishAt) > now.getTime() ? 'scheduled' : 'published';
}
