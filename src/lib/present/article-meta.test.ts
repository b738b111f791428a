import { describe, expect, it } from 'vitest';
import { aboutNotes, FEED_LENGTH, feedArticles } from './article-meta.ts';

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

describe('aboutNotes', () => {
  const given = {
    authors: ['Jordan Schneider'],
    date: new Date(Date.UTC(2025, 1, 3)),
    datePrecision: 'day' as const,
    titleIsEditorial: false,
    dekIsEditorial: false,
  };

  it('says nothing when the source gives title, summary, author and date', () => {
    expect(aboutNotes(given)).toEqual([]);
  });

  it('says what the editors wrote and what the source does not give', () => {
    expect(
      aboutNotes({ ...given, authors: [], date: undefined, titleIsEditorial: true, dekIsEditorial: true }),
    ).toEqual([
      'Title and summary written by this site’s editors; the source gives none.',
      'Author not given in the source.',
      'Date not given in the source.',
    ]);
    expect(aboutNotes({ ...given, dekIsEditorial: true })).toEqual([
      'Summary written by this site’s editors; the source gives none.',
    ]);
  });

  it('gives an approximate date’s reason, or says the source gives none', () => {
    expect(aboutNotes({ ...given, datePrecision: 'approximate', dateNote: 'It cites a January essay.' })).toEqual([
      'Date approximate: It cites a January essay.',
    ]);
    expect(aboutNotes({ ...given, datePrecision: 'approximate' })).toEqual([
      'Date approximate: the source gives none.',
    ]);
  });
});
