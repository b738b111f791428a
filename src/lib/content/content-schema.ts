/**
 * The content model: zod schemas are the single source of truth for what an editor may write in `content/`.
 * Plain zod, no Astro import, so the registry, the CLI tools and the unit tests share them with the site.
 */
import { z } from 'zod';
import {
  isBuiltInKind,
  keysOf,
  kindInfo,
  kindTable,
  ORGANIZATION_TYPE_INFO,
  PLACE_TYPE_INFO,
  POLICY_STATUS_LABELS,
  POLICY_TYPE_INFO,
  PRODUCT_TYPE_INFO,
  type BuiltInKind,
  type EntityKind,
  type FieldInfo,
  type FieldType,
  type KindTable,
} from './kinds.ts';
import { isSafeUrl } from './safe-url.ts';
import { readEventDate, EVENT_DATE_FORMS } from './event-date.ts';

/** Entity kinds come from the kinds table; named here too, since the schema is where they are used. */
export { entityKinds, type BuiltInKind, type EntityKind } from './kinds.ts';

/** Which mentions become links: the first of each entity per article, per section, per paragraph, or every one. */
export const LINK_MODES = ['article', 'section', 'paragraph', 'every'] as const;
export type LinkMode = (typeof LINK_MODES)[number];

/**
 * Lowercase ASCII words joined by hyphens: ids double as file names and URL segments. Branded: an EntityId is an id
 * the registry made (a file name) or checked (a reference), so every one of them names an entity (`entityOf`).
 */
export const entityIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id of lowercase letters, digits and single hyphens, like "high-flyer"')
  .brand<'EntityId'>();
export type EntityId = z.output<typeof entityIdSchema>;

const nonBlank = (what: string) =>
  z
    .string({ error: `${what} as text` })
    .trim()
    .min(1, `a non-empty ${what}`);

/** Characters that show as nothing (zero-width spaces and joiners, direction marks, fillers, controls). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;
const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A name as readers see it: in NFC, so "Café" typed with a combining accent is the same name as "Café" typed with
 * one character, and with nothing invisible in it, which would make two names that look alike differ.
 */
const surfaceText = (what: string) =>
  nonBlank(what)
    .normalize('NFC')
    .refine((text) => !text.match(INVISIBLE), {
      error: (issue) => {
        const text = String(issue.input);
        const found = [...new Set(text.match(INVISIBLE))].map(codePoint);
        return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} without invisible characters, got ${JSON.stringify(text.replace(INVISIBLE, (char) => `<${codePoint(char)}>`))}: ${found.join(', ')} ${found.length === 1 ? 'shows' : 'show'} as nothing; delete ${found.length === 1 ? 'it' : 'them'}`;
      },
    });

/**
 * A surface form the articles use for an entity. A bare string is a case-sensitive alias (`Meta` is not `meta`).
 * The object form can opt out of case sensitivity, or mark a plural that names several entities at once ("the two
 * five-year plans"): every entity listing it as `shared` is mentioned where it occurs, and it is never a link.
 */
export const aliasSchema = z.union([
  surfaceText('alias'),
  z.strictObject({
    text: surfaceText('alias'),
    ignoreCase: z.boolean().default(false),
    shared: z.boolean().default(false),
  }),
]);

export const scriptSchema = z.enum(['zh-Hans', 'zh-Hant'], {
  error: 'a script tag: "zh-Hans" (simplified) or "zh-Hant" (traditional)',
});

/** A link out of the site: a web page or a mail address, never a `javascript:` URL (see safe-url.ts). */
const webUrlSchema = z.url({ error: 'a URL, like https://example.com/page' }).refine((url) => isSafeUrl(url), {
  error: (issue) => `an http(s) or mailto URL, like https://example.com/page, got ${JSON.stringify(issue.input)}`,
});

/** Article slugs, like entity ids, are file names; branded like them, as the registry makes or checks every one. */
export const articleSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an article slug (its file name without .mdx), like "deepseek-and-open-source"')
  .brand<'ArticleSlug'>();
