/**
 * Everything the build derives from the content, computed once per build: the registry, the matcher, every
 * document parsed once, linked and written out as HTML, its blocks and mentions, and from them the mention index
 * (entity -> passages), co-mentions, related entities and "mentioned on". Pages only render what this computed.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { AnnotatedBlock, DocumentContext } from '../link/annotate.ts';
import {
  codeProblems,
  expandComponents,
  hasCode,
  type BodyProblem,
  type ComponentSite,
} from '../content/article-components.ts';
import { linkTree } from '../link/block-markup.ts';
import { timed } from '../build/build-timings.ts';
import { withBase } from '../build/site-url.ts';
import type { EntityKind, LinkMode } from '../content/content-schema.ts';
import { kindInfo, paths } from '../content/kinds.ts';
import { parseLedger, reconcile, type LedgerEntry, type Redirect } from '../link/ledger.ts';
import { formatOf, toHast } from '../content/markdown.ts';
import { Matcher, type AliasPattern } from '../link/matcher.ts';
import { ContentError, type ContentProblem } from '../content/content-errors.ts';
import { closestId, listContentFiles, loadContent, surfaceForms, type Content } from '../content/registry.ts';
import { SAFE_URLS, unsafeUrls } from '../content/safe-url.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import { articleVoices, type Quotation, type QuotedWords } from '../link/voices.ts';

export interface Excerpt {
  text: string;
  /** Ranges of `text` that name the entity. */
  marks: [number, number][];
}

export interface Passage {
  articleSlug: string;
  blockId: string;
  section?: { id: string; title: string };
  excerpt: Excerpt;
  /** The quote or interview the passage leads into ("put it bluntly:"), shown with it. */
  introduces?: QuotedWords;
}

export interface RelatedEntity {
  id: string;
  score: number;
  /** Why, in a few words: "listed as related; mentioned together in 4 passages". */
  reason: string;
}

export interface ArticleIndex {
  blocks: AnnotatedBlock[];
  /** Ids this page published once and no longer has, each resolving to a current block. */
  redirects: Redirect[];
  /** Entity id -> number of mentions in the article. */
  mentionCounts: Map<string, number>;
  /**
   * The body as HTML: linked, each block with its permalink and search markup, components expanded. Absent for an
   * article with code, which @astrojs/mdx compiles.
   */
  html: string | undefined;
  /** How the article is linked, for `rehypeArticleModules`. */
  context: DocumentContext;
  /** Every quote and interview turn, by speaker, in reading order. */
  quotations: Quotation[];
}

export interface SiteIndex {
  content: Content;
  /** Article slug -> title, for the many pages that name articles. */
  articleTitles: Map<string, string>;
  matcher: Matcher;
  articles: Map<string, ArticleIndex>;
  /** Entity id -> every passage of every article that mentions it, in article order; reader comments aside. */
  passages: Map<string, Passage[]>;
  /** Entity id -> the reader comments that mention it: linked, never counted as reporting. */
  commentPassages: Map<string, Passage[]>;
  /** Entity id -> what the articles quote it saying, in article order. */
  quotations: Map<string, Quotation[]>;
  /** What article components know of the site: a quote's speaker. */
  componentSite: ComponentSite;
  /** Entity id -> ids of the other entities whose descriptions mention it. */
  mentionedOn: Map<string, string[]>;
  related: Map<string, RelatedEntity[]>;
  /**
   * Entity id -> other entity id -> number of passages naming both (symmetric; headings and reader comments do not
   * count). A quoted passage names its speaker, and an interview turn everyone speaking in the interview.
   */
  coMentions: Map<string, Map<string, number>>;
  /** Entity id -> its description as HTML, linked like an article's body. */
  entityHtml: Map<string, string>;
  /** Every dated event, in chronological order, each entity event with the paragraph its quote is in. */
  timeline: TimelineEvent[];
  /** The article whose file is at `path` (absolute, or relative to the working directory), if it is one. */
  articleAt(path: string): ArticleIndex | undefined;
}

export interface SiteIndexOptions {
  contentRoot: string;
  linkMode: LinkMode;
  /** Prefix for entity links: the site's base path, `/` at the root. */
  base: string;
  /** False to build without linking and the mention index (the bench's baseline): blocks, ids and links are left out. */
  linking: boolean;
  /**
   * Where the ledger of published ids is read from (`<contentRoot>/ledger.json`), and, when set, where the grown
   * ledger is written for the build to put in place once it has succeeded.
   */
  ledgerOut?: string | undefined;
  /** True to let every article have code, as if each were marked `trusted: true`. */
  trustCode?: boolean | undefined;
}

/** The ledger file of a content folder: page path -> every id it ever published. */
export function ledgerFile(contentRoot: string): string {
  return join(contentRoot, 'ledger.json');
}

