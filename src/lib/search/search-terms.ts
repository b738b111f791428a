/**
 * Extra search terms that make Chinese findable on English pages.
 *
 * Pagefind indexes every page as `lang="en"`; it does not segment Chinese there, so a run of Han characters is one
 * word, found only by a query that is a prefix of it (`智商` finds 智商税, `税` does not). Indexing every suffix of a
 * run makes every substring a prefix of some term, so any Chinese word inside the text is found; each term also comes
 * in the other script (李開復 / 李开复). Entity pages add toneless pinyin of their Chinese names (`huanfang`).
 */
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const HAN_RUN = /\p{Script=Han}+/gu;
/** Longer queries are rare; a term this long is still a prefix match for any query it starts. */
const MAX_TERM = 12;

export const toSimplified = Converter({ from: 'tw', to: 'cn' });
export const toTraditional = Converter({ from: 'cn', to: 'tw' });

/** Runs of Han characters, split at anything else (spaces, Latin, and full-width punctuation such as 、 and ，). */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUN) ?? [];
}

/**
 * The terms to index beside a text so that any Chinese substring of it, in either script, is a prefix of some term.
 * Terms the text already holds as whole runs are left out.
 */
export function chineseSearchTerms(text: string): string[] {
  const runs = hanRuns(text);
  if (!runs.length) return [];
  const present = new Set(runs);
  const terms = new Set<string>();
  for (const run of runs) {
    for (const variant of new Set([run, toSimplified(run), toTraditional(run)])) {
      const chars = [...variant];
      for (let start = 0; start < chars.length; start++) {
        const term = chars.slice(start, start + MAX_TERM).join('');
        if (!present.has(term)) terms.add(term);
      }
    }
  }
  return [...terms];
}

/**
 * Toneless pinyin of a Chinese name, joined from every syllable onwards (`huanfanglianghua`, `fanglianghua`, …) so
 * that a reader typing the start of any part of it finds the page; plus the syllables spelled apart.
 */
export function pinyinTerms(name: string): string[] {
  const terms = new Set<string>();
  for (const run of hanRuns(toSimplified(name))) {
    const syllables = pinyin(run, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
    for (let start = 0; start < syllables.length; start++) terms.add(syllables.slice(start).join(''));
    if (syllables.length > 1) terms.add(syllables.join(' '));
  }
  return [...terms];
}
/**
 * A search sub-result's title for a paragraph: who speaks it ("Robin Li, quoted") when it is someone's words, else the
 * heading it sits under, else the page's title. Never its own opening words: a sentence cut off mid-way tells less.
 */
export function subResultTitle({
  speaker,
  interview = false,
  heading,
  page,
}: {
  speaker?: string | undefined;
  interview?: boolean;
  heading?: string | undefined;
  page: string;
}): string {
  if (speaker) return interview ? `${speaker}, in an interview` : `${speaker}, quoted`;
  return heading ?? page;
}

/**
 * Page-level terms for an entity: every surface form (so the page answers to any alias, `Liang` included), Chinese
 * ones in both scripts with their sub-words, and the pinyin of every Chinese form.
 */
export function entitySearchTerms(forms: readonly { text: string }[]): string[] {
  const terms = new Set<string>();
  for (const { text } of forms) {
    terms.add(text);
    if (!hanRuns(text).length) continue;
    terms.add(toSimplified(text)).add(toTraditional(text));
    for (const term of chineseSearchTerms(text)) terms.add(term);
    for (const term of pinyinTerms(text)) terms.add(term);
  }
  return [...terms];
}

/** The names a reader may type for an entity: its strong surface forms, Chinese ones in both scripts. */
export function entityNames(forms: readonly { text: string; weak: boolean }[]): string[] {
  const names = new Set<string>();
  for (const { text, weak } of forms) {
    if (weak) continue;
    names.add(text);
    if (hanRuns(text).length) names.add(toSimplified(text)).add(toTraditional(text));
  }
  return [...names];
}
