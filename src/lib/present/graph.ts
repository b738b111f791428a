/**
 * The entity graph: entities as nodes, sized by the passages that mention them and shaped and coloured by kind;
 * edges where two entities are named in the same passage (each entity's strongest few), thicker the more passages. The whole graph for the graph
 * page, and each entity's neighbourhood for its page, as plain data a component draws as SVG.
 */
import type { EntityData, EntityId, EntityKind } from '../content/content-schema.ts';
import { entityOf } from '../content/registry.ts';
import { layoutGraph, type Box, type LayoutEdge, type LayoutNode, type LayoutOptions } from './graph-layout.ts';
import { kindInfo, paths } from '../content/kinds.ts';
import type { SiteIndex } from '../index/site-index.ts';

export interface GraphNodeView {
  id: string;
  /** Site path of the entity's page (no base). */
  href: string;
  kind: EntityKind;
  /** What the node says to a screen reader and in its tooltip: name, kind, passages. */
  title: string;
  /** The node's shape, an SVG path, and how far it reaches from the centre. */
  shape: string;
  reach: number;
  x: number;
  y: number;
  labelBox: Box;
  labelY: number;
  /** The label's lines, each in runs: Han marked with its script, so the browser draws it with a Chinese face. */
  lines: LabelRun[][];
  /** The entity the neighbourhood is of: drawn in bold, not a link to its own page. */
  centre: boolean;
}

/** A run of a label's line; `lang` is set on Han (zh-Hans or zh-Hant), unset on the rest. */
export interface LabelRun {
  text: string;
  lang?: Script;
}

type Script = NonNullable<EntityData['native']>['script'];

export interface GraphEdgeView {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  opacity: number;
}

export interface GraphView {
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  edges: GraphEdgeView[];
  /** In reading order, top to bottom and left to right, which is the order the keyboard visits them in. */
  nodes: GraphNodeView[];
}

export interface Connection {
  id: EntityId;
  /** Passages naming both. */
  passages: number;
}

/**
 * Past this many entities the graph page draws and lists the most mentioned (every entity keeps its page and its own
 * neighbourhood): at 2,000 entities the whole list alone weighed over 100 kB.
 */
export const GRAPH_MAX_NODES = 150;
/** Lines drawn from each entity: to those it is most often named with. */
export const STRONGEST_CONNECTIONS = 5;
/** Neighbours drawn around an entity on its page. */
export const NEIGHBOURHOOD_SIZE = 12;

const WIDE: LayoutOptions = {
  fontSize: 12,
  labelWidth: 140,
  ticks: 300,
  spacing: 12,
  gravity: 0.05,
  aspect: 1.25,
  charge: -160,
  linkDistance: 60,
  // The page's width on a laptop (64rem less its margins): drawn at its own size there.
  maxWidth: 992,
};
// Tall and narrow, for a phone held upright: less to pan across.
const NARROW: LayoutOptions = { ...WIDE, labelWidth: 100, aspect: 0.4, maxWidth: 340 };
// Few nodes, laid out once per entity page: few ticks; compact enough to shrink onto a phone (to 26rem, global.css).
const NEIGHBOURHOOD: LayoutOptions = {
  fontSize: 13,
  labelWidth: 110,
  labelLines: 3,
  ticks: 60,
  spacing: 12,
  gravity: 0,
  charge: -150,
  linkDistance: 120,
  orbit: { x: 100, y: 170 },
  maxWidth: 340,
};

/** The entities named together with `id` (those `among` only, if given), most passages first (then by name). */
export function connectionsOf(index: SiteIndex, id: string, among?: Set<string>): Connection[] {
  const name = (other: EntityId) => entityOf(index.content, other).data.name;
  return [...(index.coMentions.get(id) ?? [])]
    .filter(([other]) => !among || among.has(other))
    .map(([other, passages]) => ({ id: other, passages }))
    .sort((a, b) => b.passages - a.passages || byName(name(a.id), name(b.id)));
}

// One collator for every comparison: localeCompare would make one per call, thousands of times per page at scale.
const byName = new Intl.Collator().compare;

/** How many passages mention the entity: what a node's size shows. */
export function passageCount(index: SiteIndex, id: string): number {
  return index.passages.get(id)?.length ?? 0;
}

