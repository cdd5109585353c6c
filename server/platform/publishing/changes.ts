import type { Platform } from '../context.ts';

/**
 * A per-platform counter bumped after every committed change to items, so readers that cache what
 * is public (the portal's page cache) can tell their copy is stale without being named here.
 */
const versions = new WeakMap<Platform, number>();

export function publishingVersion(platform: Platform): number {
  return versions.get(platform) ?? 0;
}

export function notePublishingChange(platform: Platform): void {
  versions.set(platform, publishingVersion(platform) + 1);
}
