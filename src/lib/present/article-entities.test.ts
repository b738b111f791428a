import { describe, expect, it } from 'vitest';
import { entitiesByKind, mostMentioned } from './article-entities.ts';

describe('mostMentioned', () => {
  it('takes the most mentioned first, and among equals the one named first', () => {
    const counts = new Map([
      ['liang', 2],
      ['deepseek', 5],
      ['huawei', 2],
      ['china', 3],
      ['meta', 1],
    ]);
    expect(mostMentioned(counts, 4)).toEqual(['deepseek', 'china', 'liang', 'huawei']);
    expect(mostMentioned(counts, 10)).toHaveLength(5);
  });
});

describe('entitiesByKind', () => {
  it('groups by kind in the kinds’ order, each kind most mentioned first, then by name, and leaves out empty kinds', () => {
    const entity = (kind: 'organization' | 'person' | 'concept', name: string, count: number) => ({
      kind,
      name,
      count,
    });
    const groups = entitiesByKind([
      entity('concept', 'Open source', 4),
      entity('person', 'Robin Li', 1),
      entity('organization', 'Huawei', 2),
      entity('organization', 'DeepSeek', 9),
      entity('person', 'Liang Wenfeng', 1),
    ]);
    expect(groups.map(({ kind, items }) => [kind, items.map((item) => item.name)])).toEqual([
      ['organization', ['DeepSeek', 'Huawei']],
      ['person', ['Liang Wenfeng', 'Robin Li']],
      ['concept', ['Open source']],
    ]);
  });
});