export type ArticleSlug = z.output<typeof articleSlugSchema>;

/**
 * When an event happened, with its precision explicit: `2019`, `2019-05`, `2019-05-16`, a decade `2000s`, or a range
 * `2020/2023`. YAML reads an unquoted 2019 as a number, taken as written; an unquoted 2019-05-16 stays text (see
 * frontmatter.ts), so an impossible day is refused quoted or not. Stored as the canonical text, so checking it again
 * (Astro's content layer does) gives the same value.
 */
export const eventDateSchema = z
  .union([z.number(), z.string()], { error: EVENT_DATE_FORMS })
  .transform((value, context) => {
    const text = String(value).trim();
    const result = readEventDate(text);
    if ('date' in result) return text;
    context.issues.push({ code: 'custom', message: result.problem, input: value });
    return z.NEVER;
  });

/**
 * A dated event of an entity, from an article: the date, one line saying what happened, and the passage it comes
 * from, named by the article and a short quote copied exactly from one of its paragraphs. The build finds the
 * paragraph; its id is never written in content, since ids change when paragraphs are edited.
 */
export const eventSchema = z.strictObject({
  date: eventDateSchema,
  description: nonBlank('description')
    .max(200, 'a description of at most 200 characters: one line')
    .regex(/^[^\n]*$/, 'a description on one line'),
  source: z.strictObject({
    article: articleSlugSchema,
    quote: nonBlank('quote').max(200, 'a quote of at most 200 characters: enough words to find the one paragraph'),
  }),
});

const entityCommon = {
  name: surfaceText('name'),
  /** One sentence, used in listings, link previews and the meta description. */
  summary: nonBlank('summary').max(240, 'a summary of at most 240 characters'),
  /** Every strong surface form the articles use, in every script: `DeepSeek`, `深度求索`. */
  aliases: z.array(aliasSchema).default([]),
  /**
   * Short forms (a surname, a first name, an interview speaker label) that refer to the entity only after a strong
   * alias has introduced it earlier in the same document.
   */
  weakAliases: z.array(aliasSchema).default([]),
  native: z.strictObject({ name: surfaceText('native name'), script: scriptSchema }).optional(),
  related: z.array(entityIdSchema).default([]),
  /** Dated events of the entity, from the articles, for the timeline. */
  events: z.array(eventSchema).default([]),
  /**
   * Infobox facts that do not come from the articles, by field (`founded: true`), with the page they come from where
   * it is known (`founded: { source: https://… }`); the infobox marks them. The registry checks each names a fact.
   */
  outsideFacts: z
    .record(
      z.string(),
      z.preprocess(
        (value) => (value === true ? {} : value),
        z.strictObject({ source: webUrlSchema.optional() }, { error: 'true, or a source: { source: https://… }' }),
      ),
    )
    .default({}),
};

/** Each kind's types are the keys of its table in kinds.ts, where their labels and schema.org types live. */
export const ORGANIZATION_TYPES = keysOf(ORGANIZATION_TYPE_INFO);
export const POLICY_TYPES = keysOf(POLICY_TYPE_INFO);
export const POLICY_STATUSES = keysOf(POLICY_STATUS_LABELS);
export const PRODUCT_TYPES = keysOf(PRODUCT_TYPE_INFO);
export const PLACE_TYPES = keysOf(PLACE_TYPE_INFO);

const organization = z.strictObject({
  kind: z.literal('organization'),
  ...entityCommon,
  orgType: z.enum(ORGANIZATION_TYPES),
  country: z.string().optional(),
  founded: z.number().int().optional(),
  founders: z.array(entityIdSchema).default([]),
  parent: entityIdSchema.optional(),
  website: webUrlSchema.optional(),
});

const person = z.strictObject({
  kind: z.literal('person'),
  ...entityCommon,
  /** Roles as the articles describe them: "founder and CEO of DeepSeek". */
  roles: z.array(nonBlank('role')).min(1, 'at least one role'),
  affiliations: z.array(entityIdSchema).default([]),
});

