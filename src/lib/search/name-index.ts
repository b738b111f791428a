/**
 * Names that forgive typos. The site knows every entity's names, so a query a letter or two away from one ("Tencnet",
 * "Robin Lee") is read as that name. The index is every entity's names and aliases, both scripts, and the toneless
 * pinyin of its Chinese ones, folded to the letters and digits a reader types, with the articles' title words for
 * "Did you mean …?"; it is written in shards by key length (name-match.ts reads them in the browser).
 */
import {
  ALL_NAME_SHARDS,
  foldName,
  nameShardOf,
  type NameRow,
  type NameShard,
  type NameShardId,
} from './name-match.ts';
import { pinyinTerms, toSimplified, toTraditional } from './search-terms.ts';

/** A title word shorter than this is never offered: a query shorter than five letters forgives no typo anyway. */
const SHORTEST_WORD = 5;

/** Every key an entity answers to: each strong form, in both scripts, and the whole pinyin of a Chinese one. */
function keysOf(name: string, forms: readonly string[]): Set<string> {
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
  return keys;
}

/**
 * The index of a site's entities and article titles, as every shard of ALL_NAME_SHARDS (an empty one too, so a query
 * never asks for a file that is not there). An entity is in the shard of each of its keys; its name's own key is left
 * out, since the reader folds the name anyway.
 */
export function nameShardsOf(
  entities: { page: string; name: string; kind: string; forms: readonly string[] }[],
  titles: readonly string[] = [],
): Map<NameShardId, NameShard> {
  const shards = new Map<NameShardId, NameShard>(ALL_NAME_SHARDS.map((shard) => [shard, { names: [], words: [] }]));
  const entityKeys = new Set<string>();
  for (const { page, name, kind, forms } of entities) {
    const byShard = new Map<NameShardId, string[]>();
    const own = foldName(name);
    for (const key of keysOf(name, forms)) {
      entityKeys.add(key);
      const keys = byShard.get(nameShardOf(key)) ?? [];
      if (key !== own) keys.push(key);
      byShard.set(nameShardOf(key), keys);
    }
    for (const [shard, keys] of byShard) shards.get(shard)!.names.push([page, name, kind, ...keys] as NameRow);
  }
  const words = new Map<string, string>();
  for (const title of titles)
    for (const word of title.split(/[^\p{L}\p{N}'’-]+/u)) {
      const key = foldName(word);
      // A word that is a name is offered as the name.
      if ([...key].length < SHORTEST_WORD || /\p{Script=Han}/u.test(key)) continue;
      if (!entityKeys.has(key) && !words.has(key)) words.set(key, word);
    }
  for (const [key, word] of words) shards.get(nameShardOf(key))!.words.push(word);
  return shards;
}
