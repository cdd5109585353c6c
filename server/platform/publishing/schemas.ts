import { z } from 'zod';
import { ZDate, ZPaging } from '../http/paging.ts';
import { MAX_BODY_CHARS } from './sanitize.ts';
import { ITEM_STATES, type ItemState } from './states.ts';

const ZIsoInstant = z.iso.datetime({ offset: true, message: '时间格式应为 ISO 8601（如 2025-03-01T09:00:00+08:00）' });

/** What staff write for an item; the body is sanitised on save, the source defaults to the organisation. */
export const ZItemInput = z.object({
  orgId: z.number().int().positive(),
  category: z.string().trim().regex(/^[a-z][a-z0-9_]{0,39}$/, '请选择目录类别'),
  title: z.string().trim().min(1, '请填写标题').max(200, '标题不超过200字'),
  docNumber: z.string().trim().max(100).nullish(),
  bodyHtml: z.string().max(MAX_BODY_CHARS, `正文不超过${MAX_BODY_CHARS}字符`).default(''),
  /** 形成日期, or 变更日期 when isChange (条例第二十六条). */
  formedOn: ZDate,
  isChange: z.boolean().default(false),
  source: z.string().trim().max(100, '来源不超过100字').nullish(),
  /** Scheduled publication: the time it should go public once approved. */
  publishAt: ZIsoInstant.nullish(),
  attachmentIds: z.array(z.number().int().positive()).max(50, '附件不超过50个').default([]),
  /** For a 政策解读: the policy items it explains. */
  interpretsIds: z.array(z.number().int().positive()).max(20).default([]),
});

export type ItemInput = z.output<typeof ZItemInput>;

export const ZItemUpdate = ZItemInput.extend({ version: z.number().int().positive() });

export const ZVersion = z.object({ version: z.number().int().positive() });

export const ZApprove = ZVersion.extend({ publishAt: ZIsoInstant.nullish() });

export const ZReason = ZVersion.extend({ reason: z.string().trim().min(1, '请填写理由').max(500, '理由不超过500字') });

const stateKeys = Object.keys(ITEM_STATES) as [ItemState, ...ItemState[]];

export const ZItemListQuery = ZPaging.extend({
  state: z.enum(stateKeys).optional(),
  category: z.string().trim().max(40).optional(),
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  /** overdue: unpublished past the Art 26 date; due_soon: near it; late: published after it. */
  timeliness: z.enum(['overdue', 'due_soon', 'late']).optional(),
  formedFrom: ZDate.optional(),
  formedTo: ZDate.optional(),
});

export type ItemListQuery = z.output<typeof ZItemListQuery>;

export const ZItemFileParam = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
