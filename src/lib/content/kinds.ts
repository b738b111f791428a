/**
 * Everything the site knows about each entity kind, in one table: its folder under `content/entities/` (and URL
 * segment), how readers see it named, its colour, its shape in the graph, its schema.org type, and the fields its
 * entities have beyond every entity's own. The six built-in kinds are the table's defaults; a site adds kinds, changes
 * them or leaves some out with the integration's `kinds` option (`resolveKinds`). Each built-in kind's types (orgType,
 * policyType…) have a table of their own below. No import from the schema: the schema takes its kinds from here.
 */
/** A kind's colours on the site's paper, light and dark; each keeps text contrast of at least 4.5:1 (WCAG AA). */
export interface KindColour {
  light: string;
  dark: string;
}
export const KIND_SHAPES = ['square', 'circle', 'diamond', 'triangle', 'hexagon', 'star', 'pentagon'] as const;
export type KindShape = (typeof KIND_SHAPES)[number];

/**
 * The kinds of value a site's own entity field can hold: what an editor writes, and whether its values are entity ids
 * (checked against the registry and shown as links).
 */
export const FIELD_TYPES = {
  text: { expected: 'one line of text', references: false },
  list: { expected: 'a list of texts', references: false },
  number: { expected: 'a number', references: false },
  year: { expected: 'a year, like 2023', references: false },
  url: { expected: 'a URL, like https://example.com/page', references: false },
  entity: { expected: 'the id of an entity', references: true },
  entities: { expected: 'a list of entity ids', references: true },
} as const;
export type FieldType = keyof typeof FIELD_TYPES;
export interface FieldInfo {
  /** What the infobox calls it. */
  label: string;
  type: FieldType;
  required: boolean;
}

export interface KindInfo {
  folder: string;
  singular: string;
  plural: string;
  colour: KindColour;
  shape: KindShape;
  /** The schema.org type of its pages, unless its type's table names a closer one. */
  schemaType: string;
  /** A kind whose names are titles of works (a law, a report): cited, in italics. */
  work: boolean;
  /** A kind whose entities say things (people; organizations through a spokesperson): the creators of their quotes. */
  speaks: boolean;
  /** The site's own fields for the kind, in the order the infobox shows them. */
  fields: Record<string, FieldInfo>;
}

export const BUILT_IN_KINDS = {
  organization: {
    folder: 'organizations',
    singular: 'Organization',
    plural: 'Organizations',
    colour: { light: '#1f5fa8', dark: '#8cb8ee' },
    shape: 'square',
    schemaType: 'Organization',
    work: false,
    speaks: true,
    fields: {},
  },
  person: {
    folder: 'people',
    singular: 'Person',
    plural: 'People',
    colour: { light: '#9a4d00', dark: '#f0b060' },
    shape: 'circle',
    schemaType: 'Person',
    work: false,
    speaks: true,
    fields: {},
  },
  policy: {
    folder: 'policies',
    singular: 'Policy document',
    plural: 'Policy documents',
    colour: { light: '#2f6b2f', dark: '#8fd18f' },
    shape: 'diamond',
    schemaType: 'CreativeWork',
    work: true,
    speaks: false,
    fields: {},
  },
  concept: {
    folder: 'concepts',
    singular: 'Concept',
    plural: 'Concepts',
    colour: { light: '#6b3fa0', dark: '#c6a6f0' },
    shape: 'triangle',
    schemaType: 'DefinedTerm',
    work: false,
    speaks: false,
    fields: {},
  },
  product: {
    folder: 'products',
    singular: 'Product',
    plural: 'Products',
    colour: { light: '#a3264f', dark: '#f08fb0' },
    shape: 'hexagon',
    schemaType: 'SoftwareApplication',
    work: false,
    speaks: false,
    fields: {},
  },
  place: {
    folder: 'places',
    singular: 'Place',
    plural: 'Places',
    colour: { light: '#0b6a6a', dark: '#6fd0d0' },
    shape: 'star',
    schemaType: 'Place',
    work: false,
    speaks: false,
    fields: {},
  },
} as const satisfies Record<string, KindInfo>;

/** The kinds Dossier knows itself: their fields are in the content schema, and the ingest suggests them. */
export type BuiltInKind = keyof typeof BUILT_IN_KINDS;
/** A kind of the site: a built-in one, or one the site's `kinds` option defines. */
export type EntityKind = string;
export type KindTable = Record<EntityKind, KindInfo>;
export const builtInKinds = Object.keys(BUILT_IN_KINDS) as BuiltInKind[];
export const isBuiltInKind = (kind: string): kind is BuiltInKind => Object.hasOwn(BUILT_IN_KINDS, kind);

/**
 * The site's kinds, once per process. Astro loads the library twice (from the config, and bundled for the pages), and
 * the command-line tools load it outside Astro: one slot on globalThis is what all of them see. The integration sets
 * it from its validated options; until then it is the built-in table.
 */
