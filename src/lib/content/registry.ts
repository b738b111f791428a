/**
 * The registry: every entity and every article's frontmatter, read and validated once per build.
 * Ids are file names, kinds are folder names; nothing derived is ever written back into `content/`.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { entityKinds, kindInfo, kindOfFolder } from './kinds.ts';
import {
  articleSchema,
  articleSlugSchema,
  entityIdSchema,
  factFields,
  kindSchema,
  referenceFields,
  type Alias,
  type ArticleData,
  type ArticleSlug,
  type EntityData,
  type EntityId,
  type EntityKind,
} from './content-schema.ts';
import { ContentError, describeIssue, type ContentProblem } from './content-errors.ts';
import { FrontmatterError, readFrontmatter, type Frontmatter } from './frontmatter.ts';

/** A file of the content folder: its path relative to that folder (always with `/`) and its raw bytes. */
export interface ContentFile {
  path: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a symbolic link that leads nowhere), when it could not. */
  unreadable?: string | undefined;
}

export interface Entity {
  id: EntityId;
  kind: EntityKind;
  data: EntityData;
  /** The Markdown description below the frontmatter. */
  body: string;
  /** The file's line number of the body's first line, for messages about the body. */
  bodyLine: number;
  /** Path relative to the content folder, for messages. */
  file: string;
}

export interface ArticleEntry {
  slug: ArticleSlug;
  data: ArticleData;
  body: string;
  bodyLine: number;
  file: string;
}

export interface Content {
  /** Entities by id, in a stable order (kind, then id); looked up by any text, such as an id a page was given. */
  entities: Map<string, Entity>;
  articles: ArticleEntry[];
}

/** The entity `id` names: the registry made (a file name) or checked (a reference) every EntityId, so there is one. */
export function entityOf(content: Content, id: EntityId): Entity {
  const entity = content.entities.get(id);
  if (!entity) throw new Error(`No entity of this content has the id "${id}": it is another content's`);
  return entity;
}

/** The article `slug` names, as `entityOf` the entity an id names. */
export function articleOf(content: Content, slug: ArticleSlug): ArticleEntry {
  const article = content.articles.find((entry) => entry.slug === slug);
  if (!article) throw new Error(`No article of this content has the slug "${slug}": it is another content's`);
  return article;
}

/**
 * The id of the entity `id` names, if one does: for an id read from a document's text (a mention the linker found, a
 * quote's speaker), which the registry never checked.
 */
export function knownEntityId(content: Content, id: string): EntityId | undefined {
  return content.entities.get(id)?.id;
}

/** One surface form of an entity, normalised from the schema's string-or-object alias. */
export interface SurfaceForm {
  text: string;
  ignoreCase: boolean;
  weak: boolean;
  /** Names this entity together with the other entities that share it. */
  shared: boolean;
}

/**
 * Every surface form of an entity: its name, its native name and its aliases are strong; weak aliases count only
 * after an introduction. Duplicates are dropped, the first form wins.
 */
export function surfaceForms(data: EntityData): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const add = (alias: Alias, weak: boolean) => {
    const form = typeof alias === 'string' ? { text: alias, ignoreCase: false, shared: false } : alias;
    if (!forms.some((f) => f.text === form.text && f.ignoreCase === form.ignoreCase)) forms.push({ ...form, weak });
  };
  add(data.name, false);
  if (data.native) add(data.native.name, false);
  for (const alias of data.aliases) add(alias, false);
  for (const alias of data.weakAliases) add(alias, true);
  return forms;
}

interface ContentEntry {
  path: string;
  unreadable?: string | undefined;
}

/**
 * Every file below `root` (the content folder) but hidden ones, relative to it with `/`, sorted; symbolic links are
 * followed, and one that leads nowhere or in a loop is listed with the reason. Nothing when `root` does not exist.
 */
