/**
 * The matcher: one Aho-Corasick automaton over every alias of every entity, built once per build. A scan is linear
 * in the text and flat in the number of aliases. No Astro import: the linker and the mention index share it.
 *
 * Rules, in the order they apply:
 * - Latin aliases match at word boundaries (`DeepSeek’s` matches DeepSeek, `Metaverse` does not match Meta);
 *   Han aliases match anywhere, inside unspaced Chinese too.
 * - Aliases are case-sensitive unless marked `ignoreCase`.
 * - On overlap the longest match wins (the alliance's 中国人工智能开源软件发展联盟, not the concept 开源 inside it).
 * - A shared alias (a plural such as "five-year plans") mentions every entity sharing it, on the same span.
 * - Weak aliases count only after a strong alias of the same entity earlier in the document, or when the document
 *   declares the entity; a weak alias shared by several entities goes to the one introduced most recently.
 */

export interface AliasPattern {
  text: string;
  entityId: string;
  weak: boolean;
  ignoreCase: boolean;
  /** A plural naming several entities: each entity sharing it is mentioned by one occurrence. */
  shared: boolean;
}

export interface Match {
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  entityId: string;
  weak: boolean;
  shared: boolean;
}

/** Folds case one code unit at a time, so offsets in the folded text are offsets in the original. */
function foldUnit(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

const LATIN_WORD = /[\p{L}\p{N}\p{M}_]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A character that continues a Latin word: letters and digits of alphabetic scripts, not Han. */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && LATIN_WORD.test(char) && !CJK.test(char);
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Patterns ending here, own and inherited through fail links, by index into `patterns`. */
  out: number[];
  depth: number;
}

export class Matcher {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [], depth: 0 }];
  private readonly patterns: AliasPattern[];
  /** Per pattern: whether its first and last characters need a word boundary outside them. */
  private readonly bounded: { start: boolean; end: boolean }[];

  constructor(patterns: AliasPattern[]) {
    this.patterns = patterns;
    this.bounded = patterns.map(({ text }) => ({ start: isWordChar(text[0]), end: isWordChar(text.at(-1)) }));
    patterns.forEach((pattern, index) => this.insert(pattern.text, index));
    this.link();
  }

  get size(): number {
    return this.patterns.length;
  }

  private insert(text: string, index: number) {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = foldUnit(text.charCodeAt(i));
      let next = this.nodes[state]!.next.get(code);
      if (next === undefined) {
        next = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [], depth: this.nodes[state]!.depth + 1 });
        this.nodes[state]!.next.set(code, next);
      }
      state = next;
    }
    this.nodes[state]!.out.push(index);
  }

  /** Breadth-first fail links; each node's output includes its fail node's, so a scan never walks fail chains for output. */
  private link() {
    const queue: number[] = [...this.nodes[0]!.next.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const node = this.nodes[state]!;
      for (const [code, child] of node.next) {
        let fail = node.fail;
        while (fail !== 0 && !this.nodes[fail]!.next.has(code)) fail = this.nodes[fail]!.fail;
        const target = this.nodes[fail]!.next.get(code);
        const childNode = this.nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        childNode.out.push(...this.nodes[childNode.fail]!.out);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every alias that respects case and word boundaries, overlaps included. */
  candidates(text: string): Match[] {
    const found: Match[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = foldUnit(text.charCodeAt(i));
      let next = this.nodes[state]!.next.get(code);
      while (next === undefined && state !== 0) {
        state = this.nodes[state]!.fail;
        next = this.nodes[state]!.next.get(code);
      }
      state = next ?? 0;
      for (const index of this.nodes[state]!.out) {
        const pattern = this.patterns[index]!;
        const end = i + 1;
        const start = end - pattern.text.length;
        if (!pattern.ignoreCase && !text.startsWith(pattern.text, start)) continue;
        const { start: boundStart, end: boundEnd } = this.bounded[index]!;
        if (boundStart && isWordChar(charBefore(text, start))) continue;
        if (boundEnd && isWordChar(charAt(text, end))) continue;
        found.push({ start, end, entityId: pattern.entityId, weak: pattern.weak, shared: pattern.shared });
      }
    }
    return found;
  }

  /** A scanner for one document: it remembers which entities the document has introduced so far. */
  document(declared: Iterable<string> = []): DocumentScanner {
    return new DocumentScanner(this, declared);
  }
}

function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const code = text.charCodeAt(index - 1);
  // A low surrogate: take the whole astral character.
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  return index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : undefined;
}

/**
 * Picks non-overlapping matches, longest first (leftmost on a tie), and returns them in text order.
 * `taken` marks offsets already used by earlier picks.
 */
function pickLongest(candidates: Match[], taken: Uint8Array): Match[] {
  const picked: Match[] = [];
  const byLength = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const match of byLength) {
    let free = true;
    for (let i = match.start; i < match.end && free; i++) free = taken[i] === 0;
    const sharesSpan = match.shared && picked.some((p) => p.shared && p.start === match.start && p.end === match.end);
    if (!free && !sharesSpan) continue;
    taken.fill(1, match.start, match.end);
    picked.push(match);
  }
  return picked.sort((a, b) => a.start - b.start);
}

