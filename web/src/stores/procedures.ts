import { defineStore } from 'pinia';
import { ref } from 'vue';
import { caseApi } from '@/api/cases.ts';
import type { ProcedureSummary, ProcedureTable } from '@/api/engine-types.ts';

/** The procedures the user may read (for the sidebar) and their tables, fetched once per session. */
export const useProcedureStore = defineStore('procedures', () => {
  const items = ref<ProcedureSummary[]>([]);
  const isLoaded = ref(false);
  const tables = new Map<string, Promise<ProcedureTable>>();

  async function load(): Promise<void> {
    try {
      items.value = (await caseApi.procedures()).items;
    } catch {
      items.value = [];
    } finally {
      isLoaded.value = true;
    }
  }

  /** The procedure table; a failed fetch is forgotten so the next page can retry. */
  function table(key: string): Promise<ProcedureTable> {
    const cached = tables.get(key);
    if (cached) return cached;
    const pending = caseApi.table(key);
    tables.set(key, pending);
    pending.catch(() => tables.delete(key));
    return pending;
  }

  function titleOf(key: string): string {
    return items.value.find((p) => p.key === key)?.title ?? key;
  }

  function clear(): void {
    items.value = [];
    isLoaded.value = false;
    tables.clear();
  }

  return { items, isLoaded, load, table, titleOf, clear };
});
