/**
 * Everything the build derives from the content, computed once per build, in stages: every document rendered
 * (render-documents.ts), the mention index gathered from the linked blocks (mention-index.ts), related entities
 * (related.ts), the timeline (timeline.ts), and the ledger grown by the ids the pages publish (grow-ledger.ts).
 * It takes the content and the ledger as read, and reads, writes and prints nothing: site-index.ts reads the
 * content folder, and the build writes the grown ledger (src/integrations/ledger.ts). Pages only render what this
 * computed.
 */
import { relative, resolve, sep } from 'node:path';
import type { AnnotatedBlock, DocumentContext } from '../link/annotate.ts';
import type { ComponentSite } from '../content/article-components.ts';
import { timed } from '../build/build-timings.ts';
import type { EntityId, LinkMode } from '../content/content-schema.ts';
import type { Ledger, Redirect } from '../link/ledger.ts';
import { Matcher, type AliasPattern } from '../link/matcher.ts';
import { surfaceForms, type Content } from '../content/registry.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import type { Quotation } from '../link/voices.ts';
import { renderDocuments } from './render-documents.ts';
import { cacheKey, folderCache } from './document-cache.ts';
import { kindTable } from '../content/kinds.ts';
import { gatherMentions, mentionedOn, type Passage } from './mention-index.ts';
import { rankRelated, type RelatedEntity } from './related.ts';
import { growLedger, publishPage, type PageRedirect, type PublishedPage } from './grow-ledger.ts';

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
  mentionedOn: Map<string, EntityId[]>;
  related: Map<string, RelatedEntity[]>;
  /**
   * Entity id -> other entity id -> number of passages naming both (symmetric; headings and reader comments do not
   * count). A quoted passage names its speaker, and an interview turn everyone speaking in the interview.
   */
  coMentions: Map<string, Map<EntityId, number>>;
  /** Entity id -> its description as HTML, linked like an article's body. */
  entityHtml: Map<string, string>;
  /** Every dated event, in chronological order, each entity event with the paragraph its quote is in. */
  timeline: TimelineEvent[];
  /** The article whose file is at `path` (absolute, or relative to the working directory), if it is one. */
  articleAt(path: string): ArticleIndex | undefined;
}

export interface SiteIndexOptions {
  /** The content folder the files were read from: messages name files in it, and `articleAt` looks there. */
  contentRoot: string;
  linkMode: LinkMode;
  /** Prefix for entity links: the site's base path, `/` at the root. */
  base: string;
  /** False to build without linking and the mention index (the bench's baseline): blocks, ids and links are left out. */
  linking: boolean;
  /** True to let every article have code, as if each were marked `trusted: true`. */
  trustCode?: boolean | undefined;
  /**
   * Where rendered documents are kept between builds (document-cache.ts), and the fingerprint of the code that
   * renders them. None: every document is rendered afresh, as the tools and tests do.
   */
  cache?: { folder: string; code: string } | undefined;
}

/** The site index, and what the build keeps of it: the grown ledger and where each retired id now lands. */
export interface IndexedSite {
  index: SiteIndex;
  /** The previous ledger with every id the pages publish now; none without linking, which publishes no ids. */
  ledger: Ledger | undefined;
  /** Every retired id and the block it lands on now, page by page. */
  redirects: PageRedirect[];
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

/** Indexes `content`, whose pages published the ids of `previousLedger` (`{}` before the first build). */
export function indexContent(
  content: Content,
  previousLedger: Ledger,
  { contentRoot, linkMode, base, linking, trustCode = false, cache }: SiteIndexOptions,
): IndexedSite {
  const matcher = timed('matcher', () => new Matcher(aliasPatterns(content)));
  const published: PublishedPage[] = [];
  // What every page's rendering reads besides its own file: the code, the options, the kinds and every entity's names.
  const siteKey =
    cache &&
    cacheKey(
      cache.code,
      [linkMode, base, linking, trustCode],
      kindTable(),
      [...content.entities.values()].map(({ id, kind, data }) => [id, kind, data]),
    );
  const rendered = renderDocuments(
    content,
    matcher,
    { contentRoot, linkMode, base, linking, trustCode },
    (page, blocks) => {
      const reconciled = publishPage(previousLedger, page, blocks);
      published.push(reconciled);
      return reconciled.redirects;
    },
    cache && { store: folderCache(cache.folder), keyOf: (page) => cacheKey(siteKey, previousLedger[page] ?? []) },
  );
  const mentions = timed('linking', () =>
    gatherMentions(
      content,
      rendered.articles.map((linked) => ({ ...linked, slug: linked.article.slug })),
    ),
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
  const { ledger, redirects } = growLedger(previousLedger, published);

  const index: SiteIndex = {
    entityHtml: new Map(rendered.entities.map(({ entity, html }) => [entity.id, html])),
    content,
    articleTitles: new Map(content.articles.map((article) => [article.slug, article.data.title])),
    matcher,
    articles,
    passages: mentions.passages,
    commentPassages: mentions.commentPassages,
    quotations: mentions.quotations,
    componentSite: rendered.componentSite,
    mentionedOn: mentionedOn(
      content,
      rendered.entities.map(({ entity, blocks }) => ({ id: entity.id, blocks })),
    ),
    related: rankRelated(content, mentions.coMentions),
    coMentions: mentions.coMentions,
    timeline,
    articleAt(path) {
      const [folder, file, ...rest] = relative(resolve(contentRoot), resolve(path)).split(sep);
      return folder === 'articles' && file && !rest.length ? articles.get(file.replace(/\.mdx?$/, '')) : undefined;
    },
  };
  return { index, ledger: linking ? ledger : undefined, redirects };
}
