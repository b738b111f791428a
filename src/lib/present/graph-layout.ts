/**
 * Force-directed layout of a labelled graph, computed at build time: d3-force places the nodes, each node with its
 * label below it is one box, and no two boxes may overlap, so no label covers another label or another node.
 * Deterministic: d3-force's random source is a fixed-seed LCG, the input order is the caller's, and every
 * coordinate is rounded.
 */
import {
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

/** A node to lay out; `Id` is the kind of id it has, which the placed node keeps. */
export interface LayoutNode<Id extends string = string> {
  id: Id;
  label: string;
  /** The node's radius, in pixels. */
  radius: number;
  /** Held at the centre of the layout (the entity of a neighbourhood). */
  pinned?: boolean;
}

export interface LayoutEdge<Id extends string = string> {
  source: Id;
  target: Id;
  weight: number;
}

export interface LayoutOptions {
  fontSize: number;
  /** Labels wrap at this width, in pixels, on at most `labelLines` lines (two unless set). */
  labelWidth: number;
  labelLines?: number;
  ticks: number;
  /** How far apart two boxes stay, in pixels. */
  spacing: number;
  /** Pull towards the middle (d3 forceX/forceY strength). */
  gravity: number;
  /** Width over height the drawing is stretched to before overlaps are removed: wide for a laptop, tall for a phone. */
  aspect?: number;
  /** Mutual repulsion of nodes (d3 many-body strength, negative). */
  charge: number;
  /** Length of an edge of weight 1; stronger edges are shorter. */
  linkDistance: number;
  /**
   * Around a pinned node: the others orbit it on an ellipse with these radii, pulled in closer (to 60%) the
   * stronger their edge to it, instead of gathering towards the middle.
   */
  orbit?: { x: number; y: number };
  /** The drawing is at least this wide, centred: a stylesheet may give it a minimum width without enlarging it. */
  minWidth?: number;
  /**
   * The drawing is at most this wide, margins included: nodes are held inside the band and pushed apart only
   * downwards, so a phone's frame holds the whole drawing at its own size.
   */
  maxWidth?: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface PlacedNode<Id extends string = string> {
  id: Id;
  x: number;
  y: number;
  radius: number;
  /** The label's lines, drawn centred under the node. */
  lines: string[];
  /** Baseline of the first line. */
  labelY: number;
  /** The box the label's text occupies. */
  labelBox: Box;
}

export interface GraphLayout<Id extends string = string> {
  width: number;
  height: number;
  lineHeight: number;
  nodes: PlacedNode<Id>[];
}

const LABEL_GAP = 3;
const LINE_HEIGHT = 1.25;
const MARGIN = 4;

/**
 * The width of a line of text in a sans-serif face, in pixels, overestimated rather than under: wide glyphs (CJK,
 * fullwidth forms) are an em, capitals and digits wider than lower case, narrow letters and punctuation narrower.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += glyphWidth(char);
  return ems * fontSize;
}

function glyphWidth(char: string): number {
  const code = char.codePointAt(0)!;
  // The ellipsis is a full em in some faces.
  if (isWide(code) || char === '…') return 1;
  if (/[ijlI.,:;'’|!()[\]{} ]/.test(char)) return 0.36;
  if (/[ft r-]/.test(char)) return 0.45;
  if (/[mwMW@%]/.test(char)) return 0.95;
  if (/[A-Z0-9&]/.test(char)) return 0.74;
  return 0.63;
}

/** East Asian wide and fullwidth code points: Hangul Jamo, CJK, Hangul syllables, compatibility and fullwidth forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * A label broken into lines no wider than `maxWidth`: at spaces, or between any two wide glyphs (Chinese has no
 * spaces); at most `maxLines` lines, the last ending in an ellipsis when the label is longer. A word longer than a
 * line is cut.
 */
export function wrapLabel(label: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const tokens =
    label.match(
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]+\s*|\s+/gu,
    ) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const candidate = line + token;
    if (!line || textWidth(candidate.trimEnd(), fontSize) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line.trim()) lines.push(line.trimEnd());
  const shown = lines.slice(0, maxLines).map((text) => fit(text, maxWidth, fontSize, false));
  if (lines.length > maxLines) shown[maxLines - 1] = fit(shown[maxLines - 1]!, maxWidth, fontSize, true);
  return shown;
}

/** The line cut to `maxWidth` with an ellipsis, or with one anyway when `more` says text follows. */
function fit(line: string, maxWidth: number, fontSize: number, more: boolean): string {
  if (!more && textWidth(line, fontSize) <= maxWidth) return line;
  const chars = [...line];
  while (chars.length > 1 && textWidth(`${chars.join('').trimEnd()}…`, fontSize) > maxWidth) chars.pop();
  return `${chars
    .join('')
    .trimEnd()
    .replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Does any part of `a` lie inside `b`? Boxes that only touch do not overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Every overlapping pair of boxes, as index pairs [i, j] with i < j, in order. */
export function overlappingPairs(boxes: Box[]): [number, number][] {
  const pairs: [number, number][] = [];
  eachOverlap(boxes, (i, j) => pairs.push(i < j ? [i, j] : [j, i]));
  return pairs.sort(([a1, b1], [a2, b2]) => a1 - a2 || b1 - b2);
}

/** Calls `visit` with each overlapping pair, found by a sweep across x: linear in the boxes when few overlap. */
function eachOverlap(boxes: Box[], visit: (i: number, j: number) => void) {
  const lefts = Float64Array.from(boxes, (box) => box.left);
  const order = Uint32Array.from(boxes.keys()).sort((i, j) => lefts[i]! - lefts[j]! || i - j);
  for (let a = 0; a < order.length; a++) {
    const first = boxes[order[a]!]!;
    for (let b = a + 1; b < order.length && lefts[order[b]!]! < first.right; b++) {
      if (overlaps(first, boxes[order[b]!]!)) visit(order[a]!, order[b]!);
    }
  }
}

/**
 * What overlaps in a layout: a label and another label, a label and another node's shape, or two shapes (each
 * taken as the square around its reach). Empty for every layout `layoutGraph` returns.
 */
export function collisions(layout: GraphLayout): string[] {
  const shapeBox = (node: PlacedNode): Box => ({
    left: node.x - node.radius,
    right: node.x + node.radius,
    top: node.y - node.radius,
    bottom: node.y + node.radius,
  });
  const found: string[] = [];
  layout.nodes.forEach((a, i) =>
    layout.nodes.forEach((b, j) => {
      if (i < j && overlaps(a.labelBox, b.labelBox)) found.push(`label ${a.id} / label ${b.id}`);
      if (i !== j && overlaps(a.labelBox, shapeBox(b))) found.push(`label ${a.id} / node ${b.id}`);
      if (i < j && overlaps(shapeBox(a), shapeBox(b))) found.push(`node ${a.id} / node ${b.id}`);
    }),
  );
  return found;
}

interface SimNode<Id extends string = string> extends SimulationNodeDatum {
  id: Id;
  pinned: boolean;
  /** The node's box around its centre: the shape and the label below it. */
  extent: Box;
}

type SimLink = SimulationLinkDatum<SimNode> & { weight: number };

/** Lays the graph out; nodes come back in the order given. */
export function layoutGraph<Id extends string>(
  nodes: LayoutNode<Id>[],
  edges: LayoutEdge<Id>[],
  options: LayoutOptions,
): GraphLayout<Id> {
  const { fontSize, labelWidth, spacing } = options;
  const lineHeight = Math.round(fontSize * LINE_HEIGHT * 10) / 10;
  const labels = nodes.map((node) => wrapLabel(node.label, labelWidth, fontSize, options.labelLines));
  const sim: SimNode<Id>[] = nodes.map((node, i) => {
    const half = Math.max(node.radius, ...labels[i]!.map((line) => textWidth(line, fontSize) / 2));
    const extent = {
      left: -half,
      right: half,
      top: -node.radius,
      bottom: node.radius + LABEL_GAP + labels[i]!.length * lineHeight,
    };
    return { id: node.id, pinned: node.pinned ?? false, extent, ...(node.pinned ? { fx: 0, fy: 0 } : {}) };
  });
  const orbitRadii = options.orbit && roomyOrbit(options.orbit, sim, spacing);
  if (orbitRadii) {
    // Start evenly round the orbit, in the order given (strongest first), so the forces only have to refine it.
    const orbiting = sim.filter((node) => !node.pinned);
    orbiting.forEach((node, k) => {
      const angle = (2 * Math.PI * k) / orbiting.length;
      [node.x, node.y] = [Math.cos(angle) * orbitRadii.x, Math.sin(angle) * orbitRadii.y];
    });
  } else {
    // d3's own start, a sunflower spiral, but spaced for boxes this size rather than for dots: fewer overlaps to undo.
    const step = Math.sqrt(sim.reduce((sum, node) => sum + area(node.extent), 0) / Math.max(1, sim.length)) * 0.6;
    sim.forEach((node, i) => {
      const [radius, angle] = [step * Math.sqrt(0.5 + i), i * Math.PI * (3 - Math.sqrt(5))];
      [node.x, node.y] = [radius * Math.cos(angle), radius * Math.sin(angle)];
    });
  }
  // Boxes are wider than tall, so most overlaps are shallowest downwards: weigh that, to keep to the aspect asked.
  const mean = (pick: (box: Box) => number) =>
    sim.reduce((sum, node) => sum + pick(node.extent), 0) / Math.max(1, sim.length);
  const sideways = mean((box) => box.bottom - box.top) / mean((box) => box.right - box.left) / (options.aspect ?? 1);
  // Around a centre, edges among the others would drag them to one side; there they barely pull.
  const linkPull = orbitRadii ? 0.1 : 1;
  const maxWeight = Math.max(1, ...edges.map((edge) => edge.weight));
  const links: SimLink[] = edges.map((edge) => ({ ...edge }));

  const simulation = forceSimulation(sim)
    .stop()
    // Cool down over the ticks given, as d3 does over its default 300, so a short run still settles.
    .alphaDecay(1 - 0.001 ** (1 / options.ticks))
    .force(
      'charge',
      forceManyBody<SimNode>()
        .strength(options.charge)
        .distanceMax(options.linkDistance * 8),
    )
    .force(
      'link',
      forceLink<SimNode, SimLink>(links)
        .id((node) => node.id)
        .distance((link) => options.linkDistance * (1.4 - (0.6 * Math.log(link.weight)) / Math.log(maxWeight + 1)))
        .strength((link) => linkPull * (0.15 + (0.5 * Math.log(link.weight)) / Math.log(maxWeight + 1))),
    )
    .force('x', forceX<SimNode>(0).strength(options.gravity))
    .force('y', forceY<SimNode>(0).strength(options.gravity))
    .force('orbit', orbitRadii ? orbit(sim, edges, orbitRadii) : null)
    .force('boxes', boxCollision(sim, spacing, sideways))
    .force('band', options.maxWidth ? band(sim, options.maxWidth) : null);
  simulation.tick(options.ticks);
  if (options.aspect) stretch(sim, options.aspect);
  if (options.maxWidth) band(sim, options.maxWidth)();
  // In a band, a push sideways could leave it: every push goes down instead.
  separate(sim, spacing, options.maxWidth ? Infinity : sideways);

  // Move the drawing to the origin, clear of the edges by a margin.
  const boxes = sim.map((node) => boxAt(node, 0));
  const extentX = Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.left)) + 2 * MARGIN;
  const width = Math.ceil(Math.max(extentX, options.minWidth ?? 0));
  const left = Math.min(...boxes.map((box) => box.left)) - MARGIN - (width - extentX) / 2;
  const top = Math.min(...boxes.map((box) => box.top)) - MARGIN;
  const round = (value: number) => Math.round(value * 10) / 10;
  const placed = sim.map((node, i): PlacedNode<Id> => {
    // Centres in whole pixels: each line's ends are centres, and their tenths cost the graph page 0.8 kB (gzip).
    const x = Math.round(node.x! - left);
    const y = Math.round(node.y! - top);
    const radius = nodes[i]!.radius;
    const half = Math.max(...labels[i]!.map((line) => textWidth(line, fontSize) / 2));
    const labelTop = round(y + radius + LABEL_GAP);
    return {
      id: node.id,
      x,
      y,
      radius,
      lines: labels[i]!,
      labelY: round(labelTop + fontSize),
      labelBox: {
        left: round(x - half),
        right: round(x + half),
        top: labelTop,
        bottom: round(labelTop + labels[i]!.length * lineHeight),
      },
    };
  });
  return {
    width,
    height: Math.ceil(Math.max(...boxes.map((box) => box.bottom)) - top + MARGIN),
    lineHeight,
    nodes: placed,
  };
}

function area(box: Box): number {
  return (box.right - box.left) * (box.bottom - box.top);
}

/** Spreads the nodes across and squeezes them down, or the other way, so that their boxes cover about `aspect` wide to 1 high. */
function stretch(nodes: SimNode[], aspect: number) {
  const spread = (axis: 'x' | 'y') =>
    Math.max(...nodes.map((node) => node[axis]!)) - Math.min(...nodes.map((node) => node[axis]!));
  const mean = (pick: (node: SimNode) => number) => nodes.reduce((sum, node) => sum + pick(node), 0) / nodes.length;
  const [boxWidth, boxHeight] = [
    mean((node) => node.extent.right - node.extent.left),
    mean((node) => node.extent.bottom - node.extent.top),
  ];
  const [spreadX, spreadY] = [spread('x'), spread('y')];
  if (!spreadX || !spreadY) return;
  const [axis, factor] =
    (spreadX + boxWidth) / (spreadY + boxHeight) < aspect
      ? (['x', (aspect * (spreadY + boxHeight) - boxWidth) / spreadX] as const)
      : (['y', ((spreadX + boxWidth) / aspect - boxHeight) / spreadY] as const);
  // Half the change across, half down, so the area stays about the same; the overlaps squeezing makes are removed next.
  const other = axis === 'x' ? 'y' : 'x';
  const [middle, otherMiddle] = [mean((node) => node[axis]!), mean((node) => node[other]!)];
  for (const node of nodes) {
    node[axis] = middle + (node[axis]! - middle) * Math.sqrt(factor);
    node[other] = otherMiddle + (node[other]! - otherMiddle) / Math.sqrt(factor);
  }
}

/** A node's box where it stands (or will stand after this tick's velocity), widened by half the spacing each side. */
function boxAt(node: SimNode, pad: number, ahead = false): Box {
  const x = node.x! + (ahead ? node.vx! : 0);
  const y = node.y! + (ahead ? node.vy! : 0);
  return {
    left: x + node.extent.left - pad,
    right: x + node.extent.right + pad,
    top: y + node.extent.top - pad,
    bottom: y + node.extent.bottom + pad,
  };
}

/**
 * Pushes apart two overlapping nodes along the axis they overlap least on, by `share` of the overlap and `extra`
 * pixels; a sideways overlap counts `sideways` times its length, so that a value below 1 spreads the drawing across
 * rather than down.
 */
function pushApart(
  a: SimNode,
  b: SimNode,
  boxA: Box,
  boxB: Box,
  share: number,
  sideways: number,
  move: (node: SimNode, dx: number, dy: number) => void,
  extra = 0,
) {
  const overlapX = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
  const overlapY = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
  const [weightA, weightB] = a.pinned ? [0, 1] : b.pinned ? [1, 0] : [0.5, 0.5];
  if (overlapX * sideways < overlapY) {
    // Side by side: the one whose box centre is further left goes left (ties by order, so always the same way).
    const sign = (boxA.left + boxA.right) / 2 <= (boxB.left + boxB.right) / 2 ? -1 : 1;
    move(a, sign * (overlapX * share + extra) * weightA, 0);
    move(b, -sign * (overlapX * share + extra) * weightB, 0);
  } else {
    const sign = (boxA.top + boxA.bottom) / 2 <= (boxB.top + boxB.bottom) / 2 ? -1 : 1;
    move(a, 0, sign * (overlapY * share + extra) * weightA);
    move(b, 0, -sign * (overlapY * share + extra) * weightB);
  }
}

/**
 * The orbit, enlarged if need be so that the boxes going round it fit along it: an orbit too small would leave
 * the forces fighting and many overlaps to remove afterwards.
 */
function roomyOrbit(radii: { x: number; y: number }, nodes: SimNode[], spacing: number): { x: number; y: number } {
  // Round the sides boxes sit one above another, at the top and bottom side by side: count each at its mean side.
  const needed = nodes
    .filter((node) => !node.pinned)
    .reduce(
      (sum, node) => sum + (node.extent.right - node.extent.left + node.extent.bottom - node.extent.top) / 2 + spacing,
      0,
    );
  const perimeter = 2 * Math.PI * Math.sqrt((radii.x ** 2 + radii.y ** 2) / 2);
  const scale = Math.max(1, needed / perimeter);
  return { x: radii.x * scale, y: radii.y * scale };
}

/** A d3 force drawing the nodes onto ellipses around the pinned node, the closer the stronger their edge to it. */
function orbit(nodes: SimNode[], edges: LayoutEdge[], radii: { x: number; y: number }) {
  const centre = nodes.find((node) => node.pinned)?.id;
  const toCentre = new Map(
    edges.flatMap((edge) =>
      edge.source === centre
        ? [[edge.target, edge.weight]]
        : edge.target === centre
          ? [[edge.source, edge.weight]]
          : [],
    ),
  );
  const maxWeight = Math.max(1, ...toCentre.values());
  const reach = (id: string) => 1 - (0.4 * Math.log(toCentre.get(id) ?? 1)) / Math.log(maxWeight + 1);
  return (alpha: number) => {
    for (const node of nodes) {
      if (node.pinned) continue;
      const angle = Math.atan2(node.y! / radii.y, node.x! / radii.x);
      const [targetX, targetY] = [
        Math.cos(angle) * radii.x * reach(node.id),
        Math.sin(angle) * radii.y * reach(node.id),
      ];
      node.vx! += (targetX - node.x!) * alpha * 0.5;
      node.vy! += (targetY - node.y!) * alpha * 0.5;
    }
  };
}

/** A d3 force (and a last step) holding every node's box inside a band `width` wide, margins included, around x = 0. */
function band(nodes: SimNode[], width: number) {
  const half = width / 2 - MARGIN;
  return () => {
    for (const node of nodes) {
      const [low, high] = [-half - node.extent.left, half - node.extent.right];
      // A box wider than the band is centred in it.
      const x = low > high ? (low + high) / 2 : Math.min(high, Math.max(low, node.x!));
      if (x !== node.x) [node.x, node.vx] = [x, 0];
    }
  };
}

/** A d3 force keeping node boxes apart, as d3's forceCollide does for circles. */
function boxCollision(nodes: SimNode[], spacing: number, sideways: number) {
  return (alpha: number) => {
    const boxes = nodes.map((node) => boxAt(node, spacing / 2, true));
    const nudge = (node: SimNode, dx: number, dy: number) => {
      node.vx! += dx;
      node.vy! += dy;
    };
    eachOverlap(boxes, (i, j) =>
      pushApart(nodes[i]!, nodes[j]!, boxes[i]!, boxes[j]!, Math.min(1, 0.5 + alpha), sideways, nudge),
    );
  };
}

/**
 * Removes what overlap the simulation left: pushes overlapping pairs apart until none overlaps; should that not
 * settle, moves each node, top to bottom, down past every box it still overlaps, which always ends.
 */
function separate(nodes: SimNode[], spacing: number, sideways: number) {
  const move = (node: SimNode, dx: number, dy: number) => {
    node.x! += dx;
    node.y! += dy;
  };
  for (let round = 0; round < 200; round++) {
    const pairs = overlappingPairs(nodes.map((node) => boxAt(node, spacing / 2)));
    if (!pairs.length) return;
    for (const [i, j] of pairs) {
      // Boxes as they are now: an earlier push in this round may have parted the pair already.
      const [a, b] = [boxAt(nodes[i]!, spacing / 2), boxAt(nodes[j]!, spacing / 2)];
      // A pixel more than the overlap: pushes by the overlap alone dwindle when a node sits between two others.
      if (overlaps(a, b)) pushApart(nodes[i]!, nodes[j]!, a, b, 1, sideways, move, 1);
    }
  }
  const order = nodes
    .map((_, i) => i)
    .sort(
      (i, j) =>
        Number(nodes[j]!.pinned) - Number(nodes[i]!.pinned) ||
        boxAt(nodes[i]!, 0).top - boxAt(nodes[j]!, 0).top ||
        i - j,
    );
  const settled: number[] = [];
  for (const i of order) {
    for (
      let blocker = findOverlap(nodes, settled, i, spacing);
      blocker !== undefined;
      blocker = findOverlap(nodes, settled, i, spacing)
    ) {
      move(nodes[i]!, 0, boxAt(nodes[blocker]!, spacing / 2).bottom - boxAt(nodes[i]!, spacing / 2).top + 0.5);
    }
    settled.push(i);
  }
}

function findOverlap(nodes: SimNode[], among: number[], i: number, spacing: number): number | undefined {
  const box = boxAt(nodes[i]!, spacing / 2);
  return among.find((j) => overlaps(box, boxAt(nodes[j]!, spacing / 2)));
}
