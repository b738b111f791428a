/** How each entity kind is named to readers and where its pages live. */
import { ENTITY_KINDS, type EntityKind, type KindFolder } from './content-schema.ts';

export const KIND_LABELS: Record<EntityKind, { singular: string; plural: string }> = {
  organization: { singular: 'Organization', plural: 'Organizations' },
  person: { singular: 'Person', plural: 'People' },
  policy: { singular: 'Policy document', plural: 'Policy documents' },
  concept: { singular: 'Concept', plural: 'Concepts' },
  product: { singular: 'Product', plural: 'Products' },
};

export function kindFolder(kind: EntityKind): KindFolder {
  return ENTITY_KINDS[kind];
}

/** Site-relative paths (no base): one place decides every URL. */
export const paths = {
  home: () => '/',
  articles: () => '/articles/',
  article: (slug: string) => `/articles/${slug}/`,
  kindIndex: (kind: EntityKind) => `/${ENTITY_KINDS[kind]}/`,
  entity: (kind: EntityKind, id: string) => `/${ENTITY_KINDS[kind]}/${id}/`,
  /** Page `page` of an entity's passages: the first is on the entity's own page, the rest on pages of their own. */
  entityPassages: (kind: EntityKind, id: string, page: number) => (page <= 1 ? `/${ENTITY_KINDS[kind]}/${id}/#in-the-articles` : `/${ENTITY_KINDS[kind]}/${id}/passages/${page}/`),
  timeline: () => '/timeline/',
  graph: () => '/graph/',
  /** The social card of the page at `page` (a site-relative path like `/articles/x/`). */
  card: (page: string) => `/cards${page === '/' ? '/index' : page.replace(/\/$/, '')}.png`,
};

/** Social cards, in pixels: the size link previews expect. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** Each kind's colour on social cards (the site's light-mode kind colours). */
export const KIND_ACCENTS: Record<EntityKind | 'article', string> = {
  article: '#a3331f',
  organization: '#1f5fa8',
  person: '#9a4d00',
  policy: '#2f6b2f',
  concept: '#6b3fa0',
  product: '#a3264f',
};

/**
 * Passages shown per page. An entity named in hundreds of articles would otherwise make a page of hundreds of
 * kilobytes; at this count an entity page stays within the HTML budget of an article page.
 */
export const PASSAGES_PER_PAGE = 30;
/** At most this many pages of passages per entity: past it, pages hold more, so a huge corpus stays a site. */
export const MAX_PASSAGE_PAGES = 50;

/** The passages of page `page` (from 1): which they are, the number of the first, and how many pages there are. */
export function passagePage<T>(passages: readonly T[], page: number): { items: T[]; first: number; page: number; pages: number } {
  const size = Math.max(PASSAGES_PER_PAGE, Math.ceil(passages.length / MAX_PASSAGE_PAGES));
  const pages = Math.max(1, Math.ceil(passages.length / size));
  return { items: passages.slice((page - 1) * size, page * size), first: (page - 1) * size + 1, page, pages };
}
