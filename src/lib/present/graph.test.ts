import { describe, expect, it } from 'vitest';
import { entityKinds } from '../content/content-schema.ts';
import { NEIGHBOURHOOD_SIZE, connectionsOf, kindShape, neighbourhoodGraph, siteGraph, type GraphView } from './graph.ts';
import { collisions } from './graph-layout.ts';
import { buildSiteIndex } from '../index/site-index.ts';

const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
const graph = siteGraph(index);

/** The layout's own check, over what the page draws. */
const collisionsIn = (view: GraphView) => collisions({ width: view.width, height: view.height, lineHeight: view.lineHeight, nodes: view.nodes.map((node) => ({ ...node, radius: node.reach })) });

describe('the graph of the real content', () => {
  it('has every entity as a node linking to its page, in both layouts', () => {
    for (const view of [graph.wide, graph.narrow]) {
      expect(view.nodes.map((node) => node.id).sort()).toEqual([...index.content.entities.keys()].sort());
      expect(view.nodes.find((node) => node.id === 'deepseek')).toMatchObject({ href: '/organizations/deepseek/', kind: 'organization', title: expect.stringMatching(/^DeepSeek, organization, \d+ passages$/) });
    }
  });

  it('has no label over another label or another node, in either layout', () => {
    expect(collisionsIn(graph.wide)).toEqual([]);
    expect(collisionsIn(graph.narrow)).toEqual([]);
  });

  it('is wide for a laptop and narrow for a phone', () => {
    expect(graph.wide.width).toBeGreaterThan(graph.wide.height);
    expect(graph.wide.width).toBeLessThanOrEqual(1000);
    // About one and a half phone screens across (358 px inside the page's margins).
    expect(graph.narrow.width).toBeLessThan(560);
  });

  it('draws the strongest co-mention, DeepSeek and open source, thickest and last', () => {
    const [deepseek, openSource] = ['deepseek', 'open-source'].map((id) => graph.wide.nodes.find((node) => node.id === id)!);
    const strongest = graph.wide.edges.at(-1)!;
    expect([strongest.x1, strongest.y1, strongest.x2, strongest.y2].sort()).toEqual([deepseek!.x, deepseek!.y, openSource!.x, openSource!.y].sort());
    expect(Math.max(...graph.wide.edges.map((edge) => edge.width))).toBe(strongest.width);
    expect(graph.wide.edges[0]!.width).toBeLessThan(strongest.width);
  });

  it('lists nodes in reading order, which is the keyboard order', () => {
    const rows = graph.wide.nodes.map((node) => Math.floor(node.y / 60));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('is laid out once per index', () => {
    expect(siteGraph(index)).toBe(graph);
  });
});

describe('an entity neighbourhood', () => {
  it('puts the entity in the middle of its strongest connections', () => {
    const view = neighbourhoodGraph(index, 'deepseek')!;
    const expected = connectionsOf(index, 'deepseek').slice(0, NEIGHBOURHOOD_SIZE).map((c) => c.id);
    expect(view.nodes.filter((node) => !node.centre).map((node) => node.id).sort()).toEqual(expected.sort());
    expect(expected).toContain('open-source');
    expect(expected).toContain('liang-wenfeng');
    const centre = view.nodes.find((node) => node.centre)!;
    expect(centre.id).toBe('deepseek');
    const others = view.nodes.filter((node) => !node.centre);
    expect(Math.min(...others.map((node) => node.x))).toBeLessThan(centre.x);
    expect(Math.max(...others.map((node) => node.x))).toBeGreaterThan(centre.x);
  });

  it('has no label over another label or node, for every entity', () => {
    for (const id of index.content.entities.keys()) {
      const view = neighbourhoodGraph(index, id);
      if (view) expect(collisionsIn(view), id).toEqual([]);
    }
  });

  it('is left out for an entity named with no other', () => {
    expect(connectionsOf(index, 'chinatalk')).toEqual([]);
    expect(neighbourhoodGraph(index, 'chinatalk')).toBeUndefined();
  });
});

describe('connectionsOf', () => {
  it('gives the entities named in the same passages, most passages first', () => {
    const connections = connectionsOf(index, 'deepseek');
    expect(connections[0]).toEqual({ id: 'open-source', passages: index.coMentions.get('deepseek')!.get('open-source') });
    const counts = connections.map((c) => c.passages);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('kindShape', () => {
  it('draws each kind in its own shape', () => {
    const shapes = entityKinds.map((kind) => kindShape(kind, 10, 10, 5));
    expect(new Set(shapes).size).toBe(entityKinds.length);
  });
});
