import { describe, expect, it } from 'vitest';
import { entityKinds } from '../content/content-schema.ts';
import {
  GRAPH_MAX_NODES,
  NEIGHBOURHOOD_SIZE,
  connectionsOf,
  graphEntities,
  kindShape,
  labelRuns,
  neighbourhoodGraph,
  siteGraph,
  type GraphView,
} from './graph.ts';
import { collisions } from './graph-layout.ts';
import { buildSiteIndex, type SiteIndex } from '../index/site-index.ts';
import type { EntityId } from '../content/content-schema.ts';

const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
const graph = siteGraph(index);

/** The layout's own check, over what the page draws. */
const collisionsIn = (view: GraphView) =>
  collisions({
    width: view.width,
    height: view.height,
    lineHeight: view.lineHeight,
    nodes: view.nodes.map((node) => ({
      ...node,
      radius: node.reach,
      lines: node.lines.map((runs) => runs.map((run) => run.text).join('')),
    })),
  });

describe('the graph of the real content', () => {
  it('has every entity as a node linking to its page, in both layouts', () => {
    for (const view of [graph.wide, graph.narrow]) {
      expect(view.nodes.map((node) => node.id).sort()).toEqual([...index.content.entities.keys()].sort());
      expect(view.nodes.find((node) => node.id === 'deepseek')).toMatchObject({
        href: '/organizations/deepseek/',
        kind: 'organization',
        title: expect.stringMatching(/^DeepSeek, organization, \d+ passages$/),
      });
    }
  });

  it('has no label over another label or another node, in either layout', () => {
    expect(collisionsIn(graph.wide)).toEqual([]);
    expect(collisionsIn(graph.narrow)).toEqual([]);
  });

  it('is wide for a laptop and narrow for a phone', () => {
    expect(graph.wide.width).toBeGreaterThan(graph.wide.height);
    expect(graph.wide.width).toBeLessThanOrEqual(1000);
    // Within a phone's frame at its own size (358 px inside the page's margins at 390 px).
    expect(graph.narrow.width).toBeLessThanOrEqual(340);
  });

  it('draws the strongest co-mention, DeepSeek and open source, thickest and last', () => {
    const [deepseek, openSource] = ['deepseek', 'open-source'].map((id) =>
      graph.wide.nodes.find((node) => node.id === id)!,
    );
    const strongest = graph.wide.edges.at(-1)!;
    expect([strongest.x1, strongest.y1, strongest.x2, strongest.y2].sort()).toEqual(
      [deepseek!.x, deepseek!.y, openSource!.x, openSource!.y].sort(),
    );
    expect(Math.max(...graph.wide.edges.map((edge) => edge.width))).toBe(strongest.width);
    expect(graph.wide.edges[0]!.width).toBeLessThan(strongest.width);
  });

  it('marks the Chinese of a label with its script, so Chromium draws it in the site’s face', () => {
    expect(labelRuns('Waves (暗涌)', 'zh-Hans')).toEqual([
      { text: 'Waves (' },
      { text: '暗涌', lang: 'zh-Hans' },
      { text: ')' },
    ]);
    expect(labelRuns('李開復。Kai-Fu', 'zh-Hant')).toEqual([{ text: '李開復。', lang: 'zh-Hant' }, { text: 'Kai-Fu' }]);
  });

  it('lists nodes in reading order, which is the keyboard order', () => {
    const rows = graph.wide.nodes.map((node) => Math.floor(node.y / 60));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('is drawn for an archive with more co-mentioned pairs than a function call takes arguments', () => {
    const pairs = new Map(
      Array.from({ length: 600 }, (_, i) => [
        `many-${i}`,
        new Map(Array.from({ length: 600 }, (_, j) => [`many-${j}`, (i * j) % 7] as [EntityId, number])),
      ]),
    );
    const large: SiteIndex = { ...index, coMentions: new Map([...index.coMentions, ...pairs]) };
    expect(siteGraph(large).wide.nodes.length).toBe(graph.wide.nodes.length);
  });

  it('is laid out once per index', () => {
    expect(siteGraph(index)).toBe(graph);
  });
});

describe('an entity neighbourhood', () => {
  it('puts the entity in the middle of its strongest connections', () => {
    const view = neighbourhoodGraph(index, 'deepseek')!;
    const expected = connectionsOf(index, 'deepseek')
      .slice(0, NEIGHBOURHOOD_SIZE)
      .map((c) => c.id);
    expect(
      view.nodes
        .filter((node) => !node.centre)
        .map((node) => node.id)
        .sort(),
    ).toEqual(expected.sort());
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

  it('fits a phone’s frame at its own size, for every entity', () => {
    for (const id of index.content.entities.keys()) {
      const view = neighbourhoodGraph(index, id);
      if (view) expect(view.width, id).toBeLessThanOrEqual(340);
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
    expect(connections[0]).toEqual({
      id: 'open-source',
      passages: new Map<string, number>(index.coMentions.get('deepseek')).get('open-source'),
    });
    const counts = connections.map((c) => c.passages);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

/** As much of a site index as the graph reads: each entity's name and passages, and no co-mentions. */
function indexOf(entities: { id: string; name: string; passages: number }[]): SiteIndex {
  return {
    content: {
      entities: new Map(entities.map(({ id, name }) => [id, { id, kind: 'concept', data: { name } }])),
      articles: [],
    },
    passages: new Map(entities.map(({ id, passages }) => [id, Array.from({ length: passages }, () => ({}))])),
    coMentions: new Map(),
  } as unknown as SiteIndex;
}

describe('the entities of the graph page, above GRAPH_MAX_NODES', () => {
  // 140 entities mentioned more, then 20 tied for the last 10 places, whose names sort the other way from their ids.
  const ranked = Array.from({ length: 140 }, (_, i) => ({
    id: `e-${String(i).padStart(3, '0')}`,
    name: `Entity ${i}`,
    passages: 200 - i,
  }));
  const tied = Array.from({ length: 20 }, (_, i) => ({
    id: `tie-${String(i).padStart(2, '0')}`,
    name: `Tied ${String(19 - i).padStart(2, '0')}`,
    passages: 1,
  }));
  const many = indexOf([...tied, ...ranked]);

  it('are the most mentioned, ties broken by name', () => {
    const ids = graphEntities(many);
    expect(ids).toHaveLength(GRAPH_MAX_NODES);
    expect(ids.slice(0, 140)).toEqual(ranked.map((entity) => entity.id));
    expect(ids.slice(140)).toEqual([
      'tie-19',
      'tie-18',
      'tie-17',
      'tie-16',
      'tie-15',
      'tie-14',
      'tie-13',
      'tie-12',
      'tie-11',
      'tie-10',
    ]);
  });

  it('are the ones the graph draws, so the drawing and the list below it agree', () => {
    const drawn = siteGraph(many).wide.nodes.map((node) => node.id);
    expect(drawn.sort()).toEqual(graphEntities(many).sort());
  });

  it('break a tie of name and passages by id', () => {
    const twins = indexOf([
      { id: 'b', name: 'Same', passages: 2 },
      { id: 'a', name: 'Same', passages: 2 },
    ]);
    expect(graphEntities(twins)).toEqual(['a', 'b']);
  });
});

describe('kindShape', () => {
  it('draws each kind in its own shape', () => {
    const shapes = entityKinds().map((kind) => kindShape(kind, 10, 10, 5));
    expect(new Set(shapes).size).toBe(entityKinds().length);
  });
});