function walkContentFolder(root: string): ContentEntry[] {
  const entries: ContentEntry[] = [];
  // The folders the walk is inside: a link to one of them is a loop, which walking on would never end.
  const walk = (dir: string, outer: ReadonlySet<string>) => {
    const inside = new Set(outer).add(realpathSync(dir));
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const at = relative(root, path).split(sep).join('/');
      let stats;
      try {
        stats = statSync(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const link = lstatSync(path).isSymbolicLink() ? `is a symbolic link to ${readlinkSync(path)}, which ` : '';
        entries.push({
          path: at,
          unreadable:
            code === 'ELOOP'
              ? `${link || 'is a symbolic link that '}leads back to itself (a loop); link to a file, or copy it in`
              : `${link || 'cannot be read: it '}does not exist; remove the link or restore its target`,
        });
        continue;
      }
      if (!stats.isDirectory()) entries.push({ path: at });
      else if (inside.has(realpathSync(path)))
        entries.push({
          path: at,
          unreadable: `is a symbolic link to ${readlinkSync(path)}, a folder it is in (a loop); link to another folder, or remove it`,
        });
      else walk(path, inside);
    }
  };
  if (existsSync(root) && statSync(root).isDirectory()) walk(root, new Set());
  return entries;
}

/** Paths of every readable file below `root` (the content folder), relative to it with `/`, sorted. */
export function listContentFiles(root: string): string[] {
  return walkContentFolder(root).flatMap((entry) => (entry.unreadable ? [] : [entry.path]));
}

/** Reads every file below `root`; one that cannot be read comes with the reason, for parseContent to report. */
export function readContentFolder(root: string): ContentFile[] {
  return walkContentFolder(root).map(({ path, unreadable }) => ({
    path,
    bytes: unreadable ? new Uint8Array() : readFileSync(join(root, path)),
    unreadable,
  }));
}

/** Reads and checks the content folder; throws a ContentError listing every problem found. */
export function loadContent(root: string): Content {
  const missing = !existsSync(root) ? 'does not exist' : !statSync(root).isDirectory() ? 'is not a folder' : undefined;
  if (missing)
    throw new ContentError([
      {
        file: root,
        message: `${missing}; expected the content folder, with articles/ and entities/ in it (DOSSIER_CONTENT names another folder)`,
      },
    ]);
  const content = parseContent(readContentFolder(root), root);
  if (!content.articles.length && !content.entities.size) {
    throw new ContentError([
      {
        file: root,
        message:
          'holds no article and no entity; expected articles in articles/<slug>.mdx and entities in entities/<kind>/<id>.md',
      },
    ]);
  }
  return content;
}

/** The ledger of published ids, which the build keeps beside the documents (ledger.ts). */
const LEDGER = 'ledger.json';

