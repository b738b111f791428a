/**
 * The search client shared by the header dialog and the /search/ page: loads Pagefind on first use, runs a query,
 * and renders results as DOM (never as HTML strings). Loaded only once search is opened.
 */
import { withBase } from '../lib/build/site-url.ts';
import {
  addShard,
  closestNames,
  closestWords,
  emptyNameIndex,
  shardsFor,
  type NameIndex,
  type NameMatch,
  type NameShard,
  type NameShardId,
} from '../lib/search/name-match.ts';
import {
  articlesByTheirTitleFirst,
  excerptPieces,
  excerptText,
  matchesOnlyShortStarts,
  subResultTitles,
  withEllipses,
  withoutLoneLetters,
  type ExcerptPiece,
} from '../lib/search/search-results.ts';
import SEARCH_BUNDLES from 'virtual:dossier/search-bundles';

const BASE = import.meta.env.BASE_URL;
/** The query parameter that carries the search terms to the result page, where they are highlighted. */
const HIGHLIGHT_PARAM = 'highlight';
/**
 * Results are fetched a few at a time: each costs a request for its page's text (about 7 kB for an article), and
 * most readers look at the first few.
 */
const PAGE_SIZE = 5;
/**
 * A last word of one or two Latin letters or digits begins too many words to be worth the index it would fetch (a
 * chunk of some 40 kB per prefix at a thousand articles): it is searched once typing pauses. Chinese is searched at
 * once, one character being a word.
 */
const SHORT_PREFIX = /(?:^|[^\p{L}\p{N}])[\p{Script=Latin}\p{N}]{1,2}$/u;
const SHORT_PREFIX_PAUSE_MS = 300;
const SUB_RESULTS_SHOWN = 3;

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: { element: string; text?: string };
}
interface PagefindData {
  url: string;
  /** The page's indexed text, which the excerpt is a window of. */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundle: string, options: Record<string, unknown>): Promise<void>;
  search(
    query: string,
    options?: { filters?: Record<string, unknown> },
  ): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

export interface SearchResult {
  url: string;
  title: string;
  kind: string;
  kindLabel: string;
  native: string | undefined;
  /** The headings of the sections the query matched in. */
  headings: string[];
  excerpt: ExcerptPiece[];
  /** The page's paragraphs the query matched; a paragraph without a title is linked by its excerpt. */
  subResults: { url: string; title: string | undefined; excerpt: ExcerptPiece[] }[];
}

let pagefind: Promise<Pagefind> | undefined;
const names = emptyNameIndex();
const namesShards = new Map<NameShardId, Promise<void>>();

/**
 * The shards of the entities' names and title words a query needs, each fetched once: without them search still
 * works, only less forgiving.
 */
async function loadNames(query: string): Promise<NameIndex> {
  await Promise.all(
    shardsFor(query).map((shard) => {
      let loading = namesShards.get(shard);
      if (!loading) {
        loading = fetch(`${BASE}search/names/${shard}.json`)
          .then((response) => (response.ok ? (response.json() as Promise<NameShard>) : { names: [], words: [] }))
          .then((data) => void addShard(names, shard, data))
          .catch(() => undefined);
        namesShards.set(shard, loading);
      }
      return loading;
    }),
  );
  return names;
}

/** The entities a query names or nearly names (a typo or two away), from the names index alone: no Pagefind. */
export async function namedEntities(query: string, limit = 3): Promise<NameMatch[]> {
  return closestNames(await loadNames(query), query, limit);
}

