/**
 * Rendered public pages, kept briefly: a hit is served from memory while younger than the TTL and
 * while the publishing version it was rendered at is current (any publication or withdrawal makes
 * every entry stale at once). Oldest entries go first when full.
 */
export type PageCache<T> = {
  get(key: string, version: number): T | undefined;
  set(key: string, version: number, value: T): void;
  clear(): void;
  readonly size: number;
};

export function createPageCache<T>(options: { ttlMs: number; maxEntries: number; now?: () => number }): PageCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; version: number; expires: number }>();
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.version !== version || entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, version, value) {
      entries.delete(key);
      entries.set(key, { value, version, expires: now() + options.ttlMs });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
