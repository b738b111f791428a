/**
 * Turning Pagefind's raw results into what the search UI shows: tidy excerpts without the index-only Chinese terms,
 * and no result that only a lone letter matched. Pure, so it is tested without a browser.
 */

/** Marks the extra terms in the index, so the search UI can tell them from the page's text in an excerpt. */
export const TERMS_OPEN = '⟦';
export const TERMS_CLOSE = '⟧';

/** A piece of an excerpt: text, marked or not. Built as DOM text, never as HTML. */
export interface ExcerptPiece {
  text: string;
  marked: boolean;
}

const MARK = /<mark>([\s\S]*?)<\/mark>/g;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};
const decode = (html: string) => html.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]!);

/**
 * Pagefind's excerpt (escaped text with `<mark>`) as pieces. The index-only terms between ⟦ and ⟧ are dropped; a term
 * marked there is marked instead where the page's own text holds it, so `税` lights up inside 智商税.
 */
export function excerptPieces(excerptHtml: string): ExcerptPiece[] {
  const pieces: ExcerptPiece[] = [];
  let at = 0;
  for (const match of excerptHtml.matchAll(MARK)) {
    if (match.index > at) pieces.push({ text: decode(excerptHtml.slice(at, match.index)), marked: false });
    pieces.push({ text: decode(match[1]!), marked: true });
    at = match.index + match[0].length;
  }
  if (at < excerptHtml.length) pieces.push({ text: decode(excerptHtml.slice(at)), marked: false });

  // Drop everything between the term delimiters (an excerpt may open or close inside them), remembering marks.
  const kept: ExcerptPiece[] = [];
  const hiddenMarks = new Set<string>();
  const whole = pieces.map((p) => p.text).join('');
  const firstOpen = whole.indexOf(TERMS_OPEN);
  const firstClose = whole.indexOf(TERMS_CLOSE);
  // An excerpt may begin inside the terms: then a closing delimiter comes before any opening one.
  let inside = firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen);
  for (const piece of pieces) {
    let text = piece.text;
    let out = '';
    while (text) {
      if (inside) {
        const close = text.indexOf(TERMS_CLOSE);
        if (piece.marked) hiddenMarks.add((close < 0 ? text : text.slice(0, close)).trim());
        if (close < 0) {
          text = '';
        } else {
          inside = false;
          text = text.slice(close + 1);
        }
      } else {
        const open = text.indexOf(TERMS_OPEN);
        if (open < 0) {
          out += text;
          text = '';
        } else {
          out += text.slice(0, open);
          inside = true;
          text = text.slice(open + 1);
        }
      }
    }
    if (out) kept.push({ text: out, marked: piece.marked });
  }
  hiddenMarks.delete('');
  return tidyEdges(marksOnWords(hiddenMarks.size ? remark(kept, [...hiddenMarks]) : kept));
}

/** Marks the first occurrence of each term in the unmarked text. */
function remark(pieces: ExcerptPiece[], terms: string[]): ExcerptPiece[] {
  const result: ExcerptPiece[] = [];
  for (const piece of pieces) {
    if (piece.marked) {
      result.push(piece);
      continue;
    }
    let text = piece.text;
    for (;;) {
      const hits = terms.map((term) => ({ term, index: text.indexOf(term) })).filter((h) => h.index >= 0);
      if (!hits.length) break;
      const first = hits.reduce((a, b) => (b.index < a.index ? b : a));
      if (first.index > 0) result.push({ text: text.slice(0, first.index), marked: false });
      result.push({ text: first.term, marked: true });
      text = text.slice(first.index + first.term.length);
    }
    if (text) result.push({ text, marked: false });
  }
  return result;
}

const PUNCTUATION_BEFORE = /^[^\p{L}\p{N}]+/u;
const PUNCTUATION_AFTER = /[^\p{L}\p{N}]+$/u;

/** Pagefind marks a whole token, "Source," and "“a" included: the mark keeps to the word, punctuation outside it. */
function marksOnWords(pieces: ExcerptPiece[]): ExcerptPiece[] {
  return pieces.flatMap((piece) => {
    if (!piece.marked) return [piece];
    const before = PUNCTUATION_BEFORE.exec(piece.text)?.[0] ?? '';
    const rest = piece.text.slice(before.length);
    const after = PUNCTUATION_AFTER.exec(rest)?.[0] ?? '';
    const word = rest.slice(0, rest.length - after.length);
    if (!word) return [{ text: piece.text, marked: false }];
    return [
      ...(before ? [{ text: before, marked: false }] : []),
      { text: word, marked: true },
      ...(after ? [{ text: after, marked: false }] : []),
    ];
  });
}

