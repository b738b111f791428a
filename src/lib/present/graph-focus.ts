/**
 * What the graph lights when a node is pointed at or focused (src/scripts/graph.ts). The drawing carries no list of
 * who is joined to whom (at 150 entities that list would outweigh the page's HTML budget): each line starts and
 * ends at the centre of a node's shape, and shapes never overlap, so the shape whose box holds an end is its node.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** For each line, given by its two ends, the positions in `shapes` of the two nodes it joins (-1 for neither). */
export function lineEnds(lines: readonly (readonly [Point, Point])[], shapes: readonly Rect[]): [number, number][] {
  const at = ({ x, y }: Point) =>
    shapes.findIndex((box) => x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height);
  return lines.map(([from, to]) => [at(from), at(to)]);
}

/** The node at `at` and every node a line joins it to, as positions; `ends` holds each line's two positions. */
export function neighbours(ends: readonly (readonly [number, number])[], at: number): Set<number> {
  const lit = new Set([at]);
  for (const [a, b] of ends) {
    if (a === at) lit.add(b);
    if (b === at) lit.add(a);
  }
  return lit;
}
