import { describe, expect, it } from 'vitest';
import {
  collisions,
  layoutGraph,
  overlappingPairs,
  overlaps,
  textWidth,
  wrapLabel,
  type Box,
  type LayoutEdge,
  type LayoutNode,
  type LayoutOptions,
} from './graph-layout.ts';
import { seededRandom } from '../../cli/seeded-random.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tor', 'vek', 'sa', 'qu', 'lin', 'dal', 'pho', 'wei'];
const HAN = '深度求索开源智商税百度阿里巴巴华为腾讯芯原股份国密算法大基金';

/** A graph like a real corpus: clusters of entities named together, a few hubs, long names, some in Chinese only. */
function syntheticGraph(count: number, seed = 7): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const word = () =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES))
      .join('')
      .replace(/^./, (c) => c.toUpperCase());
  const nodes: LayoutNode[] = Array.from({ length: count }, (_, i) => {
    const roll = random();
    const label =
      roll < 0.15
        ? Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick([...HAN])).join('')
        : roll < 0.3
          ? `${word()} ${word()} ${word()} Plan for the ${word()} of ${word()} Services`
          : `${word()} ${word()}`;
    return { id: `n${String(i).padStart(3, '0')}`, label, radius: 5 + 12 * random() ** 3 };
  });
  const weights = new Map<string, number>();
  for (let passage = 0; passage < count * 2; passage++) {
    const named = new Set(
      Array.from({ length: 2 + Math.floor(random() * 4) }, () => Math.floor(random() ** 2 * count)),
    );
    for (const a of named)
      for (const b of named) if (a < b) weights.set(`${a} ${b}`, (weights.get(`${a} ${b}`) ?? 0) + 1);
  }
  const edges = [...weights].map(([pair, weight]) => {
    const [a, b] = pair.split(' ').map(Number);
    return { source: nodes[a!]!.id, target: nodes[b!]!.id, weight };
  });
  return { nodes, edges };
}

const COMMON = { fontSize: 12, labelWidth: 140, spacing: 8, charge: -160, linkDistance: 60 };
const OPTIONS: LayoutOptions = { ...COMMON, ticks: 300, gravity: 0.05, aspect: 1.25 };

describe('textWidth', () => {
  it('gives a Chinese character a full em and a Latin letter less', () => {
    expect(textWidth('深度求索', 10)).toBe(40);
    expect(textWidth('abcd', 10)).toBeLessThan(30);
    expect(textWidth('WWWW', 10)).toBeGreaterThan(textWidth('iiii', 10) * 2);
    expect(textWidth('Waves (暗涌)', 12)).toBeGreaterThan(textWidth('Waves ()', 12) + 23);
  });
});

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('DeepSeek', 140, 12)).toEqual(['DeepSeek']);
  });

  it('breaks at spaces, at most two lines, each within the width, ending in an ellipsis when cut', () => {
    const lines = wrapLabel(
      '14th Five-Year Plan for the Development of Software and Information Technology Services',
      140,
      12,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('14th Five-Year Plan');
    expect(lines[1]).toMatch(/^for the .*…$/);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(140);
  });

  it('takes more lines when allowed', () => {
    expect(wrapLabel('Chinese government statement on DeepSeek', 150, 13, 3)).toEqual([
      'Chinese government',
      'statement on',
      'DeepSeek',
    ]);
  });

  it('breaks Chinese between any two characters', () => {
    const lines = wrapLabel('中国人工智能开源软件发展联盟', 100, 12);
    expect(lines).toEqual(['中国人工智能开源', '软件发展联盟']);
  });

  it('cuts a word longer than the line', () => {
    const [line] = wrapLabel('Supercalifragilisticexpialidocious', 80, 12);
    expect(line).toMatch(/…$/);
    expect(textWidth(line!, 12)).toBeLessThanOrEqual(80);
  });
});

describe('overlappingPairs', () => {
  it('finds exactly the pairs a comparison of every pair finds', () => {
    const random = seededRandom(3);
    const boxes: Box[] = Array.from({ length: 300 }, () => {
      const [left, top] = [random() * 1000, random() * 1000];
      return { left, top, right: left + random() * 80, bottom: top + random() * 40 };
    });
    const all: [number, number][] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) all.push([i, j]);
    expect(all.length).toBeGreaterThan(50);
    expect(overlappingPairs(boxes)).toEqual(all);
  });

  it('does not count boxes that only touch', () => {
    expect(
      overlappingPairs([
        { left: 0, top: 0, right: 10, bottom: 10 },
        { left: 10, top: 0, right: 20, bottom: 10 },
      ]),
    ).toEqual([]);
  });
});