/**
 * Every surface form of every entity, as matcher patterns. The forms are NFC (the schema); a text typed with combining
 * accents (NFD) is matched too, by the form's NFD spelling, since the words of an article are never rewritten.
 */
export function aliasPatterns(content: Content): AliasPattern[] {
  return [...content.entities.values()].flatMap((entity) =>
    surfaceForms(entity.data).flatMap((form) => {
      const decomposed = form.text.normalize('NFD');
      const pattern = { ...form, entityId: entity.id };
      return decomposed === form.text ? [pattern] : [pattern, { ...pattern, text: decomposed }];
    }),
  );
}

const EXCERPT_RADIUS = 220;

/**
 * A window of the block's text around its first mark, cut at word boundaries, with the marks moved to match.
 * `toEnd` keeps the text's end: a passage leading into a quote must end where the quote begins.
 */
export function excerptOf(text: string, marks: [number, number][], toEnd = false): Excerpt {
  const first = marks[0];
  if (!first || text.length <= EXCERPT_RADIUS * 2) return { text, marks };
  let from = Math.max(0, first[0] - EXCERPT_RADIUS);
  let to = toEnd ? text.length : Math.min(text.length, first[1] + EXCERPT_RADIUS);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > first[1] ? text.lastIndexOf(' ', to) : to;
  const head = from > 0 ? '… ' : '';
  const tail = to < text.length ? ' …' : '';
  return {
    text: head + text.slice(from, to).trim() + tail,
    marks: marks
      .filter(([s, e]) => s >= from && e <= to)
      .map(([s, e]) => [s - from + head.length, e - from + head.length]),
  };
}

