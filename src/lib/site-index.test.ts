import { describe, expect, it } from 'vitest';
import { Matcher } from './matcher.ts';
import { parseContent } from './registry.ts';
import { aliasPatterns, buildSiteIndex, excerptOf } from './site-index.ts';

const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
const passageTexts = (id: string) => (index.passages.get(id) ?? []).map((p) => p.excerpt.text);

describe('the mention index over the real content', () => {
  it('gives DeepSeek the passage on its profit strategy, with the paragraph id the article uses', () => {
    const passage = index.passages.get('deepseek')!.find((p) => p.excerpt.text === 'DeepSeek, on the other hand, has no near-term profit strategy.');
    expect(passage).toMatchObject({ articleSlug: 'deepseek-and-open-source', blockId: 'p-deepseek-on-the-other-hand', excerpt: { marks: [[0, 8]] } });
    const block = index.articles.get('deepseek-and-open-source')!.blocks.find((b) => b.id === passage!.blockId);
    expect(block?.text).toBe(passage!.excerpt.text);
  });

  it('gives High-Flyer the passage where it says it is not in it for finance', () => {
    expect(passageTexts('high-flyer').some((t) => t.includes('It has nothing to do with finance'))).toBe(true);
  });

  it('finds weak aliases: Liang in the interview, Jordan in the aside', () => {
    expect(passageTexts('liang-wenfeng').some((t) => t.startsWith('Liang: It’s like walking 50 kilometers'))).toBe(true);
    expect(passageTexts('jordan-schneider').some((t) => t.startsWith('[Jordan: Beyond direct government intervention'))).toBe(true);
  });

  it('places passages in their sections', () => {
    const passage = index.passages.get('huawei')!.find((p) => p.excerpt.text.startsWith('Huawei exemplifies'));
    expect(passage?.section).toEqual({ id: 'beijings-approach-to-open-source', title: 'Beijing’s approach to open source' });
  });

  it('counts mentions per article for the "In this article" panel', () => {
    const counts = index.articles.get('deepseek-and-open-source')!.mentionCounts;
    expect(counts.get('deepseek')).toBeGreaterThan(20);
    expect(counts.get('ferrari')).toBe(1);
  });

  it('ranks related entities, explicit and co-mentioned, with a reason', () => {
    const related = index.related.get('high-flyer')!;
    expect(related[0]).toMatchObject({ id: 'deepseek', reason: expect.stringMatching(/^listed as related; mentioned together in \d+ passages?$/) });
    const scores = related.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('writes each document out once, as the linked HTML its page shows', () => {
    const html = index.articles.get('deepseek-and-open-source')!.html!;
    expect(html).toMatch(/<p id="p-deepseek-on-the-other-hand"[^>]*>DeepSeek, on the other hand, has no near-term profit strategy\.<a href="#p-deepseek-on-the-other-hand" class="permalink"/);
    expect(html).toContain('<a href="/organizations/deepseek/" class="entity-link" data-entity="deepseek" data-kind="organization">DeepSeek</a>');
    expect(html).toContain('<aside role="note" aria-label="From the newsletter"');
    expect(html).not.toContain('<Aside');
    expect(index.entityHtml.get('deepseek')).toContain('href="/people/liang-wenfeng/"');
  });

  it('tells which article a file is, for the articles MDX compiles', () => {
    expect(index.articleAt('content/articles/deepseek-and-open-source.mdx')).toBe(index.articles.get('deepseek-and-open-source'));
    expect(index.articleAt('content/entities/organizations/deepseek.md')).toBeUndefined();
    expect(index.articleAt('src/pages/index.astro')).toBeUndefined();
  });

  it('knows which descriptions mention an entity, never counting its own', () => {
    expect(index.mentionedOn.get('liang-wenfeng')).toContain('deepseek');
    for (const [id, on] of index.mentionedOn) expect(on).not.toContain(id);
  });
});

describe('excerptOf', () => {
  it('keeps a short block whole', () => {
    expect(excerptOf('DeepSeek rose.', [[0, 8]])).toEqual({ text: 'DeepSeek rose.', marks: [[0, 8]] });
  });

  it('cuts a long block around the first mention at word boundaries and moves the marks', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[100] = 'DeepSeek';
    const text = words.join(' ');
    const start = text.indexOf('DeepSeek');
    const { text: excerpt, marks } = excerptOf(text, [[start, start + 8]]);
    expect(excerpt.startsWith('… w')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
    expect(excerpt.slice(marks[0]![0], marks[0]![1])).toBe('DeepSeek');
  });
});

describe('aliasPatterns', () => {
  it('finds a name in text typed in either normal form, whichever form the entity file used', () => {
    const cafe = { path: 'entities/organizations/cafe.md', bytes: new TextEncoder().encode('---\nname: Cafe\u0301 Group\nsummary: S.\norgType: company\n---\n') };
    const matcher = new Matcher(aliasPatterns(parseContent([cafe])));
    for (const text of ['At Caf\u00e9 Group, coffee.', 'At Cafe\u0301 Group, coffee.']) {
      expect(matcher.document().scan(text).map((match) => [match.entityId, text.slice(match.start, match.end)])).toEqual([['cafe', text.slice(3, -9)]]);
    }
  });
});
