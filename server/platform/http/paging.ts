import { z } from 'zod';

/** Every list takes page (from 1) and pageSize (1–100) and answers {items, total, page, pageSize}. */
export const ZPaging = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function offsetOf(paging: { page: number; pageSize: number }): number {
  return (paging.page - 1) * paging.pageSize;
}

export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ZIdParam = z.object({ id: z.coerce.number().int().positive() });