const policy = z.strictObject({
  kind: z.literal('policy'),
  ...entityCommon,
  policyType: z.enum(POLICY_TYPES),
  /** The issuing body, as an entity id where the registry has it. */
  issuer: entityIdSchema.optional(),
  year: z.number().int().optional(),
  status: z.enum(POLICY_STATUSES).default('published'),
});

const concept = z.strictObject({
  kind: z.literal('concept'),
  ...entityCommon,
  field: z.string().optional(),
});

const product = z.strictObject({
  kind: z.literal('product'),
  ...entityCommon,
  productType: z.enum(PRODUCT_TYPES),
  maker: entityIdSchema.optional(),
  released: z.number().int().optional(),
});

const place = z.strictObject({
  kind: z.literal('place'),
  ...entityCommon,
  placeType: z.enum(PLACE_TYPES),
  /** The country a city or region lies in, as the id of its place entity. */
  country: entityIdSchema.optional(),
});

const BUILT_IN_SCHEMAS = { organization, person, policy, concept, product, place };
export type BuiltInEntityData = z.output<(typeof BUILT_IN_SCHEMAS)[BuiltInKind]>;

declare const siteKind: unique symbol;
/** The data of an entity of a kind the site defines itself: every entity's fields, and the kind's own (`ownFields`). */
export type SiteKindEntityData = z.output<z.ZodObject<typeof entityCommon>> & { kind: string & { [siteKind]: true } };
/** Entity frontmatter; `kind` is not written by the editor but taken from the folder the file sits in. */
export type EntityData = BuiltInEntityData | SiteKindEntityData;
export type Alias = z.output<typeof aliasSchema>;

export const isBuiltInData = (data: EntityData): data is BuiltInEntityData => isBuiltInKind(data.kind);

/** How each type of a site's own field is checked; lists are empty, and other fields absent, when not written. */
const FIELD_SCHEMAS: Record<FieldType, () => z.ZodType> = {
  text: () => nonBlank('text').regex(/^[^\n]*$/, 'text on one line'),
  list: () => z.array(nonBlank('text')),
  number: () => z.number({ error: 'a number' }),
  year: () => z.number({ error: 'a year, like 2023' }).int('a year, like 2023'),
  url: () => webUrlSchema,
  entity: () => entityIdSchema,
  entities: () => z.array(entityIdSchema),
};
const fieldSchema = ({ type, required }: FieldInfo) => {
  const schema = FIELD_SCHEMAS[type]();
  if (required)
    return type === 'list' || type === 'entities' ? (schema as z.ZodArray).min(1, 'at least one value') : schema;
  return type === 'list' || type === 'entities' ? schema.default([]) : schema.optional();
};

/** Every entity's own fields (name, summary, aliases…), which no kind may define again. */
export const COMMON_FIELDS = Object.keys(entityCommon);
/** The fields a built-in kind has before the site adds any. */
export const builtInFields = (kind: BuiltInKind): string[] =>
  Object.keys(BUILT_IN_SCHEMAS[kind].shape).filter((field) => field !== 'kind');

const schemas = new WeakMap<KindTable, Map<EntityKind, z.ZodObject>>();
/** The schema of one kind's frontmatter, as the site's kinds table defines it: the built-in fields and the site's own. */
export function kindSchema(kind: EntityKind, table: KindTable = kindTable()): z.ZodObject {
  const cached = schemas.get(table)?.get(kind);
  if (cached) return cached;
  const info = table[kind] ?? kindInfo(kind);
  const own = Object.fromEntries(Object.entries(info.fields).map(([field, spec]) => [field, fieldSchema(spec)]));
  const base = isBuiltInKind(kind)
    ? BUILT_IN_SCHEMAS[kind]
    : z.strictObject({ kind: z.literal(kind), ...entityCommon });
  const schema = base.extend(own);
  schemas.set(table, (schemas.get(table) ?? new Map()).set(kind, schema));
  return schema;
}