/**
 * The entities of the graph page, drawn and listed: every entity, or past GRAPH_MAX_NODES the most mentioned, most
 * passages first, then by name (then id). One ranking for the drawing and the list, so they show the same entities.
 */
export function graphEntities(index: SiteIndex): EntityId[] {
  return [...index.content.entities.values()]
    .sort(
      (a, b) =>
        passageCount(index, b.id) - passageCount(index, a.id) ||
        byName(a.data.name, b.data.name) ||
        a.id.localeCompare(b.id),
    )
    .slice(0, GRAPH_MAX_NODES)
    .map((entity) => entity.id);
}

/** The whole graph laid out twice: wide for a laptop, tall and narrow for a phone. */
export interface SiteGraph {
  wide: GraphView;
  narrow: GraphView;
}

const memo = new WeakMap<SiteIndex, SiteGraph>();

/** The graph page's entities (graphEntities) and every co-mention among them; laid out once per index. */
export function siteGraph(index: SiteIndex): SiteGraph {
  const cached = memo.get(index);
  if (cached) return cached;
  // The layout takes them by id, so that its input order never depends on the ranking.
  const ids = graphEntities(index).sort();
  const graph = { wide: drawGraph(index, ids, undefined, WIDE), narrow: drawGraph(index, ids, undefined, NARROW) };
  memo.set(index, graph);
  return graph;
}

/** The entity, its strongest NEIGHBOURHOOD_SIZE connections and the co-mentions among them; none without any. */
export function neighbourhoodGraph(index: SiteIndex, id: string): GraphView | undefined {
  const entity = index.content.entities.get(id);
  const neighbours = connectionsOf(index, id).slice(0, NEIGHBOURHOOD_SIZE);
  if (!entity || !neighbours.length) return undefined;
  return drawGraph(index, [entity.id, ...neighbours.map((n) => n.id)], id, NEIGHBOURHOOD);
}

interface Scale {
  maxPassages: number;
  maxWeight: number;
}
const scales = new WeakMap<SiteIndex, Scale>();

/** The most passages of any entity and of any pair: every graph of the site sizes nodes and edges by the same scale. */
function scaleOf(index: SiteIndex): Scale {
  let scale = scales.get(index);
  if (!scale) {
    // Not Math.max(...values): a large archive has more co-mentioned pairs than a call has room for arguments.
    let maxPassages = 1;
    for (const id of index.content.entities.keys()) maxPassages = Math.max(maxPassages, passageCount(index, id));
    let maxWeight = 2;
    for (const row of index.coMentions.values())
      for (const weight of row.values()) maxWeight = Math.max(maxWeight, weight);
    scale = { maxPassages, maxWeight };
    scales.set(index, scale);
  }
  return scale;
}

