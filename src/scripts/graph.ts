/**
 * The graph, enhanced (src/components/EntityGraph.astro): pointing at or focusing a node dims every node and line
 * but its own and its neighbours'; the key's checkboxes, shown only with script, hide a kind's nodes and their lines.
 * Without script the drawing is the same, every node a link.
 */
import { lineEnds, neighbours } from '../lib/present/graph-focus.ts';

const DIMMED = '0.15';

/**
 * A drawing's nodes (each a shape and its label, in a link or, at a neighbourhood's centre, a group) and lines, and
 * which two nodes each line joins: read from the boxes of the shapes, so only once the drawing is shown (the graph
 * page hides the layout that does not fit, and a hidden shape has no box; a turned phone shows the other).
 */
function parts(svg: SVGSVGElement) {
  const shapes = [...svg.querySelectorAll<SVGPathElement>('path[data-kind]')];
  const lines = [...svg.querySelectorAll<SVGLineElement>('line')];
  const end = (x: SVGAnimatedLength, y: SVGAnimatedLength) => ({ x: x.baseVal.value, y: y.baseVal.value });
  let known: [number, number][] | undefined;
  const ends = () => {
    if (known) return known;
    const found = lineEnds(
      lines.map((line) => [end(line.x1, line.y1), end(line.x2, line.y2)] as const),
      shapes.map((shape) => shape.getBBox()),
    );
    if (svg.getBoundingClientRect().width > 0) known = found;
    return found;
  };
  return {
    nodes: shapes.map((shape) => shape.parentElement!),
    kinds: shapes.map((shape) => shape.dataset.kind!),
    lines,
    ends,
  };
}

const drawings = [...document.querySelectorAll<SVGSVGElement>('.graph svg')].map((svg) => ({ svg, ...parts(svg) }));

for (const { svg, nodes, lines, ends } of drawings) {
  const dim = (element: Element, kept: boolean) =>
    kept ? element.removeAttribute('opacity') : element.setAttribute('opacity', DIMMED);
  /** Lights the node `target` is in, with its neighbours and its lines; anything else lights the whole drawing. */
  const light = (target: EventTarget | null | undefined) => {
    const at = nodes.findIndex((node) => node.contains(target as Node | null));
    const joined = ends();
    const lit = at < 0 ? undefined : neighbours(joined, at);
    nodes.forEach((element, i) => dim(element, !lit || lit.has(i)));
    lines.forEach((element, i) => dim(element, at < 0 || joined[i]!.includes(at)));
  };
  svg.addEventListener('pointerover', (event) => light(event.target));
  // Leaving the drawing keeps the focused node's neighbourhood lit, if the keyboard is in it.
  svg.addEventListener('pointerleave', () => light(svg.querySelector(':focus')));
  svg.addEventListener('focusin', (event) => light(event.target));
  svg.addEventListener('focusout', () => light(null));
}

const filter = document.querySelector<HTMLFieldSetElement>('.graph-filter');
if (filter) {
  const boxes = [...filter.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const hide = (element: Element, hidden: boolean) =>
    hidden ? element.setAttribute('display', 'none') : element.removeAttribute('display');
  const show = () => {
    const hidden = new Set(boxes.filter((box) => !box.checked).map((box) => box.value));
    for (const { nodes, kinds, lines, ends } of drawings) {
      // A line whose node is hidden goes with it; the ends are read, while every shape still has its box, only
      // when a kind is hidden.
      const joined = hidden.size ? ends() : [];
      nodes.forEach((node, i) => hide(node, hidden.has(kinds[i]!)));
      lines.forEach((line, i) => hide(line, hidden.size > 0 && joined[i]!.some((end) => hidden.has(kinds[end]!))));
    }
  };
  for (const box of boxes) box.hidden = false;
  filter.addEventListener('change', show);
  // A page restored from history keeps its unticked boxes.
  show();
}
