/**
 * Turning Pagefind's raw results into what the search UI shows: excerpts without the index-only Chinese terms, and
 * an entity's own page first when the query is one of its names. Pure, so it is tested without a browser.
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
  return hiddenMarks.size ? remark(kept, [...hiddenMarks]) : kept;
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

const normalize = (text: string) =>
  text.normalize('NFKC').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

/**
 * Stable reordering: results whose own names include the query come first. Pagefind ranks by words; a page named
 * "DeepSeek-R1" can outrank the DeepSeek page for "DeepSeek", and a reader typing a name wants that name's page.
 */
export function ownPageFirst<T extends { names: readonly string[] }>(results: T[], query: string): T[] {
  const wanted = normalize(query);
  const isOwn = (result: T) => result.names.some((name) => normalize(name) === wanted);
  return [...results.filter(isOwn), ...results.filter((r) => !isOwn(r))];
}