/**
 * An excerpt opens at a word and ends after one: punctuation or a space left over from the sentence before it (", so",
 * "” He") or an opening quote or dash it ends on goes; a Han character is a word of its own, so Chinese ends anywhere.
 */
function tidyEdges(pieces: ExcerptPiece[]): ExcerptPiece[] {
  const result: ExcerptPiece[] = [];
  for (const piece of pieces) {
    const previous = result.at(-1);
    if (previous && !previous.marked && !piece.marked) previous.text += piece.text;
    else result.push({ ...piece });
  }
  // Dropping the terms leaves two spaces where they were.
  for (const piece of result) piece.text = piece.text.replace(/\s{2,}/g, ' ');
  const first = result[0];
  if (first && !first.marked) first.text = first.text.replace(/^[\s\p{Pe}\p{Pf}\p{Po}\p{Pd}]+/u, '');
  const last = result.at(-1);
  if (last && !last.marked) last.text = last.text.replace(/[\s\p{Ps}\p{Pi}\p{Pd}]+$/u, '');
  return result.filter((piece) => piece.text);
}

/** The text of an excerpt, as the reader sees it. */
export const excerptText = (pieces: readonly ExcerptPiece[]): string =>
  pieces
    .map((piece) => piece.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

/** A Latin letter or digit alone: a word too short to search for by itself. */
const LONE_LETTER = /^[\p{Script=Latin}\p{N}]$/u;

/**
 * The query as sent to Pagefind: without its one-letter words ("a", "I"), which would match nearly every page; empty
 * when it has no other word.
 */
export function withoutLoneLetters(query: string): string {
  return query
    .split(/\s+/)
    .filter((word) => word && !LONE_LETTER.test(word))
    .join(' ');
}

/**
 * Whether a result matched only the short start of a longer query word: Pagefind, finding no word of the query,
 * searches the longest start of it that is a word, so "Alibabba" finds every page with "a", and "Sorce" every "so".
 * Such a result marks only words of one or two letters that begin a longer word of the query.
 */
export function matchesOnlyShortStarts(excerptHtml: string, query: string): boolean {
  const wanted = query.split(/\s+/).map(fold).filter(Boolean);
  const marked = [...excerptHtml.matchAll(MARK)].map((match) => fold(decode(match[1]!)));
  return (
    marked.length > 0 &&
    marked.every(
      (word) =>
        [...word].length <= 2 &&
        /^[\p{Script=Latin}\p{N}]+$/u.test(word) &&
        wanted.some((queryWord) => queryWord.length > word.length && queryWord.startsWith(word)),
    )
  );
}

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The excerpt with "…" where it cuts its text (the page's, or its paragraph's): a window into the middle of a
 * sentence says so, rather than seeming to start or end there.
 */
export function withEllipses(pieces: ExcerptPiece[], source: string): ExcerptPiece[] {
  const whole = source
    .replace(/⟦[^⟧]*⟧/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const shown = excerptText(pieces);
  const head = shown.slice(0, 24);
  const tail = shown.slice(-24);
  const start = whole.indexOf(head);
  const end = whole.lastIndexOf(tail);
  if (!shown || start < 0 || end < 0) return pieces;
  return [
    ...(start > 0 ? [{ text: '… ', marked: false }] : []),
    ...pieces,
    ...(end + tail.length < whole.length ? [{ text: ' …', marked: false }] : []),
  ];
}

/** A text's words as a title is compared with a query: lower case, two characters or more. */
const wordsOf = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length >= 2);

/**
 * Stable reordering: articles whose title or a heading holds every word of the query come before the rest. Pagefind
 * weighs words by how much of a page they fill, so a short entity page about "open source" outranks the long article
 * titled with it, which is what the reader searching its title wants.
 */
export function articlesByTheirTitleFirst<T extends { kind: string; title: string; headings: readonly string[] }>(
  results: T[],
  query: string,
): T[] {
  const wanted = wordsOf(query);
  if (!wanted.length) return results;
  const holdsQuery = (title: string) => {
    const words = wordsOf(title);
    // A prefix, as Pagefind matches: "source" holds "sourc".
    return wanted.every((word) => words.some((titleWord) => titleWord.startsWith(word)));
  };
  const titled = (result: T) => result.kind === 'article' && [result.title, ...result.headings].some(holdsQuery);
  return [...results.filter(titled), ...results.filter((result) => !titled(result))];
}

/**
 * The title each of a result's paragraphs shows: its heading or speaker, once for a run of paragraphs that share it,
 * and none where it would only repeat the page's own title above it (the paragraphs before the first heading). A
 * paragraph without a title is linked by its excerpt.
 */
export function subResultTitles(pageTitle: string, titles: readonly string[]): (string | undefined)[] {
  return titles.map((title, i) => (title === pageTitle || title === titles[i - 1] ? undefined : title));
}
