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

/**
 * Transitions (state, code unit) -> state in one open-addressing hash table of typed arrays: a scan reads a few
 * adjacent numbers per character instead of chasing one Map object per state, which keeps a large automaton fast.
 */
class TransitionTable {
  private readonly mask: number;
  private readonly states: Int32Array;
  private readonly codes: Int32Array;
  private readonly targets: Int32Array;

  constructor(transitions: Map<number, number>[]) {
    const count = transitions.reduce((sum, map) => sum + map.size, 0);
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.states = new Int32Array(capacity).fill(-1);
    this.codes = new Int32Array(capacity);
    this.targets = new Int32Array(capacity);
    transitions.forEach((map, state) => {
      for (const [code, target] of map) {
        let slot = this.slot(state, code);
        while (this.states[slot] !== -1) slot = (slot + 1) & this.mask;
        this.states[slot] = state;
        this.codes[slot] = code;
        this.targets[slot] = target;
      }
    });
  }

  private slot(state: number, code: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.mask;
  }

  /** The target state, or -1 when there is no transition. */
  get(state: number, code: number): number {
    const { states, codes, mask } = this;
    for (let slot = this.slot(state, code); ; slot = (slot + 1) & mask) {
      const at = states[slot]!;
      if (at === -1) return -1;
      if (at === state && codes[slot] === code) return this.targets[slot]!;
    }
  }
}

/**
 * An Aho-Corasick automaton over some patterns' texts, optionally case-folded. The root's transitions are a dense
 * table: most characters of running text leave the automaton at the root, and an array read beats a hash lookup.
 */
class Automaton {
  /** Transitions while building; frozen into `table` once the fail links are known. */
  private next: Map<number, number>[] = [new Map()];
  private table: TransitionTable | undefined;
  private readonly rootNext = new Int32Array(0x10000);
  private fail: Int32Array = new Int32Array(1);
  /** Patterns ending at each state, own and inherited through fail links, by index into the Matcher's patterns. */
  private readonly out: number[][] = [[]];
  private readonly fold: boolean;

  constructor(entries: { text: string; index: number }[], fold: boolean) {
    this.fold = fold;
    for (const { text, index } of entries) this.insert(text, index);
    this.link();
    this.table = new TransitionTable(this.next);
    this.next = [];
  }

  private code(text: string, i: number): number {
    const code = text.charCodeAt(i);
    return this.fold ? foldUnit(code) : code;
  }

  private insert(text: string, index: number) {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = this.code(text, i);
      let next = this.next[state]!.get(code);
      if (next === undefined) {
        next = this.next.length;
        this.next.push(new Map());
        this.out.push([]);
        this.next[state]!.set(code, next);
        if (state === 0) this.rootNext[code] = next;
      }
      state = next;
    }
    this.out[state]!.push(index);
  }

  /** Breadth-first fail links; each state's output includes its fail state's, so a scan never walks fail chains for output. */
  private link() {
    this.fail = new Int32Array(this.next.length);
    const queue: number[] = [...this.next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, child] of this.next[state]!) {
        let fail = this.fail[state]!;
        while (fail !== 0 && !this.next[fail]!.has(code)) fail = this.fail[fail]!;
        const target = this.next[fail]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.out[child]!.push(...this.out[this.fail[child]!]!);
        queue.push(child);
      }
    }
  }

  /** Calls `visit` with the pattern index and end offset of every occurrence, in order of end offset. */
  scan(text: string, visit: (index: number, end: number) => void) {
    const { rootNext, fail, out } = this;
    const table = this.table!;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = this.code(text, i);
      for (;;) {
        if (state === 0) {
          state = rootNext[code]!;
          break;
        }
        const to = table.get(state, code);
        if (to !== -1) {
          state = to;
          break;
        }
        state = fail[state]!;
      }
      const ending = out[state]!;
      for (let k = 0; k < ending.length; k++) visit(ending[k]!, i + 1);
    }
  }
}

export class Matcher {
  private readonly patterns: AliasPattern[];
  /** Per pattern: whether its first and last characters need a word boundary outside them. */
  private readonly bounded: { start: boolean; end: boolean }[];
  /**
   * Case-sensitive aliases walk an exact automaton, so lowercase prose seldom enters it past the root; the few
   * case-insensitive ones get a folded automaton of their own.
   */
  private readonly exact: Automaton;
  private readonly folded: Automaton | undefined;

  constructor(patterns: AliasPattern[]) {
    this.patterns = patterns;
    this.bounded = patterns.map(({ text }) => ({ start: isWordChar(text[0]), end: isWordChar(text.at(-1)) }));
    const entries = patterns.map(({ text, ignoreCase }, index) => ({ text, index, ignoreCase }));
    this.exact = new Automaton(
      entries.filter((e) => !e.ignoreCase),
      false,
    );
    const folded = entries.filter((e) => e.ignoreCase);
    this.folded = folded.length ? new Automaton(folded, true) : undefined;
  }

  /** Every occurrence of every alias that respects word boundaries, overlaps included, in no particular order. */
  candidates(text: string): Match[] {
    const found: Match[] = [];
    const visit = (index: number, end: number) => {
      const pattern = this.patterns[index]!;
      const start = end - pattern.text.length;
      const { start: boundStart, end: boundEnd } = this.bounded[index]!;
      if (boundStart && isWordChar(charBefore(text, start))) return;
      if (boundEnd && isWordChar(charAt(text, end))) return;
      found.push({ start, end, entityId: pattern.entityId, weak: pattern.weak, shared: pattern.shared });
    };
    this.exact.scan(text, visit);
    this.folded?.scan(text, visit);
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

  /**
   * The mentions in the next piece of the document, in text order. Strong aliases are resolved first (longest
   * wins); weak aliases then fill the gaps where their entity was introduced before them.
   */
  scan(text: string): Match[] {
    const all = this.matcher.candidates(text);
    const taken = new Uint8Array(text.length);
    const strong = pickLongest(
      all.filter((m) => !m.weak),
      taken,
    );
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
