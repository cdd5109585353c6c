import type { Org } from '@/api/types.ts';

export type OrgNode = Org & { children?: OrgNode[] };

/** Builds the tree from the flat list; an organisation whose parent is not in the list is a root. */
export function buildOrgTree(items: Org[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>(items.map((o) => [o.id, { ...o }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId != null ? nodes.get(node.parentId) : undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    (parent.children ??= []).push(node);
  }
  const sortLevel = (level: OrgNode[]) => {
    level.sort((a, b) => a.sort - b.sort || a.id - b.id);
    for (const n of level) if (n.children) sortLevel(n.children);
  };
  sortLevel(roots);
  return roots;
}

/** Ids of an organisation and all below it, so a parent cannot be moved under its own descendant. */
export function subtreeIds(items: Org[], rootId: number): Set<number> {
  const ids = new Set<number>([rootId]);
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const o of items) {
      if (o.parentId != null && ids.has(o.parentId) && !ids.has(o.id)) {
        ids.add(o.id);
        isGrowing = true;
      }
    }
  }
  return ids;
}
