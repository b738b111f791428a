import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignBlocks, entitiesInSentence, scoreBlocks, type ExpectedBlock, type HardCase } from './accuracy.ts';
import { buildSiteIndex } from '../index/site-index.ts';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const blocks = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true }).articles.get(
  'deepseek-and-open-source',
)!.blocks;

describe('linking accuracy on the first article, against a hand-made expectation', () => {
  it('has precision 1.0 and recall of at least 0.98 over every (paragraph, entity) pair', () => {
    const score = scoreBlocks(blocks, fixture<ExpectedBlock[]>('expected-mentions.json'));
    expect(score.falsePositives).toEqual([]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeGreaterThanOrEqual(0.98);
  });

  const cases = fixture<(HardCase & { knownMiss?: string[] })[]>('hard-cases.json');
  it('covers at least 40 hard cases', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases.map((c) => [c.sentence.slice(0, 80), c] as const))('%s', (_, hardCase) => {
    const [, block] = alignBlocks(blocks, [hardCase])[0]!;
    const expected = hardCase.entities.filter((id) => !hardCase.knownMiss?.includes(id)).sort();
    expect(entitiesInSentence(block, hardCase.sentence)).toEqual(expected);
  });
});
