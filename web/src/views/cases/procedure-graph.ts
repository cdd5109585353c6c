import type { ProcedureTable } from '@/api/engine-types.ts';

export type GraphNode = { id: string; name: string; x: number; y: number; isFinal: boolean; isStart: boolean };
export type GraphEdge = { source: string; target: string; label: string; curveness: number };

const START = '__start';

/**
 * States laid out in columns by their distance from the opening action, transitions as edges labelled
 * with the action. Actions that keep the state (to: same or null) are left to the table.
 */
export function procedureGraph(table: ProcedureTable): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const edges: GraphEdge[] = [];
  for (const action of table.actions) {
    const sources = action.from.length ? action.from : [START];
    for (const source of sources) {
      for (const target of action.to ?? []) {
        if (source === target) continue;
        edges.push({ source, target, label: action.title, curveness: 0 });
      }
    }
  }
  const pairCounts = new Map<string, number>();
  for (const edge of edges) {
    const key = [edge.source, edge.target].sort().join('|');
    const seen = pairCounts.get(key) ?? 0;
    pairCounts.set(key, seen + 1);
    const hasReverse = edges.some((e) => e.source === edge.target && e.target === edge.source);
    edge.curveness = hasReverse ? 0.25 : seen * 0.15;
  }

  const depth = new Map<string, number>([[START, 0]]);
  const queue = [START];
  while (queue.length) {
    const current = queue.shift() ?? START;
    for (const edge of edges.filter((e) => e.source === current)) {
      if (depth.has(edge.target)) continue;
      depth.set(edge.target, (depth.get(current) ?? 0) + 1);
      queue.push(edge.target);
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  for (const state of table.states) if (!depth.has(state.key)) depth.set(state.key, maxDepth + 1);

  const columns = new Map<number, string[]>();
  for (const [id, d] of depth) columns.set(d, [...(columns.get(d) ?? []), id]);
  const nodes: GraphNode[] = [];
  for (const [d, ids] of columns) {
    ids.forEach((id, i) => {
      const state = table.states.find((s) => s.key === id);
      nodes.push({
        id,
        name: id === START ? '开始' : state?.title ?? id,
        x: d * 240,
        y: (i - (ids.length - 1) / 2) * 100,
        isFinal: state?.isFinal ?? false,
        isStart: id === START,
      });
    });
  }
  return { nodes, edges };
}
