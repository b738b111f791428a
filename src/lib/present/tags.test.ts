import { describe, expect, it } from 'vitest';
import { articlesByTag, tagSlug } from './tags.ts';

const article = (id: string, ...tags: string[]) => ({ id, data: { tags } });

describe('articlesByTag', () => {
  it('lists each tag with its articles, the most used first, then by name', () => {
    const tags = articlesByTag([article('a', 'open source', 'China'), article('b', 'China'), article('c', 'AI')]);
    expect(tags.map(({ slug, label, articles }) => [slug, label, articles.map((a) => a.id)])).toEqual([
      ['china', 'China', ['a', 'b']],
      ['ai', 'AI', ['c']],
      ['open-source', 'open source', ['a']],
    ]);
  });

  it('joins spellings of one slug under the most used one, and counts an article once', () => {
    const tags = articlesByTag([
      article('a', 'AI policy', 'AI Policy'),
      article('b', 'AI Policy'),
      article('c', 'AI Policy'),
    ]);
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({ slug: 'ai-policy', label: 'AI Policy' });
    expect(tags[0]!.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('tagSlug', () => {
  it('is URL-safe for any tag: Chinese by its pinyin, punctuation alone as a fallback', () => {
    expect(tagSlug('AI policy')).toBe('ai-policy');
    expect(tagSlug('开源')).toBe('kai-yuan');
    expect(tagSlug('C++ / Rust')).toBe('c-rust');
  });

  it('gives a tag it cannot spell a stable hash of its own, so two such tags stay two tags', () => {
    const politics = tagSlug('политика');
    expect(politics).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug(' политика ')).toBe(politics);
    expect(tagSlug('экономика')).toMatch(/^tag-[0-9a-f]{8}$/);
    expect(tagSlug('экономика')).not.toBe(politics);
    expect(tagSlug('!!!')).not.toBe(tagSlug('???'));
    const tags = articlesByTag([article('a', 'политика'), article('b', 'экономика')]);
    expect(tags.map((tag) => tag.label).sort()).toEqual(['политика', 'экономика']);
  });
});
