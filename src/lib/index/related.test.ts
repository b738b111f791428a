import { describe, expect, it } from 'vitest';
import { parseContent, type ContentFile } from '../content/registry.ts';
import { mentionedOnBesides, rankRelated } from './related.ts';

const encoder = new TextEncoder();
const file = (path: string, frontmatter: string): ContentFile => ({
  path,
  bytes: encoder.encode(`---\n${frontmatter}\nsummary: S.\n---\n`),
});
const concept = (id: string, name: string, related: string[] = []) =>
  file(`entities/concepts/${id}.md`, `name: ${name}\nrelated: [${related.join(', ')}]`);
const content = parseContent([
  concept('open-source', 'Open source', ['licences']),
  concept('licences', 'Licences'),
  concept('weights', 'Weights'),
  concept('agents', 'Agents', ['open-source']),
  concept('benchmarks', 'Benchmarks'),
  file('entities/organizations/lab.md', 'name: Lab\norgType: company\nfounders: [ada, bo]\nrelated: [ada]'),
  file('entities/organizations/fund.md', 'name: Fund\norgType: investment-fund\nfounders: [ada]'),
  file('entities/people/ada.md', 'name: Ada\nroles: [CEO]\naffiliations: [lab]'),
  file('entities/people/bo.md', 'name: Bo\nroles: [CTO]'),
  file('entities/products/model.md', 'name: Model\nproductType: ai-model\nmaker: lab'),
]);
const id = (text: string) => content.entities.get(text)!.id;
const row = (entries: Record<string, number>) => new Map(Object.entries(entries).map(([other, n]) => [id(other), n]));
const coMentions = new Map([
  [id('open-source'), row({ weights: 1, benchmarks: 1, agents: 1 })],
  [id('weights'), row({ 'open-source': 1 })],
  [id('benchmarks'), row({ 'open-source': 1 })],
  [id('agents'), row({ 'open-source': 1 })],
  [id('lab'), row({ ada: 2, model: 7, weights: 4 })],
  [id('ada'), row({ lab: 2 })],
  [id('model'), row({ lab: 7 })],
]);
const related = rankRelated(content, coMentions);

describe('rankRelated', () => {
  it('ranks the entities listed as related and those named with it, each with its reason, ties by name', () => {
    expect(related.get(id('open-source'))).toEqual([
      { id: 'agents', score: 4, reason: 'listed as related; named together in 1 passage' },
      { id: 'licences', score: 3, reason: 'listed as related' },
      { id: 'benchmarks', score: 1, reason: 'named together in 1 passage' },
      { id: 'weights', score: 1, reason: 'named together in 1 passage' },
    ]);
  });

  it('counts a listing either way round', () => {
    // Agents lists open source; open source does not list agents.
    expect(related.get(id('agents'))).toEqual([
      { id: 'open-source', score: 4, reason: 'listed as related; named together in 1 passage' },
    ]);
  });

  it('gives the role a file lists instead of "listed as related", from either side', () => {
    expect(related.get(id('lab'))).toEqual([
      // A listing counts as three passages: seven passages and a listing first, then two and a listing, then four.
      { id: 'model', score: 10, reason: 'lists Lab as its maker; named together in 7 passages' },
      {
        id: 'ada',
        score: 5,
        reason: 'listed as one of its founders; lists Lab as an affiliation; named together in 2 passages',
      },
      { id: 'weights', score: 4, reason: 'named together in 4 passages' },
      { id: 'bo', score: 3, reason: 'listed as one of its founders' },
    ]);
    expect(related.get(id('fund'))).toEqual([{ id: 'ada', score: 3, reason: 'listed as its founder' }]);
    expect(related.get(id('ada'))).toEqual([
      {
        id: 'lab',
        score: 5,
        reason: 'listed as an affiliation; lists Ada as one of its founders; named together in 2 passages',
      },
      { id: 'fund', score: 3, reason: 'lists Ada as its founder' },
    ]);
  });

  it('gives every entity a list, empty when nothing relates to it', () => {
    expect([...related.keys()].sort()).toEqual([
      'ada',
      'agents',
      'benchmarks',
      'bo',
      'fund',
      'lab',
      'licences',
      'model',
      'open-source',
      'weights',
    ]);
    expect(rankRelated(content, new Map()).get(id('weights'))).toEqual([]);
  });
});

describe('mentionedOnBesides', () => {
  it('keeps only the pages naming the entity that its related entities do not list, in their order', () => {
    const pages = [id('weights'), id('model'), id('licences'), id('bo')];
    expect(mentionedOnBesides(pages, related.get(id('open-source'))!)).toEqual(['model', 'bo']);
    expect(mentionedOnBesides(pages, [])).toEqual(pages);
  });
});
