import { describe, expect, it } from 'vitest';
import { FEED_LENGTH, feedArticles } from './article-meta.ts';

describe('feedArticles', () => {
  it('keeps the newest articles, newest first, undated ones last', () => {
    const article = (title: string, date?: Date) => ({ data: { title, date } });
    const archive = [
      article('Undated'),
      ...Array.from({ length: FEED_LENGTH + 10 }, (_, i) => article(`Day ${i}`, new Date(Date.UTC(2024, 0, 1 + i)))),
    ];
    const feed = feedArticles(archive);
    expect(feed).toHaveLength(FEED_LENGTH);
    expect(feed[0]!.data.title).toBe(`Day ${FEED_LENGTH + 9}`);
    expect(feed.map((a) => a.data.title)).not.toContain('Undated');
    expect(feed.map((a) => a.data.date!.getTime())).toEqual(
      feed.map((a) => a.data.date!.getTime()).sort((a, b) => b - a),
    );
  });
});