export function buildSiteIndex({
  contentRoot,
  linkMode,
  base,
  ledgerOut,
  linking,
  trustCode = false,
}: SiteIndexOptions): SiteIndex {
  const content = timed('registry', () => loadContent(contentRoot));
  const matcher = timed('matcher', () => new Matcher(aliasPatterns(content)));
  const kindOf = (id: string): EntityKind => content.entities.get(id)!.kind;
  const href = (id: string) => withBase(base, paths.entity(kindOf(id), id));
  // An unknown id (a quote's mistyped speaker) is reported once the document is expanded; until then it is its own name.
  const nameOf = (id: string) => content.entities.get(id)?.data.name ?? id;
  const componentSite: ComponentSite = {
    entity(id) {
      const entity = content.entities.get(id);
      return (
        entity && { name: entity.data.name, href: href(id), kind: entity.kind, isWork: kindInfo(entity.kind).work }
      );
    },
    closestId: (id) => closestId(id, [...content.entities.keys()]),
  };
  const articleContext = new Map<string, DocumentContext>();
  const entityContext = new Map<string, DocumentContext>();
  for (const article of content.articles) {
    articleContext.set(article.slug, {
      declared: article.data.entities,
      linkMode: article.data.linkMode ?? linkMode,
      href,
      kind: kindOf,
      name: nameOf,
    });
  }
  for (const entity of content.entities.values()) {
    entityContext.set(entity.id, { declared: [], self: entity.id, linkMode, href, kind: kindOf, name: nameOf });
  }

  const previousLedger: Record<string, LedgerEntry[]> = existsSync(ledgerFile(contentRoot))
    ? parseLedger(readFileSync(ledgerFile(contentRoot), 'utf8'), ledgerFile(contentRoot))
    : {};
  const ledger: Record<string, LedgerEntry[]> = { ...previousLedger };
  /** Reconciles a page's blocks with its ledger; returns the page's redirects. */
  const publish = (page: string, blocks: AnnotatedBlock[]): Redirect[] => {
    const { entries, redirects } = reconcile(previousLedger[page] ?? [], blocks);
    ledger[page] = entries;
    return redirects;
  };

  const articles = new Map<string, ArticleIndex>();
  const passages = new Map<string, Passage[]>();
  const commentPassages = new Map<string, Passage[]>();
  const quotations = new Map<string, Quotation[]>();
  const coMentions = new Map<string, Map<string, number>>();
  const count = (a: string, b: string) => {
    const row = coMentions.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    coMentions.set(a, row);
  };

  const mentionedOn = new Map<string, string[]>();
  const entityRedirects = new Map<string, Redirect[]>();
  const entityHtml = new Map<string, string>();
  const problems: ContentProblem[] = [];
  /**
   * One document parsed once, then linked and marked (with linking on) and written out as HTML; an article with code
   * is left for @astrojs/mdx to compile (`rehypeArticleModules` links it the same way).
   */
  const renderDocument = (document: Document, page: string, context: DocumentContext, trusted = false) => {
    const tree = timed('parsing', () => parseBody(document, contentRoot));
    const report = (found: BodyProblem[]) =>
      problems.push(...found.map((problem) => bodyProblem(document, contentRoot, problem)));
    report(
      unsafeUrls(tree).map(({ url, line }) => ({
        bodyLine: line,
        message: `links to ${JSON.stringify(url)}; expected ${SAFE_URLS} (a javascript:, vbscript: or data: URL, outside images, is never published)`,
      })),
    );
    report(codeProblems(tree, trusted));
    const linked = linking
      ? timed('linking', () => linkTree(tree, matcher, context, (blocks) => publish(page, blocks)))
      : { blocks: [], redirects: [] };
    const compiled = hasCode(tree);
    const html = timed('parsing', () => {
      report(expandComponents(tree, componentSite));
      return compiled ? undefined : toHtml(tree);
    });
    return { ...linked, html };
  };

  for (const article of content.articles) {
    const { blocks, redirects, html } = renderDocument(
      article,
      paths.article(article.slug),
      articleContext.get(article.slug)!,
      article.data.trusted || trustCode,
    );
    const mentionCounts = new Map<string, number>();
    const voices = articleVoices(article.slug, blocks);
    timed('linking', () => {
      for (const block of blocks) {
        if (block.role === 'heading') continue;
        const marksByEntity = new Map<string, [number, number][]>();
        for (const { entityId, start, end } of block.mentions) {
          mentionCounts.set(entityId, (mentionCounts.get(entityId) ?? 0) + 1);
          marksByEntity.set(entityId, [...(marksByEntity.get(entityId) ?? []), [start, end]]);
        }
        // A reader's comment is linked on the article, and kept apart from the reporting everywhere else.
        const comment = block.voice?.kind === 'comment';
        const introduces = voices.introduced.get(block.id);
        for (const [entityId, marks] of marksByEntity) {
          const into = comment ? commentPassages : passages;
          const list = into.get(entityId) ?? [];
          list.push({
            articleSlug: article.slug,
            blockId: block.id,
            ...(block.section ? { section: block.section } : {}),
            excerpt: excerptOf(block.text, marks, introduces !== undefined),
            ...(introduces ? { introduces } : {}),
          });
          into.set(entityId, list);
        }
        if (comment) continue;
        const present = [...new Set([...marksByEntity.keys(), ...(voices.speakersAround.get(block.id) ?? [])])];
        for (const a of present) for (const b of present) if (a !== b) count(a, b);
      }
      for (const quotation of voices.quotations) {
        if (!('entityId' in quotation.speaker)) continue;
        quotations.set(quotation.speaker.entityId, [...(quotations.get(quotation.speaker.entityId) ?? []), quotation]);
      }
    });
    articles.set(article.slug, {
      blocks,
      mentionCounts,
      redirects,
      html,
      context: articleContext.get(article.slug)!,
      quotations: voices.quotations,
    });
  }

  for (const entity of content.entities.values()) {
    const { blocks, redirects, html } = renderDocument(
      entity,
      paths.entity(entity.kind, entity.id),
      entityContext.get(entity.id)!,
    );
    entityRedirects.set(entity.id, redirects);
    entityHtml.set(entity.id, html!);
    const named = new Set(blocks.flatMap((b) => b.mentions.map((m) => m.entityId)));
    for (const id of named) mentionedOn.set(id, [...(mentionedOn.get(id) ?? []), entity.id]);
  }
  if (problems.length) throw new ContentError(problems);

  // Without linking there are no blocks: the bench's baseline leaves quotes unresolved.
  // Reader comments are no source of events.
  const timeline = buildTimeline(
    content,
    (slug) => (linking ? articles.get(slug)?.blocks.filter((block) => block.voice?.kind !== 'comment') : undefined),
    contentRoot,
  );

  const related = new Map<string, RelatedEntity[]>();
  for (const entity of content.entities.values()) {
    const candidates = new Set([...entity.data.related, ...(coMentions.get(entity.id)?.keys() ?? [])]);
    const ranked = [...candidates]
      .filter((id) => id !== entity.id)
      .map((id) => {
        const explicit = entity.data.related.includes(id) || content.entities.get(id)!.data.related.includes(entity.id);
        const together = coMentions.get(entity.id)?.get(id) ?? 0;
        const reasons = [
          explicit && 'listed as related',
          together > 0 && `mentioned together in ${together} passage${together === 1 ? '' : 's'}`,
        ].filter(Boolean);
        return { id, score: (explicit ? 3 : 0) + together, reason: reasons.join('; ') };
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          content.entities.get(a.id)!.data.name.localeCompare(content.entities.get(b.id)!.data.name),
      );
    related.set(entity.id, ranked);
  }

  if (ledgerOut) {
    // Tell the editor what the build did with each retired id.
    const pages = [
      ...[...articles].map(([slug, article]) => [paths.article(slug), article.redirects] as const),
      ...[...entityRedirects].map(([id, redirects]) => [paths.entity(kindOf(id), id), redirects] as const),
    ];
    for (const [page, redirects] of pages) {
      for (const { from, to, why } of redirects) {
        console.log(
          `Ledger: ${page}#${from} now lands on #${to} (${why === 'edited' ? 'the same paragraph, edited' : 'removed; the nearest paragraph'})`,
        );
      }
    }
  }
  if (ledgerOut && linking)
    writeFileSync(
      ledgerOut,
      `${JSON.stringify(Object.fromEntries(Object.entries(ledger).sort(([a], [b]) => a.localeCompare(b))), null, 1)}\n`,
    );

  return {
    entityHtml,
    content,
    articleTitles: new Map(content.articles.map((article) => [article.slug, article.data.title])),
    matcher,
    articles,
    passages,
    commentPassages,
    quotations,
    componentSite,
    mentionedOn,
    related,
    coMentions,
    timeline,
    articleAt(path) {
      const [folder, file, ...rest] = relative(resolve(contentRoot), resolve(path)).split(sep);
      return folder === 'articles' && file && !rest.length ? articles.get(file.replace(/\.mdx?$/, '')) : undefined;
    },
  };
}

type Document = { body: string; bodyLine: number; file: string };

/**
 * A document's body as hast. A syntax error becomes a ContentError naming the file and the line in it: the parse
 * runs while Astro renders some other file, which Astro would otherwise blame.
 */
function parseBody(document: Document, contentRoot: string) {
  const format = formatOf(document.file);
  try {
    return toHast(document.body, format);
  } catch (error) {
    // The parsers recurse per level: a quote or list inside itself thousands of times deep exhausts the stack.
    if (error instanceof RangeError) {
      throw new ContentError([
        {
          file: `${contentRoot}/${document.file}`,
          message: `nests too deeply to read (a quote, list or component inside itself thousands of levels deep); expected at most a few hundred levels of nesting`,
        },
      ]);
    }
    const reason = (error as { reason?: string }).reason ?? String(error);
    const [, line, column] = /\((\d+):(\d+)/.exec(reason) ?? [];
    const where = line ? `:${Number(line) + document.bodyLine - 1}:${column}` : '';
    throw new ContentError([
      {
        file: `${contentRoot}/${document.file}${where}`,
        message: `the ${format === 'mdx' ? 'MDX' : 'Markdown'} does not parse: ${reason.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)$/, '')}; expected every component closed (<Aside>…</Aside>) or self-closing (<Poem />), and braces and angle brackets in text escaped (\\{, \\<)`,
      },
    ]);
  }
}

/** A problem in a document's body as the editor reads it: the file, and the line in the file. */
function bodyProblem(document: Document, contentRoot: string, { bodyLine, message }: BodyProblem): ContentProblem {
  return {
    file: `${contentRoot}/${document.file}`,
    line: bodyLine === undefined ? undefined : bodyLine + document.bodyLine - 1,
    message,
  };
}

/**
 * The site index for the current content, shared by everything in the process (Astro may load this module more
 * than once: from the config for the rehype plugin, and bundled for the pages). Rebuilt only when a content file
 * changed, which is looked at no more than once a second.
 */
export function getSiteIndex(options: SiteIndexOptions): SiteIndex {
  const slot = globalThis as { [CACHE]?: CacheEntry };
  const key = JSON.stringify(options);
  const now = Date.now();
  const cached = slot[CACHE];
  if (cached && cached.key === key && now - cached.checkedAt < 1000) return cached.index;
  const signature = contentSignature(options.contentRoot);
  if (cached && cached.key === key && cached.signature === signature) {
    cached.checkedAt = now;
    return cached.index;
  }
  const index = buildSiteIndex(options);
  slot[CACHE] = { key, signature, checkedAt: now, index };
  return index;
}

/** Makes the next `getSiteIndex` look at the content files again at once: one of them just changed. */
export function invalidateSiteIndex() {
  const cached = (globalThis as { [CACHE]?: CacheEntry })[CACHE];
  if (cached) cached.checkedAt = 0;
}

const CACHE = Symbol.for('dossier.site-index');
interface CacheEntry {
  key: string;
  signature: string;
  checkedAt: number;
  index: SiteIndex;
}

function contentSignature(root: string): string {
  return listContentFiles(root)
    .map((path) => {
      const { mtimeMs, size } = statSync(join(root, path));
      return `${path}:${mtimeMs}:${size}`;
    })
    .join('|');
}
