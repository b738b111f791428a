import { describe, expect, it } from 'vitest';
import { lineEnds, neighbours } from './graph-focus.ts';
import { siteGraph } from './graph.ts';
import { buildSiteIndex } from '../index/site-index.ts';

describe('lineEnds', () => {
  it('finds, for every line of the real graph, the two nodes it joins from the shapes alone', () => {
    const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
    const { wide, narrow } = siteGraph(index);
    for (const view of [wide, narrow]) {
      const shapes = view.nodes.map((node) => ({
        x: node.x - node.reach,
        y: node.y - node.reach,
        width: 2 * node.reach,
        height: 2 * node.reach,
      }));
      const lines = view.edges.map(
        (edge) =>
          [
            { x: edge.x1, y: edge.y1 },
            { x: edge.x2, y: edge.y2 },
          ] as const,
      );
      // Each line's two nodes are those whose centres its ends are.
      const centres = lineEnds(lines, shapes).map((ends) =>
        ends.flatMap((end) => [view.nodes[end]?.x, view.nodes[end]?.y]),
      );
      expect(centres).toEqual(view.edges.map(({ x1, y1, x2, y2 }) => [x1, y1, x2, y2]));
    }
  });

  it('gives -1 for an end in no shape', () => {
    expect(
      lineEnds(
        [
          [
            { x: 5, y: 5 },
            { x: 50, y: 50 },
          ],
        ],
        [{ x: 0, y: 0, width: 10, height: 10 }],
      ),
    ).toEqual([[0, -1]]);
  });
});

describe('neighbours', () => {
  const ends: [number, number][] = [
    [0, 1],
    [2, 0],
    [1, 2],
    [3, 4],
  ];
  it('is the node and every node a line joins it to, whichever end it is', () => {
    expect([...neighbours(ends, 0)].sort()).toEqual([0, 1, 2]);
    expect([...neighbours(ends, 4)].sort()).toEqual([3, 4]);
  });
  it('is the node alone when no line reaches it', () => {
    expect([...neighbours(ends, 5)]).toEqual([5]);
  });
});
