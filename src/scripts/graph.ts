/**
 * The graph, enhanced (src/components/EntityGraph.astro): pointing at or focusing a node dims every node and line
 * but its own and its neighbours'; the key's checkboxes, shown only with script, hide a kind's nodes and their lines.
 * Without script the drawing is the same, every node a link.
 */
import { neighbours } from '../lib/present/graph-focus.ts';

const DIMMED = '0.15';

for (const svg of document.querySelectorAll<SVGSVGElement>('.graph svg')) {
  const nodes = [...svg.querySelectorAll<SVGElement>('[data-node]')];
  const lines = [...svg.querySelectorAll<SVGLineElement>('line[data-ends]')];
  const ends = lines.map((line) => line.dataset.ends!.split(' ').map(Number) as [number, number]);
  const dim = (element: Element, kept: boolean) =>
    kept ? element.removeAttribute('opacity') : element.setAttribute('opacity', DIMMED);
  /** Lights the node `target` is in, with its neighbours and its lines; anything else lights the whole drawing. */
  const light = (target: EventTarget | null | undefined) => {
    const node = (target as Element | null)?.closest?.<SVGElement>('[data-node]');
    const at = node ? Number(node.dataset.node) : undefined;
    const lit = at === undefined ? undefined : neighbours(ends, at);
    nodes.forEach((element, i) => dim(element, !lit || lit.has(i)));
    lines.forEach((element, i) => dim(element, at === undefined || ends[i]!.includes(at)));
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
  const show = () => {
    const hidden = new Set(boxes.filter((box) => !box.checked).map((box) => box.value));
    for (const svg of document.querySelectorAll<SVGSVGElement>('.graph svg')) {
      const nodes = [...svg.querySelectorAll<SVGElement>('[data-node]')];
      const gone = nodes.map((node) => hidden.has(node.querySelector('path')!.dataset.kind!));
      const hide = (element: Element, yes: boolean) =>
        yes ? element.setAttribute('display', 'none') : element.removeAttribute('display');
      nodes.forEach((node, i) => hide(node, gone[i]!));
      for (const line of svg.querySelectorAll<SVGLineElement>('line[data-ends]'))
        hide(
          line,
          line.dataset.ends!.split(' ').some((end) => gone[Number(end)]),
        );
    }
  };
  for (const box of boxes) box.hidden = false;
  filter.addEventListener('change', show);
  // A page restored from history keeps its unticked boxes.
  show();
}
