/**
 * Everything the site knows about each entity kind, in one table: its folder under `content/entities/` (and URL
 * segment), how readers see it named, its colour (the CSS in global.css must match: a test checks), its shape in the
 * graph, and its schema.org type. Each kind's types (orgType, policyType…) have a table of their own below. No import
 * from the schema: the schema takes its kinds and enums from here.
 */

/** A kind's colours on the site's paper, light and dark; each keeps text contrast of at least 4.5:1 (WCAG AA). */
interface KindColour {
  light: string;
  dark: string;
}
export type KindShape = 'square' | 'circle' | 'diamond' | 'triangle' | 'hexagon' | 'star';
interface KindInfo {
  folder: string;
  singular: string;
  plural: string;
  colour: KindColour;
  shape: KindShape;
  /** The schema.org type of its pages, unless its type's table names a closer one. */
  schemaType: string;
}

export const KINDS = {
  organization: { folder: 'organizations', singular: 'Organization', plural: 'Organizations', colour: { light: '#1f5fa8', dark: '#8cb8ee' }, shape: 'square', schemaType: 'Organization' },
  person: { folder: 'people', singular: 'Person', plural: 'People', colour: { light: '#9a4d00', dark: '#f0b060' }, shape: 'circle', schemaType: 'Person' },
  policy: { folder: 'policies', singular: 'Policy document', plural: 'Policy documents', colour: { light: '#2f6b2f', dark: '#8fd18f' }, shape: 'diamond', schemaType: 'CreativeWork' },
  concept: { folder: 'concepts', singular: 'Concept', plural: 'Concepts', colour: { light: '#6b3fa0', dark: '#c6a6f0' }, shape: 'triangle', schemaType: 'DefinedTerm' },
  product: { folder: 'products', singular: 'Product', plural: 'Products', colour: { light: '#a3264f', dark: '#f08fb0' }, shape: 'hexagon', schemaType: 'SoftwareApplication' },
  place: { folder: 'places', singular: 'Place', plural: 'Places', colour: { light: '#0b6a6a', dark: '#6fd0d0' }, shape: 'star', schemaType: 'Place' },
} as const satisfies Record<string, KindInfo>;

export type EntityKind = keyof typeof KINDS;
export type KindFolder = (typeof KINDS)[EntityKind]['folder'];
export const entityKinds = Object.keys(KINDS) as EntityKind[];
/** Each kind's folder under `content/entities/`, which is also its URL segment. */
export const ENTITY_KINDS = Object.fromEntries(entityKinds.map((kind) => [kind, KINDS[kind].folder])) as { [K in EntityKind]: (typeof KINDS)[K]['folder'] };

export const KIND_LABELS: Record<EntityKind, { singular: string; plural: string }> = KINDS;

/** The site's own colour for articles, beside the kinds' (the accent in global.css). */
export const ARTICLE_COLOUR: KindColour = { light: '#a3331f', dark: '#f08a70' };

/** A type within a kind (an orgType, a policyType…): its label in the infobox, and a closer schema.org type if any. */
interface TypeInfo {
  label: string;
  schemaType?: string;
}
export const ORGANIZATION_TYPE_INFO = {
  company: { label: 'Company' },
  'investment-fund': { label: 'Investment fund' },
  'government-agency': { label: 'Government agency', schemaType: 'GovernmentOrganization' },
  publication: { label: 'Publication', schemaType: 'NewsMediaOrganization' },
  alliance: { label: 'Alliance' },
  'code-platform': { label: 'Code-hosting platform' },
  'political-party': { label: 'Political party' },
  'standards-body': { label: 'Standards body' },
} as const satisfies Record<string, TypeInfo>;
/** Policy documents in the broad sense: laws and rules, plans and named initiatives, reports, official statements. */
export const POLICY_TYPE_INFO = {
  law: { label: 'Law', schemaType: 'Legislation' },
  regulation: { label: 'Regulation', schemaType: 'Legislation' },
  guideline: { label: 'Guideline' },
  'five-year-plan': { label: 'Five-year plan', schemaType: 'Legislation' },
  plan: { label: 'Plan or strategy' },
  /** A named programme such as the Belt and Road Initiative. */
  initiative: { label: 'Initiative' },
  'white-paper': { label: 'White paper', schemaType: 'Report' },
  report: { label: 'Report', schemaType: 'Report' },
  /** What a government, ministry or party says officially: a statement, a speech, a communiqué. */
  statement: { label: 'Official statement' },
  designation: { label: 'Official designation', schemaType: 'Legislation' },
} as const satisfies Record<string, TypeInfo>;
export const POLICY_STATUS_LABELS = {
  published: 'Published',
  'in-force': 'In force',
  'since-deleted': 'Since deleted',
} as const;
export const PRODUCT_TYPE_INFO = {
  'ai-model': { label: 'AI model' },
  chatbot: { label: 'Chatbot' },
  'operating-system': { label: 'Operating system' },
  software: { label: 'Software' },
  service: { label: 'Service', schemaType: 'Service' },
} as const satisfies Record<string, TypeInfo>;
/** Countries, cities and the areas between: a place's `placeType`. */
export const PLACE_TYPE_INFO = {
  country: { label: 'Country' },
  region: { label: 'Region' },
  province: { label: 'Province' },
  state: { label: 'State' },
  city: { label: 'City' },
  district: { label: 'District' },
} as const satisfies Record<string, TypeInfo>;

/** The keys of a table, as the tuple `z.enum` takes. */
export function keysOf<T extends Record<string, unknown>>(table: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

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
export const KIND_ACCENTS = Object.fromEntries([['article', ARTICLE_COLOUR.light], ...entityKinds.map((kind) => [kind, KINDS[kind].colour.light])]) as Record<EntityKind | 'article', string>;

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