export class DocumentScanner {
  /** Entity id -> order of its latest introduction (higher is more recent). */
  private readonly introduced = new Map<string, number>();
  private clock = 0;

  private readonly matcher: Matcher;

  constructor(matcher: Matcher, declared: Iterable<string>) {
    this.matcher = matcher;
    for (const id of declared) this.introduced.set(id, this.clock++);
  }

  isIntroduced(entityId: string): boolean {
    return this.introduced.has(entityId);
  }

  /**
   * The mentions in the next piece of the document, in text order. Strong aliases are resolved first (longest
   * wins); weak aliases then fill the gaps where their entity was introduced before them.
   */
  scan(text: string): Match[] {
    const all = this.matcher.candidates(text);
    const taken = new Uint8Array(text.length);
    const strong = pickLongest(all.filter((m) => !m.weak), taken);
    const weakCandidates = all.filter((m) => m.weak);
    if (!weakCandidates.length) {
      for (const match of strong) this.introduce(match.entityId);
      return strong;
    }

    // Walk in text order so a strong mention introduces its entity for the weak ones after it in the same block.
    const weakByStart = new Map<number, Match[]>();
    for (const match of weakCandidates) weakByStart.set(match.start, [...(weakByStart.get(match.start) ?? []), match]);
    const result: Match[] = [];
    let next = 0;
    const strongByStart = new Map(strong.map((m) => [m.start, m]));
    const starts = [...new Set([...strongByStart.keys(), ...weakByStart.keys()])].sort((a, b) => a - b);
    for (const start of starts) {
      const strongHere = strongByStart.get(start);
      if (strongHere) {
        result.push(strongHere);
        this.introduce(strongHere.entityId);
        next = strongHere.end;
        continue;
      }
      if (start < next) continue;
      const weak = this.resolveWeak(weakByStart.get(start)!, taken);
      if (!weak) continue;
      const sharing = weak.shared
        ? weakByStart.get(start)!.filter((m) => m.shared && m.end === weak.end && this.introduced.has(m.entityId))
        : [weak];
      result.push(...sharing);
      taken.fill(1, weak.start, weak.end);
      next = weak.end;
    }
    return result;
  }

  /** Among weak candidates starting at one offset: the longest free one whose entity was introduced most recently. */
  private resolveWeak(candidates: Match[], taken: Uint8Array): Match | undefined {
    let best: Match | undefined;
    let bestOrder = -1;
    for (const match of candidates) {
      const order = this.introduced.get(match.entityId);
      if (order === undefined || taken.subarray(match.start, match.end).some((t) => t === 1)) continue;
      const longer = !best || match.end - match.start > best.end - best.start;
      const sameLength = best && match.end - match.start === best.end - best.start;
      if (longer || (sameLength && order > bestOrder)) [best, bestOrder] = [match, order];
    }
    return best;
  }

  private introduce(entityId: string) {
    this.introduced.set(entityId, this.clock++);
  }
}
