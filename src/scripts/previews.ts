/**
 * Hover and focus previews, like an encyclopedia's page previews. An entity link shows name, native name, kind,
 * summary and how many passages mention it, from a small JSON file written at build time; a footnote marker shows its
 * note, from the page itself, so a reader never loses their place. Opens after a short pause under the mouse, at once
 * on keyboard focus; closes on Esc, on leaving, on blur. Floats over the text, so nothing moves; touch screens follow
 * the link as usual.
 */
const OPEN_DELAY_MS = 350;
const CLOSE_DELAY_MS = 200;
const BASE = import.meta.env.BASE_URL;

interface Preview {
  name: string;
  native: { name: string; script: string } | null;
  kind: string;
  summary: string;
  passages: number;
}

const cache = new Map<string, Promise<Preview | undefined>>();
const load = (id: string) => {
  if (!cache.has(id))
    cache.set(
      id,
      fetch(`${BASE}previews/${id}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<Preview>) : undefined))
        .catch(() => undefined),
    );
  return cache.get(id)!;
};

let card: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
let openTimer: ReturnType<typeof setTimeout> | undefined;
let closeTimer: ReturnType<typeof setTimeout> | undefined;

function element(tag: string, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function close() {
  clearTimeout(openTimer);
  if (!card || !owner) return;
  // Give the link back the description it had (a footnote marker's "Notes" heading), or none.
  const own = owner.dataset.describedby;
  if (own) owner.setAttribute('aria-describedby', own);
  else owner.removeAttribute('aria-describedby');
  card.hidden = true;
  owner = undefined;
}

/** The entity an entity link leads to: its page is `/<kind folder>/<id>/` (paths.entity), under the site's base. */
const entityIdOf = (link: HTMLAnchorElement) => new URL(link.href).pathname.split('/').filter(Boolean).at(-1);

/** The preview of an entity, or undefined while it cannot be had. */
async function entityPreview(link: HTMLAnchorElement): Promise<Node[] | undefined> {
  const id = entityIdOf(link);
  const preview = id ? await load(id) : undefined;
  if (!preview) return undefined;
  const heading = element('p', 'entity-preview-name', preview.name);
  if (preview.native) {
    const native = element('span', 'entity-preview-native', ` ${preview.native.name}`);
    native.lang = preview.native.script;
    heading.append(native);
  }
  const kind = element('span', 'kind-badge', preview.kind);
  kind.dataset.kind = link.dataset.kind ?? '';
  return [
    kind,
    heading,
    element('p', '', preview.summary),
    element(
      'p',
      'entity-preview-count',
      `Mentioned in ${preview.passages} passage${preview.passages === 1 ? '' : 's'}`,
    ),
  ];
}

/** A footnote's text, copied from the notes at the end as plain text, without the link back. */
function notePreview(link: HTMLAnchorElement): Node[] | undefined {
  const note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!note) return undefined;
  const copy = note.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-footnote-backref], .permalink').forEach((node) => node.remove());
  const text = [...copy.querySelectorAll('p')].map((paragraph) => paragraph.textContent?.trim()).join(' ');
  return [element('p', 'entity-preview-count', `Note ${link.textContent}`), element('p', 'note-preview', text)];
}

async function open(link: HTMLAnchorElement) {
  const content = link.matches('[data-footnote-ref]') ? notePreview(link) : await entityPreview(link);
  if (!content || !link.isConnected) return;
  if (!card) {
    card = element('div', 'entity-preview');
    card.id = 'entity-preview';
    card.setAttribute('role', 'tooltip');
    card.addEventListener('pointerenter', () => clearTimeout(closeTimer));
    card.addEventListener('pointerleave', () => (closeTimer = setTimeout(close, CLOSE_DELAY_MS)));
    document.body.append(card);
  }
  if (owner && owner !== link) close();
  card.replaceChildren(...content);
  const box = link.getBoundingClientRect();
  card.style.setProperty('--top', `${window.scrollY + box.bottom + 6}px`);
  card.style.setProperty(
    '--left',
    `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - 336))}px`,
  );
  card.hidden = false;
  owner = link;
  link.dataset.describedby ??= link.getAttribute('aria-describedby') ?? '';
  link.setAttribute('aria-describedby', `${link.dataset.describedby} ${card.id}`.trim());
}

const linkOf = (event: Event) =>
  (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.entity-link, a[data-footnote-ref]') ?? undefined;

document.addEventListener('pointerover', (event) => {
  const link = linkOf(event);
  if (!link || event.pointerType !== 'mouse') return;
  clearTimeout(closeTimer);
  clearTimeout(openTimer);
  openTimer = setTimeout(() => void open(link), OPEN_DELAY_MS);
});
document.addEventListener('pointerout', (event) => {
  if (!linkOf(event)) return;
  clearTimeout(openTimer);
  closeTimer = setTimeout(close, CLOSE_DELAY_MS);
});
document.addEventListener('focusin', (event) => {
  const link = linkOf(event);
  if (link) void open(link);
});
document.addEventListener('focusout', (event) => {
  if (linkOf(event)) close();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') close();
});