const ACTIVE = Symbol.for('dossier.kinds');
const slot = globalThis as { [ACTIVE]?: KindTable };
export function useKinds(table: KindTable): void {
  slot[ACTIVE] = table;
}
export const kindTable = (): KindTable => slot[ACTIVE] ?? BUILT_IN_KINDS;
/** Every kind of the site, in the table's order (the order of listings, filters and the navigation). */
export const entityKinds = (): EntityKind[] => Object.keys(kindTable());
export function kindInfo(kind: EntityKind): KindInfo {
  const info = kindTable()[kind];
  if (!info) throw new Error(`"${kind}" is no entity kind of this site; expected one of ${entityKinds().join(', ')}`);
  return info;
}
/** Each kind's folder under `content/entities/`, which is also its URL segment. */
export const kindFolder = (kind: EntityKind): string => kindInfo(kind).folder;
export const kindOfFolder = (folder: string): EntityKind | undefined =>
  entityKinds().find((kind) => kindInfo(kind).folder === folder);

/** The site's paper, light and dark (global.css), which every kind colour is read against. */
export const PAPER: KindColour = { light: '#fdfcf9', dark: '#16161a' };
/** The site's own colour for articles, beside the kinds' (the accent in global.css). */
export const ARTICLE_COLOUR: KindColour = { light: '#a3331f', dark: '#f08a70' };

/** WCAG's contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, b = 0] = (hex.match(/[0-9a-f]{2}/gi) ?? []).map((pair) => {
      const v = parseInt(pair, 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high = 0, low = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high + 0.05) / (low + 0.05);
}

/**
 * Each kind's colour as the CSS custom property `--kind` that badges, underlines and the graph draw with: light and
 * dark in one `light-dark()`, which follows the page's colour scheme, the system's or the reader's choice.
 */
export function kindCss(table: KindTable = kindTable()): string {
  const rules = Object.entries(table)
    .map(
      ([kind, { colour }]) =>
        `  [data-kind='${kind}'] {\n    --kind: light-dark(${colour.light}, ${colour.dark});\n  }\n`,
    )
    .join('');
  return `@layer components {\n${rules}}\n`;
}

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

/** Site-relative paths (no base): one place decides every URL. */
export const paths = {
  home: () => '/',
  articles: () => '/articles/',
  article: (slug: string) => `/articles/${slug}/`,
  kindIndex: (kind: EntityKind) => `/${kindFolder(kind)}/`,
  entity: (kind: EntityKind, id: string) => `/${kindFolder(kind)}/${id}/`,
  /** Page `page` of an entity's passages: the first is on the entity's own page, the rest on pages of their own. */
  entityPassages: (kind: EntityKind, id: string, page: number) =>
    page <= 1 ? `/${kindFolder(kind)}/${id}/#in-the-articles` : `/${kindFolder(kind)}/${id}/passages/${page}/`,
  /** Every tag, and one tag's articles (its slug from src/lib/present/tags.ts). */
  tags: () => '/tags/',
  tag: (slug: string) => `/tags/${slug}/`,
  timeline: () => '/timeline/',
  graph: () => '/graph/',
  /** The social card of the page at `page` (a site-relative path like `/articles/x/`). */
  card: (page: string) => `/cards${page === '/' ? '/index' : page.replace(/\/$/, '')}.png`,
};

/** The first address segments of the site's own pages and files (see the routes): no kind's folder may be one. */
export const RESERVED_SEGMENTS = [
  'articles',
  'tags',
  'timeline',
  'graph',
  'search',
  'cards',
  'previews',
  'pagefind',
  '404',
];

/** Social cards, in pixels: the size link previews expect. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** The colour of a kind, or of articles, on social cards: the site's light-mode colours. */
export const cardAccent = (kind: EntityKind | 'article'): string =>
  kind === 'article' ? ARTICLE_COLOUR.light : kindInfo(kind).colour.light;

/**
 * Passages shown per page. An entity named in hundreds of articles would otherwise make a page of hundreds of
 * kilobytes; at this count an entity page stays within the HTML budget of an article page.
 */
export const PASSAGES_PER_PAGE = 30;
/** At most this many pages of passages per entity: past it, pages hold more, so a huge corpus stays a site. */
export const MAX_PASSAGE_PAGES = 50;

/**
 * The passages of page `page` (from 1): which they are, the number of the first, and how many pages there are. The
 * last page takes in a remainder of up to a third of a page (31 to 40 passages make one page, not 30 and a few), so
 * no page holds only a handful; a page is then at most a third longer than the rest.
 */
export function passagePage<T>(
  passages: readonly T[],
  page: number,
): { items: T[]; first: number; page: number; pages: number } {
  const size = Math.max(PASSAGES_PER_PAGE, Math.ceil(passages.length / MAX_PASSAGE_PAGES));
  const remainder = passages.length % size;
  const full = Math.floor(passages.length / size);
  const pages = Math.max(
    1,
    remainder > 0 && remainder <= Math.floor(size / 3) ? full : Math.ceil(passages.length / size),
  );
  const end = page === pages ? passages.length : page * size;
  return { items: passages.slice((page - 1) * size, end), first: (page - 1) * size + 1, page, pages };
}
