/**
 * The site index's first stage: every document parsed once, checked (unsafe links, code), linked and marked (with
 * linking on), its article components expanded, and written out as HTML. An article with code is left for
 * @astrojs/mdx to compile (`rehypeArticleModules` links it the same way). Every problem in every body is collected
 * first, then thrown as one ContentError.
 */
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
import type { Redirect } from '../link/ledger.ts';
import { formatOf, toHast } from '../content/markdown.ts';
import type { Matcher } from '../link/matcher.ts';
import { ContentError, type ContentProblem } from '../content/content-errors.ts';
import { closestId, type ArticleEntry, type Content, type Entity } from '../content/registry.ts';
import { SAFE_URLS, unsafeUrls } from '../content/safe-url.ts';
import { cacheKey, type CachedDocument, type DocumentCache } from './document-cache.ts';

export interface RenderOptions {
  /** The content folder, as messages name it. */
  contentRoot: string;
  linkMode: LinkMode;
  /** Prefix for entity links: the site's base path, `/` at the root. */
  base: string;
  /** False to leave out blocks, ids and links (the bench's baseline). */
  linking: boolean;
  /** True to let every article have code, as if each were marked `trusted: true`. */
  trustCode: boolean;
}

/**
 * The ledger's side of linking a page: reconciles the page's blocks with the ids it published before and gives the
 * retired ids that now land on them.
 */
export type Publish = (page: string, blocks: AnnotatedBlock[]) => Redirect[];

/** A document linked: its blocks (none without linking) and the retired ids that land on them. */
export interface LinkedDocument {
  blocks: AnnotatedBlock[];
  redirects: Redirect[];
}

export interface RenderedArticle extends LinkedDocument {
  article: ArticleEntry;
  /** How the article was linked, for `rehypeArticleModules` to link an article with code the same way. */
  context: DocumentContext;
  /** The body as HTML; absent for an article with code, which @astrojs/mdx compiles. */
  html: string | undefined;
}

export interface RenderedEntity extends LinkedDocument {
  entity: Entity;
  /** The description as HTML. */
  html: string;
}

export interface RenderedDocuments {
  articles: RenderedArticle[];
  entities: RenderedEntity[];
  /** What article components know of the site: a quote's speaker. */
  componentSite: ComponentSite;
}

type Document = { body: string; bodyLine: number; file: string; data: unknown };

/** Rendered documents kept from earlier builds, and what else than its own file a page's rendering depends on. */
export interface RenderCache {
  store: DocumentCache;
  /** Everything outside the document its page's rendering reads: the site's entities, the code, its ledger ids. */
  keyOf: (page: string) => string;
}

/**
 * Every article and every entity description of `content`, in its order, rendered; `publish` keeps the ledger. With
 * a cache, a document rendered before from the same inputs is taken from it, and published as it was.
 */
export function renderDocuments(
  content: Content,
  matcher: Matcher,
  { contentRoot, linkMode, base, linking, trustCode }: RenderOptions,
  publish: Publish,
  cache?: RenderCache,
): RenderedDocuments {
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

  const problems: ContentProblem[] = [];
  /** Parses, checks, links, expands and writes out a document (an article with code is left for @astrojs/mdx). */
  const render = (document: Document, page: string, context: DocumentContext, trusted: boolean): CachedDocument => {
    if (!cache) return renderAfresh(document, page, context, trusted);
    // The context's functions read the site's entities, which the cache's own key covers; JSON leaves them out.
    const key = cacheKey(cache.keyOf(page), document.file, document.body, document.data, context, trusted);
    const kept = cache.store.get(key);
    if (kept) {
      // Published again, for the ledger; the ids it had are part of the key, so the redirects are those kept.
      if (linking) publish(page, kept.blocks);
      return kept;
    }
    const before = problems.length;
    const rendered = renderAfresh(document, page, context, trusted);
    // A document with a problem stops the build, and is read again after the editor's fix.
    if (problems.length === before) cache.store.set(key, rendered);
    return rendered;
  };
  const renderAfresh = (document: Document, page: string, context: DocumentContext, trusted: boolean) => {
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
    const linked: LinkedDocument = linking
      ? timed('linking', () => linkTree(tree, matcher, context, (blocks) => publish(page, blocks)))
      : { blocks: [], redirects: [] };
    // Asked before the components are expanded, which replaces them with plain HTML.
    const compiled = hasCode(tree);
    timed('parsing', () => report(expandComponents(tree, componentSite)));
    return { ...linked, html: compiled ? undefined : timed('parsing', () => toHtml(tree)) };
  };

  const articles = content.articles.map((article): RenderedArticle => {
    const context: DocumentContext = {
      declared: article.data.entities,
      linkMode: article.data.linkMode ?? linkMode,
      href,
      kind: kindOf,
      name: nameOf,
      title: article.data.title,
    };
    const { blocks, redirects, html } = render(
      article,
      paths.article(article.slug),
      context,
      article.data.trusted || trustCode,
    );
    return { article, blocks, redirects, context, html };
  });
  const entities = [...content.entities.values()].map((entity): RenderedEntity => {
    const context: DocumentContext = {
      declared: [],
      self: entity.id,
      linkMode,
      href,
      kind: kindOf,
      name: nameOf,
      title: entity.data.name,
    };
    const { blocks, redirects, html } = render(entity, paths.entity(entity.kind, entity.id), context, false);
    // A description is never compiled: any code in it was reported above, and the build stops.
    return { entity, blocks, redirects, html: html ?? '' };
  });
  if (problems.length) throw new ContentError(problems);
  cache?.store.prune();
  return { articles, entities, componentSite };
}

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
