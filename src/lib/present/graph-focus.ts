/** What the graph lights when a node is pointed at or focused (src/scripts/graph.ts). */

/** The node at `at` and every node a line joins it to, as positions; `ends` holds each line's two positions. */
export function neighbours(ends: readonly (readonly [number, number])[], at: number): Set<number> {
  const lit = new Set([at]);
  for (const [a, b] of ends) {
    if (a === at) lit.add(b);
    if (b === at) lit.add(a);
  }
  return lit;
}
