import { describe, expect, it } from 'vitest';
import type { AnnotatedBlock } from '../link/annotate.ts';
import { buildSiteIndex } from '../index/site-index.ts';
import { articleContents, readingMinutes } from './article-map.ts';

const heading = (level: number, text: string): AnnotatedBlock => ({
  id: text.toLowerCase().replaceAll(' ', '-'),
  role: 'heading',
  level,
  text,
  mentions: [],
});
const paragraph = (text: string): AnnotatedBlock => ({ id: 'p', role: 'paragraph', text, mentions: [] });

describe('articleContents', () => {
  it('lists sections in order, their subsections under them, and leaves deeper headings out', () => {
    const blocks = [
      paragraph('Intro.'),
      heading(2, 'One'),
      heading(3, 'One A'),
      heading(4, 'Too deep'),
      heading(3, 'One B'),
      heading(2, 'Two'),
    ];
    expect(articleContents(blocks)).toEqual([
      {
        id: 'one',
        title: 'One',
        children: [
          { id: 'one-a', title: 'One A', children: [] },
          { id: 'one-b', title: 'One B', children: [] },
        ],
      },
      { id: 'two', title: 'Two', children: [] },
    ]);
  });

  it('takes the highest heading the article has as its top level, and a subsection before any section as one', () => {
    expect(articleContents([heading(4, 'Lead'), heading(3, 'A'), heading(4, 'A1')]).map((e) => e.title)).toEqual([
      'Lead',
      'A',
    ]);
    expect(articleContents([heading(3, 'A'), heading(4, 'A1')])[0]!.children.map((e) => e.title)).toEqual(['A1']);
  });

  it('is empty for an article without headings, and skips a heading without words', () => {
    expect(articleContents([paragraph('Only text.')])).toEqual([]);
    expect(articleContents([heading(2, ' '), heading(2, 'Real')]).map((e) => e.title)).toEqual(['Real']);
  });

  it('maps the first article by the ids its headings carry on the page, its notes too', () => {
    const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
    const contents = articleContents(index.articles.get('deepseek-and-open-source')!.blocks);
    expect(contents.map((entry) => [entry.id, entry.title])).toEqual([
      ['beijings-approach-to-open-source', 'Beijing’s approach to open source'],
      ['how-it-could-all-go-wrong', 'How it could all go wrong'],
      ['the-uncertain-future-of-deepseek-and-open-source', 'The uncertain future of DeepSeek and open source'],
      ['reader-comments', 'Reader comments'],
      // The footnotes' heading, which the Markdown renderer writes.
      ['footnote-label', 'Notes'],
    ]);
  });
});

describe('readingMinutes', () => {
  it('reads 230 English words a minute, rounded, and never says zero', () => {
    expect(readingMinutes([paragraph('word '.repeat(230 * 4))])).toBe(4);
    expect(readingMinutes([paragraph('A few words.')])).toBe(1);
    expect(readingMinutes([])).toBe(1);
  });

  it('counts Han characters apart, 400 a minute, and a word with an apostrophe or hyphen once', () => {
    expect(readingMinutes([paragraph('开源'.repeat(400))])).toBe(2);
    expect(readingMinutes([paragraph(`${'China’s open-source '.repeat(230)}${'深度求索'.repeat(100)}`)])).toBe(3);
  });
});