function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${BASE}${SEARCH_BUNDLES[0]}pagefind.js`)) as Pagefind;
    const options = { baseUrl: BASE, highlightParam: HIGHLIGHT_PARAM };
    await module.options(options);
    await mergeShardIndexes(module, options);
    return module;
  })();
  return pagefind;
}

/**
 * A site built in shards has one Pagefind bundle per shard: the first one searches the others too, with the same
 * options (Pagefind applies options per index).
 */
async function mergeShardIndexes(engine: Pagefind, options: Record<string, unknown>): Promise<void> {
  await Promise.all(SEARCH_BUNDLES.slice(1).map((bundle) => engine.mergeIndex(`${BASE}${bundle}`, options)));
}

function toResult(data: PagefindData): SearchResult {
  const title = data.meta.title ?? data.url;
  const excerpt = withEllipses(excerptPieces(data.excerpt), data.content);
  const paragraphs = data.sub_results.filter((sub) => sub.anchor !== undefined).slice(0, SUB_RESULTS_SHOWN);
  const titles = subResultTitles(
    title,
    paragraphs.map((sub) => sub.title),
  );
  const subResults = paragraphs.map((sub, i) => ({
    url: sub.url,
    title: titles[i],
    // A paragraph's own text is known when its element holds it; a quote's is in the elements inside it.
    excerpt: sub.anchor?.text ? withEllipses(excerptPieces(sub.excerpt), sub.anchor.text) : excerptPieces(sub.excerpt),
  }));
  // The page's excerpt is shown once: by the paragraph it comes from, which links to it and names its speaker.
  const shown = excerptText(excerptPieces(data.excerpt));
  const repeated = subResults.some((sub) => excerptText(sub.excerpt).includes(shown));
  return {
    url: data.url,
    title,
    kind: data.filters.kind?.[0] ?? 'article',
    kindLabel: data.meta.kind ?? '',
    native: data.meta.native,
    headings: data.sub_results.filter((sub) => /^h\d$/.test(sub.anchor?.element ?? '')).map((sub) => sub.title),
    excerpt: repeated ? [] : excerpt,
    subResults,
  };
}

export interface SearchResponse {
  total: number;
  /** The first few results: the page of the entity the query names (or nearly names, a typo or two away) first. */
  results: SearchResult[];
  /** The next few results; none once all are loaded. */
  more(): Promise<SearchResult[]>;
  /** The names the query is a typo or two away from, when it is none of them exactly: "Did you mean …?" */
  suggestions: string[];
}

/**
 * The results for a query, optionally only of some kinds; `undefined` for an empty query, and for one whose `signal`
 * was aborted before its results were fetched: while a reader types, only the query still current costs requests.
 */
export async function search(
  query: string,
  { kinds = [], signal }: { kinds?: string[]; signal?: AbortSignal } = {},
): Promise<SearchResponse | undefined> {
  if (!query.trim()) return undefined;
  if (SHORT_PREFIX.test(query)) await new Promise((resolve) => setTimeout(resolve, SHORT_PREFIX_PAUSE_MS));
  if (signal?.aborted) return undefined;
  const [engine, nameIndex] = await Promise.all([loadPagefind(), loadNames(query)]);
  // Keystrokes made while Pagefind loaded: only the last is searched.
  if (signal?.aborted) return undefined;
  const filters = kinds.length ? { filters: { kind: { any: kinds } } } : {};
  const words = withoutLoneLetters(query);
  const response = words ? await engine.search(words, filters) : { results: [] };
  if (!response || signal?.aborted) return undefined;
  /** The pages already listed: an entity put first for a typo is not listed again when Pagefind's results reach it. */
  const listed = new Set<string>();
  let loaded = 0;
  /** Set once a whole page of results matched only a short start of a query word: the rest, ranked lower, did too. */
  let onlyShortStarts = false;
  const next = async () => {
    if (onlyShortStarts) return [];
    const page = await Promise.all(response.results.slice(loaded, loaded + PAGE_SIZE).map((result) => result.data()));
    loaded += page.length;
    const matched = page.filter((data) => !matchesOnlyShortStarts(data.excerpt, words));
    onlyShortStarts = page.length > 0 && matched.length === 0;
    return matched.map(toResult).filter((result) => !listed.has(pageOf(result.url)) && listed.add(pageOf(result.url)));
  };
  const near = closestNames(nameIndex, query).filter((match) => !kinds.length || kinds.includes(match.kind));
  let results = await next();
  let total = onlyShortStarts ? 0 : response.results.length - (Math.min(PAGE_SIZE, loaded) - results.length);
  results = articlesByTheirTitleFirst(results, query);
  const named = near[0];
  if (named) {
    // The entity the query names, nearly names or holds the name of comes first: from these results, or found by
    // its own name.
    const url = withBase(BASE, named.page);
    const own = results.find((result) => pageOf(result.url) === url) ?? (await pageNamed(engine, named, url, filters));
    if (signal?.aborted) return undefined;
    if (own) {
      if (!results.includes(own)) total += 1;
      listed.add(pageOf(own.url));
      results = [own, ...results.filter((result) => result !== own)];
    }
  }
  const typos = named && named.edits > 0 ? near.filter((match) => match.edits > 0).map((match) => match.name) : [];
  // Title words are offered when full-text search finds little, and the query is not a name.
  const titleWords = total < PAGE_SIZE && !(named?.edits === 0) ? closestWords(nameIndex, query) : [];
  const suggestions = [...new Set([...typos, ...titleWords])].slice(0, 3);
  return { total, results, more: next, suggestions };
}

/** A result's page, without the words to highlight that Pagefind adds to its address. */
const pageOf = (url: string): string => url.split(/[?#]/)[0] ?? url;

/** The result for an entity's page, searched for by its name: the query was a typo of it. */
async function pageNamed(
  engine: Pagefind,
  named: NameMatch,
  url: string,
  filters: { filters?: Record<string, unknown> },
): Promise<SearchResult | undefined> {
  const response = await engine.search(named.name, filters);
  for (const result of response?.results.slice(0, PAGE_SIZE) ?? []) {
    const data = await result.data();
    if (pageOf(data.url) === url) return toResult(data);
  }
  return undefined;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function excerptNode(pieces: ExcerptPiece[]): HTMLParagraphElement {
  return element(
    'p',
    'mt-1 text-sm text-muted',
    ...pieces.map((piece) => (piece.marked ? element('mark', '', piece.text) : piece.text)),
  );
}

/**
 * Fills `list` with the results, and a button that loads more while there are more. Every link (and the button)
 * carries `data-search-result` for keyboard navigation.
 */
export function renderResults(list: HTMLElement, response: SearchResponse | undefined) {
  list.replaceChildren(...(response?.results ?? []).map(resultItem));
  if (!response || response.total <= response.results.length) return;
  let shown = response.results.length;
  const button = element('button', 'rounded border border-rule px-3 py-1 text-sm', 'Show more results');
  button.type = 'button';
  button.dataset.searchResult = '';
  const item = element('li', 'py-3', button);
  button.addEventListener('click', async () => {
    const items = (await response.more()).map(resultItem);
    shown += items.length;
    item.before(...items);
    if (shown >= response.total || !items.length) item.remove();
    // The reader goes on where the new results begin.
    items[0]?.querySelector<HTMLElement>('[data-search-result]')?.focus();
  });
  list.append(item);
}

function resultItem(result: SearchResult): HTMLLIElement {
  const title = element('a', 'font-semibold', result.title);
  title.href = result.url;
  title.dataset.searchResult = '';
  const heading = element('p', 'flex flex-wrap items-baseline gap-x-2', title);
  if (result.native) {
    const native = element('span', 'text-muted', result.native);
    native.lang = 'zh';
    heading.append(native);
  }
  const badge = element('span', 'kind-badge', result.kindLabel);
  badge.dataset.kind = result.kind;
  heading.append(badge);
  const item = element('li', 'search-result py-3', heading);
  if (result.excerpt.length) item.append(excerptNode(result.excerpt));
  if (result.subResults.length) {
    item.append(
      element(
        'ul',
        'mt-2 space-y-2 border-l-2 border-rule pl-3',
        ...result.subResults.map((sub) => {
          const excerpt = excerptNode(sub.excerpt);
          const link = element('a', sub.title ? 'text-sm' : 'block', sub.title ?? excerpt);
          link.href = sub.url;
          link.dataset.searchResult = '';
          return sub.title ? element('li', '', link, excerpt) : element('li', '', link);
        }),
      ),
    );
  }
  return item;
}

export function statusText(query: string, total: number): string {
  if (!query.trim()) return '';
  return total === 0 ? `No results for “${query}”.` : `${total} result${total === 1 ? '' : 's'} for “${query}”.`;
}

/** The count of results, and "Did you mean …?" with a button per name that searches for it instead. */
export function renderStatus(
  status: HTMLElement,
  query: string,
  response: SearchResponse | undefined,
  searchFor: (name: string) => void,
) {
  status.replaceChildren(statusText(query, response?.total ?? 0));
  const suggestions = response?.suggestions ?? [];
  if (!suggestions.length) return;
  status.append(
    ' Did you mean ',
    ...suggestions.flatMap((name, i) => {
      const button = element('button', 'underline', name);
      button.type = 'button';
      button.addEventListener('click', () => searchFor(name));
      return [i === 0 ? '' : i === suggestions.length - 1 ? ' or ' : ', ', button];
    }),
    '?',
  );
}

/** Arrow keys move between the search input and the result links. */
export function arrowNavigation(input: HTMLInputElement, list: HTMLElement) {
  const links = () => [...list.querySelectorAll<HTMLElement>('[data-search-result]')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = links()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? all[index + 1] : all[index - 1];
    (next ?? (event.key === 'ArrowUp' ? input : all[index]))!.focus();
  });
}
