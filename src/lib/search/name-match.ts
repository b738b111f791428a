/**
 * Reading a query as a name the site knows: the half of the names index that runs in the browser. It imports no
 * dictionary (the build's name-index.ts does, to spell Chinese names in pinyin), so search's own script stays small.
 *
 * The index comes in shards by the length of the folded key: a query can only be a few edits from keys of about its
 * own length (edit distance is at least the difference in length), so it fetches the two to five shards around its
 * length, not every name of the site. Keys holding Han characters have shards of their own (`zh-3`): a Chinese query
 * matches only as written, and a Latin one never matches them, so neither fetches the other's (at 2,000 entities the
 * Chinese names of two to four characters are most of the index).
 */
import { distance } from 'fastest-levenshtein';

/** Keys this long or longer share the last shard: few names are, and a query that long is rare. */
export const LONGEST_SHARD = 32;

/** A shard's name, as its file is named: the key length, after `zh-` for keys with Han characters. */
export type NameShardId = `${number}` | `zh-${number}`;

/** Every shard there is, so that a site writes each (an empty one too: a query never asks for a file not there). */
export const ALL_NAME_SHARDS: NameShardId[] = Array.from({ length: LONGEST_SHARD }, (_, i) => [
  `${i + 1}` as const,
  `zh-${i + 1}` as const,
]).flat();

/** One entity in a shard: its page (site-relative), the name to offer, its kind, then its other keys of that length. */
export type NameRow = [page: string, name: string, kind: string, ...keys: string[]];
/** One shard: the entities with a key of its length, and the articles' title words of its length. */
export interface NameShard {
  names: NameRow[];
  words: string[];
}

/**
 * A name as it is compared: NFKC, lower case, accents and everything but letters and digits left out, so "RISC-V",
 * "risc v" and "Risc‑V" are one key, and "Kai-fu" is "kaifu".
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const HAN = /\p{Script=Han}/u;

/** The shard a key belongs to: its script, and its length in characters (a Han character is one), the longest together. */
export const nameShardOf = (key: string): NameShardId => shardOfLength([...key].length, HAN.test(key));
const shardOfLength = (length: number, han = false): NameShardId =>
  `${han ? 'zh-' : ''}${Math.min(length, LONGEST_SHARD)}` as NameShardId;

/**
 * How many edits a query may be from a name and still be read as it: none for a short one (three letters are a
 * letter away from too many names), one from five letters, two from seven. Han characters each carry a word, so a
 * Chinese query matches only as written.
 */
function allowedEdits(key: string): number {
  if (HAN.test(key)) return 0;
  const length = [...key].length;
  return length >= 7 ? 2 : length >= 5 ? 1 : 0;
}

/** The most words of a query read together as one name ("Liang Wenfeng interview" holds a name of two). */
const LONGEST_NAME_WORDS = 4;

/**
 * What a query is compared with: the whole query folded, which may be a typo or two from a name, and every run of
 * its words, which must be a name exactly ("DeepSeek open source" holds DeepSeek).
 */
export function queryKeys(query: string): { whole: string; allowed: number; spans: string[] } {
  const whole = foldName(query);
  const words = query.split(/\s+/).map(foldName).filter(Boolean);
  const spans = new Set<string>();
  for (let start = 0; start < words.length; start++)
    for (let end = start + 1; end <= Math.min(words.length, start + LONGEST_NAME_WORDS); end++) {
      const span = words.slice(start, end).join('');
      if (span !== whole && [...span].length >= 2) spans.add(span);
    }
  return { whole, allowed: whole ? allowedEdits(whole) : 0, spans: [...spans] };
}

/** The shards a query needs: around the whole query's length, and each of its runs of words exactly. */
export function shardsFor(query: string): NameShardId[] {
  const { whole, allowed, spans } = queryKeys(query);
  if (!whole) return [];
  const shards = new Set<NameShardId>();
  const length = [...whole].length;
  for (let at = Math.max(1, length - allowed); at <= length + allowed; at++)
    shards.add(shardOfLength(at, HAN.test(whole)));
  for (const span of spans) shards.add(nameShardOf(span));
  return [...shards];
}

interface Entity {
  page: string;
  name: string;
  kind: string;
  keys: Set<string>;
}
/** The shards loaded so far, with every key folded once, when its shard arrived. */
export interface NameIndex {
  entities: Map<string, Entity>;
  /** Title words by their folded key, as the titles write them. */
  words: Map<string, string>;
}

export const emptyNameIndex = (): NameIndex => ({ entities: new Map(), words: new Map() });

/** Adds a shard to the index: a row's name is among its keys when the name folds to the shard's length. */
export function addShard(index: NameIndex, shard: NameShardId, { names, words }: NameShard): NameIndex {
  for (const [page, name, kind, ...keys] of names) {
    const entity = index.entities.get(page) ?? { page, name, kind, keys: new Set<string>() };
    const own = foldName(name);
    if (own && nameShardOf(own) === shard) entity.keys.add(own);
    for (const key of keys) entity.keys.add(key);
    index.entities.set(page, entity);
  }
  for (const word of words) index.words.set(foldName(word), word);
  return index;
}

export interface NameMatch {
  page: string;
  name: string;
  kind: string;
  /** Edits between the query and the closest of the entity's keys: 0 when the query is, or holds, one of its names. */
  edits: number;
  /** The query holds the name among other words, rather than being it. */
  within: boolean;
}

/**
 * The entities the query names: those it is, or is within a few typos of, the closest first; then those whose name
 * is a run of its words, the longest name first. At most `limit`.
 */
export function closestNames(index: NameIndex, query: string, limit = 3): NameMatch[] {
  const { whole, allowed, spans } = queryKeys(query);
  if (!whole) return [];
  const close: NameMatch[] = [];
  const within: (NameMatch & { length: number })[] = [];
  for (const { page, name, kind, keys } of index.entities.values()) {
    let best = Infinity;
    let longestSpan = 0;
    for (const key of keys) {
      // Edit distance is at least the difference in length: most keys are ruled out without computing it.
      if (Math.abs(key.length - whole.length) <= allowed)
        best = Math.min(best, key === whole ? 0 : distance(key, whole));
      if (spans.includes(key)) longestSpan = Math.max(longestSpan, key.length);
    }
    if (best <= allowed) close.push({ page, name, kind, edits: best, within: false });
    else if (longestSpan) within.push({ page, name, kind, edits: 0, within: true, length: longestSpan });
  }
  close.sort((a, b) => a.edits - b.edits || a.name.localeCompare(b.name));
  within.sort((a, b) => b.length - a.length || a.name.localeCompare(b.name));
  return [...close, ...within.map(({ length: _, ...match }) => match)].slice(0, limit);
}

/** The articles' title words a query is a typo or two away from (never one it is): "Did you mean …?" */
export function closestWords(index: NameIndex, query: string, limit = 3): string[] {
  const { whole, allowed } = queryKeys(query);
  if (!allowed) return [];
  return [...index.words]
    .filter(([key]) => key !== whole && Math.abs(key.length - whole.length) <= allowed)
    .map(([key, word]) => ({ word, edits: distance(key, whole) }))
    .filter(({ edits }) => edits <= allowed)
    .sort((a, b) => a.edits - b.edits || a.word.localeCompare(b.word))
    .slice(0, limit)
    .map(({ word }) => word);
}
