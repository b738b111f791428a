import { describe, expect, it } from 'vitest';
import { passagesByArticle } from './entity-passages.ts';

describe('passagesByArticle', () => {
  it('groups by article and section in the order given, a passage before any heading in a section of its own', () => {
    const intro = { id: 'intro', title: 'Intro' };
    const later = { id: 'later', title: 'Later' };
    const passages = [
      { articleSlug: 'b', blockId: 'one' },
      { articleSlug: 'b', blockId: 'two', section: intro },
      { articleSlug: 'b', blockId: 'three', section: intro },
      { articleSlug: 'b', blockId: 'four', section: later },
      { articleSlug: 'a', blockId: 'five', section: intro },
    ];
    const groups = passagesByArticle(passages, (slug) => `Article ${slug.toUpperCase()}`);
    expect(
      groups.map(({ slug, title, sections }) => [
        slug,
        title,
        sections.map(({ section, items }) => [section?.title, items.map((item) => item.blockId)]),
      ]),
    ).toEqual([
      [
        'b',
        'Article B',
        [
          [undefined, ['one']],
          ['Intro', ['two', 'three']],
          ['Later', ['four']],
        ],
      ],
      ['a', 'Article A', [['Intro', ['five']]]],
    ]);
  });
});
