/**
 * Names that forgive typos. The site knows every entity's names, so a query a letter or two away from one ("Tencnet",
 * "Robin Lee") is read as that name. The index is every entity's names and aliases, both scripts, and the toneless
 * pinyin of its Chinese ones, folded to the letters and digits a reader types; it is loaded with search, and
 * matched by edit distance (fastest-levenshtein).
 */
import { distance } from 'fastest-levenshtein';
import { pinyinTerms, toSimplified, toTraditional } from './search-terms.ts';

/** One entity: its page (site-relative), the name to offer, its kind, then the folded keys it answers to besides its name. */
export type NameEntry = [page: string, name: string, kind: string, ...keys: string[]];
export interface NameIndex {
  entries: NameEntry[];
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

/** The index of a site's entities, from each one's page, name and every strong surface form. */
export function nameIndexOf(
  entities: { page: string; name: string; kind: string; forms: readonly string[] }[],
): NameIndex {
  return {
    entries: entities.map(({ page, name, kind, forms }) => {
      const keys = new Set<string>();
      for (const form of [name, ...forms]) {
        // The whole pinyin only: the shorter spellings pinyinTerms adds are for prefix search, and would read a
        // syllable ("wei") as a name.
        const [wholePinyin = ''] = pinyinTerms(form).filter((term) => !term.includes(' '));
        for (const variant of [form, toSimplified(form), toTraditional(form), wholePinyin]) {
          const key = foldName(variant);
          if (key) keys.add(key);
        }
      }
      // The name's own key is the name folded, which the reader of the index folds again.
      keys.delete(foldName(name));
      return [page, name, kind, ...keys] as NameEntry;
    }),
  };
}

/**
 * How many edits a query may be from a name and still be read as it: none for a short one (three letters are a
 * letter away from too many names), one from five letters, two from seven. Han characters each carry a word, so a
 * Chinese query matches only as written.
 */
function allowedEdits(key: string): number {
  if (/\p{Script=Han}/u.test(key)) return 0;
  return key.length >= 7 ? 2 : key.length >= 5 ? 1 : 0;
}

export interface NameMatch {
  page: string;
  name: string;
  kind: string;
  /** Edits between the query and the closest of the entity's keys: 0 when the query is one of its names. */
  edits: number;
}

/** The entities whose names the query is, or is within a few typos of: the closest first, at most `limit`. */
export function closestNames(index: NameIndex, query: string, limit = 3): NameMatch[] {
  const wanted = foldName(query);
  if (!wanted) return [];
  const allowed = allowedEdits(wanted);
  const matches: NameMatch[] = [];
  for (const [page, name, kind, ...keys] of index.entries) {
    let best = Infinity;
    for (const key of [foldName(name), ...keys]) {
      // Edit distance is at least the difference in length: most keys are ruled out without computing it.
      if (Math.abs(key.length - wanted.length) > allowed) continue;
      best = Math.min(best, key === wanted ? 0 : distance(key, wanted));
      if (best === 0) break;
    }
    if (best <= allowed) matches.push({ page, name, kind, edits: best });
  }
  return matches.sort((a, b) => a.edits - b.edits || a.name.localeCompare(b.name)).slice(0, limit);
}