/** The pure core of the registry: validates files given in memory. `root` only prefixes paths in messages. */
export function parseContent(files: ContentFile[], root = 'content'): Content {
  const problems: ContentProblem[] = [];
  const report = (file: string, message: string, field?: string, line?: number) =>
    problems.push({ file: `${root}/${file}`, field, message, line });

  const entities: Entity[] = [];
  const articles: ArticleEntry[] = [];
  for (const file of files) {
    if (file.unreadable) {
      report(file.path, file.unreadable);
      continue;
    }
    if (file.path === LEDGER) continue;
    const extension = /\.[^./]*$/.exec(file.path)?.[0] ?? '';
    if (extension !== '.md' && extension !== '.mdx') {
      report(
        file.path,
        /^\.mdx?$/i.test(extension)
          ? `has the extension "${extension}"; expected it in lower case, "${extension.toLowerCase()}"`
          : `is not a file Dossier reads${extension ? ` (${extension})` : ''}; expected an article, articles/<slug>.mdx, or an entity, entities/<kind>/<id>.md, and nothing else in the content folder`,
      );
      continue;
    }
    const [top, ...rest] = file.path.split('/');
    const stem = rest.at(-1)?.replace(/\.mdx?$/, '') ?? '';
    if (top === 'entities') {
      const folder = rest.length === 2 ? rest[0]! : undefined;
      const kind = folder && kindOfFolder(folder);
      if (!kind) {
        const folders = entityKinds()
          .map((kind) => kindInfo(kind).folder)
          .join(', ');
        report(
          file.path,
          `is not in an entity kind folder; expected content/entities/<kind>/<id>.md with <kind> one of ${folders}`,
        );
        continue;
      }
      if (!file.path.endsWith('.md')) {
        report(file.path, 'is an .mdx file; entity descriptions are plain Markdown (.md)');
        continue;
      }
      const parsed = parseFrontmatter(file, report);
      const id = parsed && idOf(entityIdSchema, file.path, stem, report);
      if (!parsed || !id) continue;
      const schema = kindSchema(kind);
      const result = schema.safeParse({ ...parsed.data, kind });
      if (!result.success) {
        reportIssues(file.path, result.error, { ...parsed.data, kind }, report, fieldsOf(schema.shape));
        continue;
      }
      entities.push({
        id,
        kind,
        data: result.data as EntityData,
        body: parsed.body,
        bodyLine: parsed.bodyLine,
        file: file.path,
      });
    } else if (top === 'articles' && rest.length === 1) {
      const parsed = parseFrontmatter(file, report);
      const slug = parsed && idOf(articleSlugSchema, file.path, stem, report);
      if (!parsed || !slug) continue;
      const result = articleSchema.safeParse(parsed.data);
      if (!result.success) {
        reportIssues(file.path, result.error, parsed.data, report, fieldsOf(articleSchema.shape));
        continue;
      }
      articles.push({ slug, data: result.data, body: parsed.body, bodyLine: parsed.bodyLine, file: file.path });
    } else {
      report(
        file.path,
        'is not where Dossier looks; expected content/articles/<slug>.mdx or content/entities/<kind>/<id>.md',
      );
    }
  }

  const byId = new Map<string, Entity>();
  for (const entity of entities) {
    const other = byId.get(entity.id);
    if (other)
      report(
        entity.file,
        `uses the id "${entity.id}", already taken by ${root}/${other.file}; ids are unique across kinds`,
      );
    else byId.set(entity.id, entity);
  }
  const slugs = new Map<string, string>();
  for (const article of articles) {
    const other = slugs.get(article.slug);
    if (other) report(article.file, `uses the slug "${article.slug}", already taken by ${root}/${other}`);
    else slugs.set(article.slug, article.file);
  }

  checkReferences(byId, articles, report);
  checkAliases([...byId.values()], report);
  for (const entity of byId.values()) checkNames(entity, report);
  for (const entity of byId.values()) checkOutsideFacts(entity, report);

  if (problems.length) throw new ContentError(problems);
  const kinds = entityKinds();
  const sorted = [...byId.values()].sort(
    (a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.id.localeCompare(b.id),
  );
  return {
    entities: new Map(sorted.map((e) => [e.id, e])),
    articles: articles.sort((a, b) => a.slug.localeCompare(b.slug)),
  };
}

type Report = (file: string, message: string, field?: string, line?: number) => void;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseFrontmatter(file: ContentFile, report: Report): Frontmatter | undefined {
  let text: string;
  try {
    text = utf8.decode(file.bytes);
  } catch {
    report(file.path, 'is not valid UTF-8 text; save it as UTF-8');
    return undefined;
  }
  if (!text.startsWith('---')) {
    report(
      file.path,
      'has no frontmatter; expected the file to start with a "---" line, the YAML fields, and another "---" line',
    );
    return undefined;
  }
  try {
    return readFrontmatter(text);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    report(file.path, error.message, undefined, error.line);
    return undefined;
  }
}

/** The file name as an id (or slug), or nothing when it cannot serve as one, which is reported. */
function idOf<Schema extends z.ZodType>(
  schema: Schema,
  path: string,
  stem: string,
  report: Report,
): z.output<Schema> | undefined {
  const result = schema.safeParse(stem);
  if (result.success) return result.data;
  report(
    path,
    `has a file name that cannot serve as an id; expected lowercase letters, digits and single hyphens, like "high-flyer.md"`,
  );
  return undefined;
}

/** The fields an editor may write, in the schema's order (the kind comes from the folder). */
const fieldsOf = (shape: object) => Object.keys(shape).filter((field) => field !== 'kind');

function reportIssues(path: string, error: z.ZodError, input: unknown, report: Report, knownFields: string[]) {
  for (const issue of error.issues) {
    // An unknown key is reported at the key itself, so the editor sees which line to fix.
    const fields = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const field of fields) report(path, describeIssue(issue, input, knownFields), field.join('.') || undefined);
  }
}

