import { describe, expect, it } from 'vitest';
import type { AnnotatedBlock } from '../link/annotate.ts';
import { mergeSuggestions } from './archive.ts';
import { commonAliases, mentionChanges, sentenceAround } from './impact.ts';
import { suggestEntities } from './suggest.ts';

describe('an archive at once', () => {
  it('drafts one entity per name across articles, ranked by how many articles name it, with unique ids', () => {
    const first = {
      article: { title: 'One', slug: 'one' },
      suggestions: suggestEntities(['Moonshot AI 月之暗面 released Kimi K2.', 'Moonshot AI said so.']),
    };
    const second = {
      article: { title: 'Two', slug: 'two' },
      suggestions: suggestEntities(['月之暗面 and Moonshot AI again.', 'Zhipu AI 智谱 answered.', 'Zhipu AI did.']),
    };
    const { entities } = mergeSuggestions([first, second]);
    const moonshot = entities.find((entry) => entry.suggestion.name === 'Moonshot AI')!;
    expect(moonshot.articles.map((article) => article.slug)).toEqual(['one', 'two']);
    expect(entities[0]).toBe(moonshot);
    expect(entities.filter((entry) => entry.suggestion.name === 'Moonshot AI')).toHaveLength(1);
    expect(new Set(entities.map((entry) => entry.suggestion.id)).size).toBe(entities.length);
  });
});

const block = (id: string, text: string, mentions: [string, string][]): AnnotatedBlock => ({
  id,
  role: 'paragraph',
  text,
  mentions: mentions.map(([entityId, words]) => ({
    entityId,
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
    linked: true,
  })),
});

describe('what accepting would change', () => {
  it('lists every mention gained or lost, with its sentence', () => {
    const before = new Map([['a', [block('p-1', 'Intro. DeepSeek is open. All of it.', [['deepseek', 'DeepSeek']])]]]);
    const after = new Map([
      [
        'a',
        [
          block('p-1', 'Intro. DeepSeek is open. All of it.', [
            ['deepseek', 'DeepSeek'],
            ['all', 'All'],
          ]),
        ],
      ],
    ]);
    expect(mentionChanges(before, after)).toEqual([
      {
        article: 'a',
        block: 'p-1',
        entityId: 'all',
        text: 'All',
        sentence: 'All of it.',
        linked: true,
        change: 'added',
      },
    ]);
    expect(mentionChanges(after, before).map((change) => change.change)).toEqual(['removed']);
    expect(sentenceAround('One. Two three. Four.', 5, 8)).toBe('Two three.');
  });

  it('finds aliases that would be found all over the other articles: common words, not names', () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) =>
      block(`p-${i}`, i % 4 === 0 ? 'All of AI, again.' : 'Other words.', i % 4 === 0 ? [['ai', 'AI']] : []),
    );
    const after = new Map([
      ['curated', paragraphs],
      ['new', [block('p-0', 'AI here.', [['ai', 'AI']])]],
    ]);
    expect(commonAliases(after, new Map([['ai', new Set(['new'])]]))).toEqual([
      { entityId: 'ai', alias: 'AI', paragraphs: 5, of: 20 },
    ]);
    expect(commonAliases(after, new Map([['ai', new Set(['new', 'curated'])]]))).toEqual([]);
  });
});