function drawGraph(index: SiteIndex, ids: EntityId[], centre: string | undefined, options: LayoutOptions): GraphView {
  const shown = new Set(ids);
  const { maxPassages, maxWeight } = scaleOf(index);
  const radius = (id: string) => 4 + 10 * Math.sqrt(passageCount(index, id) / maxPassages);
  const nodes: LayoutNode<EntityId>[] = ids.map((id) => ({
    id,
    label: entityOf(index.content, id).data.name,
    radius: radius(id) * SHAPE_REACH,
    pinned: id === centre,
  }));
  // Each entity's strongest connections, not every one: a paragraph naming ten entities would add 45 lines.
  const kept = new Map<string, LayoutEdge<EntityId>>();
  for (const a of ids) {
    const strongest = connectionsOf(index, a, shown);
    for (const { id: b, passages } of a === centre ? strongest : strongest.slice(0, STRONGEST_CONNECTIONS)) {
      const [source, target] = a < b ? [a, b] : [b, a];
      kept.set(`${source} ${target}`, { source, target, weight: passages });
    }
  }
  const edges = [...kept.values()];
  const layout = layoutGraph(nodes, edges, options);
  const at = new Map(layout.nodes.map((node) => [node.id, node]));
  // Most pairs share a passage or two: those stay faint, and only the strongest few stand out.
  const strength = (weight: number) => ((weight - 1) / (maxWeight - 1)) ** 1.5;
  const drawn = layout.nodes
    .map((node): GraphNodeView => {
      const entity = entityOf(index.content, node.id);
      const passages = passageCount(index, node.id);
      const script = entity.data.native?.script ?? 'zh-Hans';
      return {
        id: node.id,
        href: paths.entity(entity.kind, node.id),
        kind: entity.kind,
        title: `${entity.data.name}, ${kindInfo(entity.kind).singular.toLowerCase()}, ${passages} passage${passages === 1 ? '' : 's'}`,
        shape: kindShape(entity.kind, node.x, node.y, radius(node.id)),
        reach: node.radius,
        x: node.x,
        y: node.y,
        labelBox: node.labelBox,
        labelY: node.labelY,
        lines: node.lines.map((line) => labelRuns(line, script)),
        centre: node.id === centre,
      };
    })
    .sort((a, b) => Math.floor(a.y / READING_ROW) - Math.floor(b.y / READING_ROW) || a.x - b.x);
  return {
    width: layout.width,
    height: layout.height,
    fontSize: options.fontSize,
    lineHeight: layout.lineHeight,
    edges: edges
      // Faint edges first, so strong ones are drawn over them.
      .sort((a, b) => a.weight - b.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target))
      .map((edge) => {
        const [from, to] = [at.get(edge.source)!, at.get(edge.target)!];
        return {
          x1: from.x,
          y1: from.y,
          x2: to.x,
          y2: to.y,
          width: round(0.8 + 4 * strength(edge.weight)),
          opacity: round(0.25 + 0.5 * strength(edge.weight)),
        };
      }),
    nodes: drawn,
  };
}

/**
 * A line of a label in runs, its Han (and CJK punctuation) marked with `script`, which global.css sets in the site's
 * Chinese face first: Chromium draws SVG Han as empty boxes where it falls back through the faces before it.
 */
export function labelRuns(line: string, script: Script): LabelRun[] {
  return (
    line.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+|[^\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu) ?? []
  ).map((text) => (/[\p{Script=Han}]/u.test(text) ? { text, lang: script } : { text }));
}

/** Nodes whose centres lie within one band this tall count as one row when reading the graph. */
const READING_ROW = 60;
/** How far past `r` the largest shape reaches (the corners of the triangle and the star). */
const SHAPE_REACH = 1.25;

/**
 * The shape of each kind, about the area of a circle of radius `r` and within SHAPE_REACH * r of its centre: kinds
 * differ in shape as well as colour (kinds.ts names each kind's), so colour is never the only cue.
 */
export function kindShape(kind: EntityKind, x: number, y: number, r: number): string {
  const polygon = (corners: number, reach: number, turn: number) =>
    `M${Array.from({ length: corners }, (_, i) => {
      const angle = turn + (2 * Math.PI * i) / corners;
      return `${round(x + reach * Math.cos(angle))} ${round(y + reach * Math.sin(angle))}`;
    }).join('L')}Z`;
  switch (kindInfo(kind).shape) {
    case 'square':
      return polygon(4, r * 0.88 * Math.SQRT2, Math.PI / 4);
    case 'diamond':
      return polygon(4, r * 1.2, -Math.PI / 2);
    case 'triangle':
      return polygon(3, r * SHAPE_REACH, -Math.PI / 2);
    case 'hexagon':
      return polygon(6, r * 1.05, 0);
    case 'pentagon':
      return polygon(5, r * 1.12, -Math.PI / 2);
    case 'star':
      return star(x, y, r * SHAPE_REACH, r * SHAPE_REACH * 0.55);
    default:
      return `M${round(x - r)} ${round(y)}a${round(r)} ${round(r)} 0 1 0 ${round(2 * r)} 0a${round(r)} ${round(r)} 0 1 0 ${round(-2 * r)} 0Z`;
  }
}

/** A five-pointed star, point up: outer corners at `outer`, inner ones at `inner`. */
function star(x: number, y: number, outer: number, inner: number): string {
  return `M${Array.from({ length: 10 }, (_, i) => {
    const angle = -Math.PI / 2 + (Math.PI * i) / 5;
    const reach = i % 2 ? inner : outer;
    return `${round(x + reach * Math.cos(angle))} ${round(y + reach * Math.sin(angle))}`;
  }).join('L')}Z`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
