import { describe, expect, it } from 'vitest';
import { parseContent, type ContentFile } from '../content/registry.ts';
import { rankRelated } from './related.ts';

const encoder = new TextEncoder();
const concept = (id: string, name: string, related: string[] = []): ContentFile => ({
  path: `entities/concepts/${id}.md`,
  bytes: encoder.encode(`---\nname: ${name}\nsummary: S.\nrelated: [${related.join(', ')}]\n---\n`),
});
const content = parseContent([
  concept('open-source', 'Open source', ['licences']),
  concept('licences', 'Licences'),
  concept('weights', 'Weights'),
  concept('agents', 'Agents', ['open-source']),
  concept('benchmarks', 'Benchmarks'),
]);
const id = (text: string) => content.entities.get(text)!.id;
const row = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([other, n]) => [id(other), n]));
const coMentions = new Map([
  [id('open-source'), row({ weights: 1, benchmarks: 1, agents: 1 })],
  [id('weights'), row({ 'open-source': 1 })],
  [id('benchmarks'), row({ 'open-source': 1 })],
  [id('agents'), row({ 'open-source': 1 })],
]);
const related = rankRelated(content, coMentions);

describe('rankRelated', () => {
  it('ranks the entities listed as related and those named with it, each with its reason, ties by name', () => {
    expect(related.get(id('open-source'))).toEqual([
      { id: 'agents', score: 4, reason: 'listed as related; mentioned together in 1 passage' },
      { id: 'licences', score: 3, reason: 'listed as related' },
      { id: 'benchmarks', score: 1, reason: 'mentioned together in 1 passage' },
      { id: 'weights', score: 1, reason: 'mentioned together in 1 passage' },
    ]);
  });

  it('counts a listing either way round', () => {
    // Agents lists open source; open source does not list agents.
    expect(related.get(id('open-source'))?.find((entity) => entity.id === 'agents')?.reason).toBe(
      'listed as related; mentioned together in 1 passage',
    );
    expect(related.get(id('agents'))).toEqual([
      { id: 'open-source', score: 4, reason: 'listed as related; mentioned together in 1 passage' },
    ]);
  });

  it('gives every entity a list, empty when nothing relates to it', () => {
    expect([...related.keys()].sort()).toEqual(['agents', 'benchmarks', 'licences', 'open-source', 'weights']);
    expect(rankRelated(content, new Map()).get(id('weights'))).toEqual([]);
  });
});
