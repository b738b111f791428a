/** What the e2e suites share: the registry of the built content, and the seed the article was made from. */
import { readFileSync } from 'node:fs';
import { loadContent } from '../src/lib/registry.ts';
import { paths } from '../src/lib/kinds.ts';

export const content = loadContent('content');
export const entityPages = [...content.entities.values()].map((e) => ({ id: e.id, name: e.data.name, path: paths.entity(e.kind, e.id) }));

/** The seed article as received, split into sentences (the test unit for "nothing of the article is lost"). */
export function seedSentences(): string[] {
  const text = readFileSync(new URL('./fixtures/chinatalk-deepseek-open-source.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.?!…])\s+(?=\S)/))
    .map(normalizeSpace)
    .filter((sentence) => /\p{L}/u.test(sentence));
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