/** Any entity's frontmatter, for Astro's content layer, which checks what the registry checked once more. */
export function entitySchema(table: KindTable = kindTable()): z.ZodType<EntityData> {
  const [first, ...rest] = Object.keys(table).map((kind) => kindSchema(kind, table));
  return (rest.length
    ? z.discriminatedUnion('kind', [first!, ...rest] as never)
    : first!) as unknown as z.ZodType<EntityData>;
}

/** A kind's facts, the fields its infobox shows: those of the kind, built-in or the site's, not every entity's. */
export const factFields = (kind: EntityKind): string[] =>
  Object.keys(kindSchema(kind).shape).filter((field) => field !== 'kind' && !COMMON_FIELDS.includes(field));

/** The values of a kind's own fields that an entity has, in the kind's order. */
export function ownFields(data: EntityData): { field: string; info: FieldInfo; value: unknown }[] {
  return Object.entries(kindInfo(data.kind).fields)
    .map(([field, info]) => ({ field, info, value: (data as Record<string, unknown>)[field] }))
    .filter(({ value }) => value !== undefined && !(Array.isArray(value) && value.length === 0));
}

/**
 * Each built-in kind's fields whose values are entity ids, checked against the registry after every file has been
 * read. Per kind, since one name can differ by kind: an organization's `country` is text ("China"), a place's an id.
 */
const BUILT_IN_REFERENCE_FIELDS = {
  organization: ['related', 'founders', 'parent'],
  person: ['related', 'affiliations'],
  policy: ['related', 'issuer'],
  concept: ['related'],
  product: ['related', 'maker'],
  place: ['related', 'country'],
} as const satisfies Record<BuiltInKind, readonly string[]>;
/** A kind's fields that hold entity ids: its built-in ones, and those of the site's own fields that do. */
export function referenceFields(kind: EntityKind): string[] {
  const own = Object.entries(kindInfo(kind).fields).filter(([, { type }]) => type === 'entity' || type === 'entities');
  return [...(isBuiltInKind(kind) ? BUILT_IN_REFERENCE_FIELDS[kind] : ['related']), ...own.map(([field]) => field)];
}

/**
 * A calendar date, written YYYY-MM-DD and checked against the calendar (no 30 February), quoted or not: the front
 * matter keeps an unquoted date as text (frontmatter.ts). JavaScript's lenient parser is never used, since it would
 * read "early 2025" as 1 January. A Date is taken as it is, for Astro's content layer, which checks the output again.
 */
const dateSchema = z.union([z.date(), z.iso.date().transform((day) => new Date(`${day}T00:00:00Z`))], {
  error: 'a date written YYYY-MM-DD, like 2025-02-03',
});

export const articleSchema = z.strictObject({
  title: nonBlank('title'),
  /** True when the title was written by the site's editor because the source gave none. */
  titleIsEditorial: z.boolean().default(false),
  dek: nonBlank('dek'),
  dekIsEditorial: z.boolean().default(false),
  /** Publication date; absent when the source does not give one. */
  date: dateSchema.optional(),
  /** How precisely `date` is known: `approximate` dates are shown as such on the page. */
  datePrecision: z.enum(['day', 'month', 'approximate']).default('day'),
  /** Why the date is what it is, when it is approximate. */
  dateNote: z.string().optional(),
  authors: z.array(nonBlank('author')).default([]),
  source: z.strictObject({
    publication: nonBlank('publication'),
    /** The publication's entity id, when the registry has it. */
    entity: entityIdSchema.optional(),
    url: webUrlSchema.optional(),
  }),
  tags: z.array(nonBlank('tag')).default([]),
  /**
   * Entities the article refers to by a short form without introducing them first (its host "Jordan", the outlet
   * "Waves"): their weak aliases count from the first line.
   */
  entities: z.array(entityIdSchema).default([]),
  /** Overrides the site's link mode for this article. */
  linkMode: z.enum(LINK_MODES).optional(),
  /**
   * The editor vouches for the article's code (an import, an export, an `{expression}`, HTML elements), which runs
   * when the site is built; without it, code is an error (article-components.ts, `codeProblems`).
   */
  trusted: z.boolean().default(false),
});
export type ArticleData = z.output<typeof articleSchema>;