function checkReferences(byId: Map<string, Entity>, articles: ArticleEntry[], report: Report) {
  const check = (file: string, field: string, id: string) => {
    if (byId.has(id)) return;
    const hint = closestId(id, [...byId.keys()]);
    report(
      file,
      `names "${id}", which is no entity; expected the id (file name) of a file in content/entities/${hint ? `, like "${hint}"` : ''}`,
      field,
    );
  };
  for (const entity of byId.values()) {
    const data = entity.data as unknown as Partial<Record<string, string | string[]>>;
    for (const field of referenceFields(entity.kind)) {
      const value = data[field];
      if (typeof value === 'string') check(entity.file, field, value);
      else value?.forEach((id, i) => check(entity.file, `${field}.${i}`, id));
    }
  }
  const slugs = articles.map((article) => article.slug);
  for (const entity of byId.values()) {
    entity.data.events.forEach(({ source }, i) => {
      if (slugs.includes(source.article)) return;
      const hint = closestId(source.article, slugs);
      report(
        entity.file,
        `names "${source.article}", which is no article; expected the slug (file name) of a file in content/articles/${hint ? `, like "${hint}"` : ''}`,
        `events.${i}.source.article`,
      );
    });
  }
  for (const article of articles) {
    article.data.entities.forEach((id, i) => check(article.file, `entities.${i}`, id));
    if (article.data.source.entity) check(article.file, 'source.entity', article.data.source.entity);
  }
}

/** A name that repeats the native name shows it twice wherever both are shown: "Waves (暗涌) 暗涌". */
function checkNames(entity: Entity, report: Report) {
  const { name, native } = entity.data;
  if (native && name.includes(native.name))
    report(
      entity.file,
      `has the name "${name}", which repeats its native name "${native.name}"; the page shows the native name beside the name, so leave it out of the name`,
      'name',
    );
}

/** Each fact marked as from outside the articles must be one of the kind's facts that the entity gives. */
function checkOutsideFacts(entity: Entity, report: Report) {
  const facts = factFields(entity.kind);
  const data = entity.data as unknown as Record<string, unknown>;
  for (const field of Object.keys(entity.data.outsideFacts)) {
    const value = data[field];
    if (!facts.includes(field))
      report(
        entity.file,
        `marks "${field}" as from outside the articles, which is no fact of ${/^[aeiou]/i.test(kindInfo(entity.kind).singular) ? 'an' : 'a'} ${kindInfo(entity.kind).singular.toLowerCase()}; expected one of ${facts.join(', ')}`,
        `outsideFacts.${field}`,
      );
    else if (value === undefined || (Array.isArray(value) && value.length === 0))
      report(
        entity.file,
        `marks "${field}" as from outside the articles, but gives no ${field}; expected the fact itself beside the mark`,
        `outsideFacts.${field}`,
      );
  }
}

/**
 * Two forms collide when they would match the same text, or when they look the same to a reader: the forms are NFC
 * already (the schema), and NFKC also makes full-width ＤｅｅｐＳｅｅｋ and ligatures the letters they look like.
 */
function collide(a: SurfaceForm, b: SurfaceForm): boolean {
  return (
    a.text === b.text ||
    ((a.ignoreCase || b.ignoreCase) && a.text.toLowerCase() === b.text.toLowerCase()) ||
    lookalike(a.text) === lookalike(b.text)
  );
}
const lookalike = (text: string) => text.normalize('NFKC');

function checkAliases(entities: Entity[], report: Report) {
  const byKey = new Map<string, { entity: Entity; form: SurfaceForm }[]>();
  for (const entity of entities) {
    for (const form of surfaceForms(entity.data)) {
      const field = form.weak ? 'weakAliases' : 'aliases';
      if ([...form.text].length < 2) {
        report(
          entity.file,
          `has the alias "${form.text}"; expected at least two characters, a one-letter alias would match everywhere`,
          field,
        );
        continue;
      }
      const key = lookalike(form.text).toLowerCase();
      const claims = byKey.get(key) ?? [];
      for (const claim of claims) {
        if (
          claim.entity === entity ||
          !collide(claim.form, form) ||
          (claim.form.weak && form.weak) ||
          (claim.form.shared && form.shared)
        )
          continue;
        // A shared weak alias is resolved per document by recency; a strong one would be ambiguous everywhere.
        const same =
          claim.form.text === form.text || claim.form.text.toLowerCase() === form.text.toLowerCase()
            ? ''
            : ` (it looks the same as "${claim.form.text}")`;
        report(
          entity.file,
          `claims "${form.text}"${same}, which ${claim.form.weak ? 'is a weak alias' : 'is already an alias'} of "${claim.entity.id}" (${claim.entity.file}); expected each strong alias to name one entity: remove it from one of the two, or make both weak`,
          field,
        );
      }
      claims.push({ entity, form });
      byKey.set(key, claims);
    }
  }
}

/** The known id nearest to a mistyped one, if it is close enough to be the likely intent. */
export function closestId(id: string, ids: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const distance = editDistance(id, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