describe('collisions', () => {
  it('reports a label over another label and over another node', () => {
    const node = (id: string, x: number, y: number) => ({
      id,
      x,
      y,
      radius: 5,
      lines: [id],
      labelY: y + 20,
      labelBox: { left: x - 20, right: x + 20, top: y + 8, bottom: y + 23 },
    });
    expect(
      collisions({
        width: 200,
        height: 200,
        lineHeight: 15,
        nodes: [node('a', 50, 50), node('b', 60, 55), node('c', 150, 150)],
      }),
    ).toEqual(['label a / label b', 'label a / node b']);
  });
});

describe('layoutGraph', () => {
  for (const count of [100, 300]) {
    it(`lays out ${count} entities with no label over another label or node, inside the drawing`, () => {
      const { nodes, edges } = syntheticGraph(count);
      const layout = layoutGraph(nodes, edges, OPTIONS);
      expect(layout.nodes.map((node) => node.id)).toEqual(nodes.map((node) => node.id));
      expect(collisions(layout)).toEqual([]);
      for (const node of layout.nodes) {
        expect(node.labelBox.left).toBeGreaterThanOrEqual(0);
        expect(node.labelBox.right).toBeLessThanOrEqual(layout.width);
        expect(node.labelBox.bottom).toBeLessThanOrEqual(layout.height);
        expect(node.y - node.radius).toBeGreaterThanOrEqual(0);
      }
    });
  }

  it('gives the same layout every time, rounded to a tenth of a pixel', () => {
    const { nodes, edges } = syntheticGraph(60, 11);
    const first = layoutGraph(nodes, edges, OPTIONS);
    expect(layoutGraph(nodes, edges, OPTIONS)).toEqual(first);
    for (const node of first.nodes)
      for (const value of [node.x, node.y, node.labelY]) expect(Math.round(value * 10) / 10).toBe(value);
  });

  it('keeps a pinned node in the middle of its neighbours, and the drawing at least as wide as asked', () => {
    const { nodes, edges } = syntheticGraph(13, 5);
    const centre = { ...nodes[0]!, pinned: true };
    const star = [centre, ...nodes.slice(1)];
    const spokes = star.slice(1).map((node, i) => ({ source: centre.id, target: node.id, weight: 1 + (i % 4) }));
    const layout = layoutGraph(
      star,
      [...spokes, ...edges.filter((e) => e.source !== centre.id && e.target !== centre.id)],
      { ...COMMON, gravity: 0, orbit: { x: 170, y: 130 }, minWidth: 600, ticks: 120 },
    );
    expect(collisions(layout)).toEqual([]);
    expect(layout.width).toBeGreaterThanOrEqual(600);
    const [pinned, ...others] = layout.nodes;
    const around = (axis: 'x' | 'y') => others.map((node) => Math.sign(node[axis] - pinned![axis]));
    for (const axis of ['x', 'y'] as const) {
      expect(around(axis)).toContain(1);
      expect(around(axis)).toContain(-1);
    }
  });

  it('keeps the drawing within the width asked, pushing apart only downwards, with no overlap', () => {
    for (const count of [60, 300]) {
      const { nodes, edges } = syntheticGraph(count, 3);
      const layout = layoutGraph(nodes, edges, { ...OPTIONS, labelWidth: 100, aspect: 0.4, maxWidth: 340 });
      expect(layout.width).toBeLessThanOrEqual(340);
      expect(collisions(layout)).toEqual([]);
      for (const node of layout.nodes) {
        expect(node.labelBox.left).toBeGreaterThanOrEqual(0);
        expect(node.labelBox.right).toBeLessThanOrEqual(layout.width);
      }
    }
  });

  it('resolves overlaps even when the simulation has no time to', () => {
    const { nodes, edges } = syntheticGraph(100, 2);
    expect(collisions(layoutGraph(nodes, edges, { ...OPTIONS, ticks: 1 }))).toEqual([]);
  });
});
