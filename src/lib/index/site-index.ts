/**
 * Everything the build derives from the content, computed once per build, in stages: every document rendered
 * (render-documents.ts), the mention index gathered from the linked blocks (mention-index.ts), related entities
 * (related.ts), the timeline (timeline.ts), and the ledger grown by the ids the pages publish (grow-ledger.ts).
 * Pages only render what this computed.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { AnnotatedBlock, DocumentContext } from '../link/annotate.ts';
import type { ComponentSite } from '../content/article-components.ts';
import { timed } from '../build/build-timings.ts';
import type { LinkMode } from '../content/content-schema.ts';
import { parseLedger, type Ledger, type Redirect } from '../link/ledger.ts';
import { Matcher, type AliasPattern } from '../link/matcher.ts';
import { listContentFiles, loadContent, surfaceForms, type Content } from '../content/registry.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import type { Quotation } from '../link/voices.ts';
import { renderDocuments } from './render-documents.ts';
import { gatherMentions, mentionedOn, type Passage } from './mention-index.ts';
import { rankRelated, type RelatedEntity } from './related.ts';
import { growLedger, publishPage, redirectNote, type PublishedPage } from './grow-ledger.ts';

export type { Excerpt, Passage } from './mention-index.ts';
export type { RelatedEntity } from './related.ts';

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
  const previousLedger: Ledger = existsSync(ledgerFile(contentRoot))
    ? parseLedger(readFileSync(ledgerFile(contentRoot), 'utf8'), ledgerFile(contentRoot))
    : {};
  const published: PublishedPage[] = [];
  const rendered = renderDocuments(
    content,
    matcher,
    { contentRoot, linkMode, base, linking, trustCode },
    (page, blocks) => {
      const reconciled = publishPage(previousLedger, page, blocks);
      published.push(reconciled);
      return reconciled.redirects;
    },
  );
  const mentions = timed('linking', () =>
    gatherMentions(rendered.articles.map((linked) => ({ ...linked, slug: linked.article.slug }))),
  );
  const articles = new Map<string, ArticleIndex>(
    mentions.articles.map(({ slug, blocks, redirects, html, context, mentionCounts, quotations }) => [
      slug,
      { blocks, mentionCounts, redirects, html, context, quotations },
    ]),
  );

  // Without linking there are no blocks: the bench's baseline leaves quotes unresolved.
  // Reader comments are no source of events.
  const timeline = buildTimeline(
    content,
    (slug) => (linking ? articles.get(slug)?.blocks.filter((block) => block.voice?.kind !== 'comment') : undefined),
    contentRoot,
  );

  const grown = growLedger(previousLedger, published);
  if (ledgerOut) {
    // Tell the editor what the build did with each retired id.
    for (const redirect of grown.redirects) console.log(redirectNote(redirect));
  }
  if (ledgerOut && linking) writeFileSync(ledgerOut, `${JSON.stringify(grown.ledger, null, 1)}\n`);

  return {
    entityHtml: new Map(rendered.entities.map(({ entity, html }) => [entity.id, html])),
    content,
    articleTitles: new Map(content.articles.map((article) => [article.slug, article.data.title])),
    matcher,
    articles,
    passages: mentions.passages,
    commentPassages: mentions.commentPassages,
    quotations: mentions.quotations,
    componentSite: rendered.componentSite,
    mentionedOn: mentionedOn(rendered.entities.map(({ entity, blocks }) => ({ id: entity.id, blocks }))),
    related: rankRelated(content, mentions.coMentions),
    coMentions: mentions.coMentions,
    timeline,
    articleAt(path) {
      const [folder, file, ...rest] = relative(resolve(contentRoot), resolve(path)).split(sep);
      return folder === 'articles' && file && !rest.length ? articles.get(file.replace(/\.mdx?$/, '')) : undefined;
    },
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
