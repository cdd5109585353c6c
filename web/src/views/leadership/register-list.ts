import { computed, onMounted, reactive, ref, type Ref } from 'vue';
import { useRoute } from 'vue-router';
import type { LocationQuery } from 'vue-router';
import { ElMessage, ElMessageBox } from 'element-plus';
import type { Page } from '@/api/client.ts';
import type { RegisterQuery, RegisterRecord } from '@/api/leadership.ts';
import { orgApi } from '@/api/orgs.ts';
import type { Org } from '@/api/types.ts';
import { useSessionStore } from '@/stores/session.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function one(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first == null || first === '' ? undefined : first;
}

/** Allowed values of a register's own filters (述法 form, 培训 audience). */
export type ExtraFilters = Record<string, readonly string[]>;

export type ListFilters = {
  query: RegisterQuery & { q: string; includeVoided: boolean };
  range: [string, string] | null;
};

/**
 * The list's filters from the page's query string, as an indicator link carries them (from, to, orgTree and
 * the register's own filters) so the list opens on exactly the records behind the figure. Malformed values drop.
 */
export function filtersFromQuery(q: LocationQuery, extra: ExtraFilters = {}): ListFilters {
  const from = one(q.from);
  const to = one(q.to);
  const orgTree = Number(one(q.orgTree));
  const pageSize = Number(one(q.pageSize));
  const own: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(extra)) {
    const value = one(q[key]);
    if (value && allowed.includes(value)) own[key] = value;
  }
  return {
    query: {
      page: 1,
      pageSize: [10, 20, 50, 100].includes(pageSize) ? pageSize : 20,
      q: one(q.q) ?? '',
      orgTree: Number.isInteger(orgTree) && orgTree > 0 ? orgTree : null,
      includeVoided: one(q.includeVoided) === 'true',
      ...own,
    },
    range: from && to && DATE.test(from) && DATE.test(to) ? [from, to] : null,
  };
}

/** Today in Beijing, 'YYYY-MM-DD': the default legal date of a new record. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

type ListApi<R> = {
  list: (query: RegisterQuery) => Promise<Page<R>>;
  void: (id: number, reason: string, version: number) => Promise<R>;
};

/** State and actions every register page shares: filters from the URL, paging, organisations, the edit dialog, 作废. */
export function useRegisterList<R extends RegisterRecord>(api: ListApi<R>, title: string, extra: ExtraFilters = {}) {
  const route = useRoute();
  const session = useSessionStore();
  const initial = filtersFromQuery(route.query, extra);
  const query = reactive(initial.query);
  const range = ref<[string, string] | null>(initial.range);
  const page = ref<Page<R>>({ items: [], total: 0, page: 1, pageSize: query.pageSize });
  const isLoading = ref(false);
  const orgs = ref<Org[]>([]);
  const canManage = computed(() => session.can('leadership.manage'));
  /** The organisation a new record belongs to by default: the user's own, when it is in the list. */
  const ownOrgId = computed(() => session.user?.orgs.map((o) => o.id).find((id) => orgs.value.some((o) => o.id === id)) ?? null);

  async function load(): Promise<void> {
    isLoading.value = true;
    try {
      page.value = await api.list({ ...query, q: query.q.trim() || undefined, from: range.value?.[0], to: range.value?.[1], includeVoided: query.includeVoided || undefined });
    } finally {
      isLoading.value = false;
    }
  }

  function search(): void {
    query.page = 1;
    void load();
  }

  function reset(): void {
    for (const key of Object.keys(extra)) delete (query as Record<string, unknown>)[key];
    Object.assign(query, { page: 1, q: '', orgTree: null, includeVoided: false });
    range.value = null;
    void load();
  }

  /** The create/edit dialog: null opens it for a new record. */
  const isDialogOpen = ref(false);
  const editing = ref<R | null>(null) as Ref<R | null>;
  function openEdit(row: R | null): void {
    editing.value = row;
    isDialogOpen.value = true;
  }

  async function voidRecord(row: R): Promise<void> {
    const answer = await ElMessageBox.prompt(`作废后该${title}保留备查，但不再计入列表和统计。请说明作废原因：`, `作废${title}`, {
      confirmButtonText: '作废', cancelButtonText: '取消', inputType: 'textarea',
      inputValidator: (value: string) => (value.trim() ? true : '请填写作废原因'),
    }).catch(() => null);
    if (!answer) return;
    await api.void(row.id, answer.value.trim(), row.version);
    ElMessage.success('已作废');
    await load();
  }

  onMounted(async () => {
    orgs.value = (await orgApi.options().catch(() => ({ items: [] }))).items.filter((o) => o.isEnabled);
    await load();
  });

  return { query, range, page, isLoading, orgs, canManage, ownOrgId, load, search, reset, voidRecord, isDialogOpen, editing, openEdit };
}
