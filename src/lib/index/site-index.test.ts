import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteIndex } from './site-index.ts';

const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
const passageTexts = (id: string) => (index.passages.get(id) ?? []).map((p) => p.excerpt.text);

describe('the mention index over the real content', () => {
  it('gives DeepSeek the passage on its profit strategy, with the paragraph id the article uses', () => {
    const passage = index.passages
      .get('deepseek')!
      .find((p) => p.excerpt.text === 'DeepSeek, on the other hand, has no near-term profit strategy.');
    expect(passage).toMatchObject({
      articleSlug: 'deepseek-and-open-source',
      blockId: 'p-deepseek-on-the-other-hand',
      excerpt: { marks: [[0, 8]] },
    });
    const block = index.articles.get('deepseek-and-open-source')!.blocks.find((b) => b.id === passage!.blockId);
    expect(block?.text).toBe(passage!.excerpt.text);
  });

  it('gives High-Flyer the passage where it says it is not in it for finance', () => {
    expect(passageTexts('high-flyer').some((t) => t.includes('It has nothing to do with finance'))).toBe(true);
  });

  it('finds weak aliases: Liang in the interview, Jordan in the aside', () => {
    expect(passageTexts('liang-wenfeng').some((t) => t.startsWith('Liang: It’s like walking 50 kilometers'))).toBe(
      true,
    );
    expect(
      passageTexts('jordan-schneider').some((t) => t.startsWith('[Jordan: Beyond direct government intervention')),
    ).toBe(true);
  });

  it('places passages in their sections', () => {
    const passage = index.passages.get('huawei')!.find((p) => p.excerpt.text.startsWith('Huawei exemplifies'));
    expect(passage?.section).toEqual({
      id: 'beijings-approach-to-open-source',
      title: 'Beijing’s approach to open source',
    });
  });

  it('counts mentions per article for the "In this article" panel', () => {
    const counts = index.articles.get('deepseek-and-open-source')!.mentionCounts;
    expect(counts.get('deepseek')).toBeGreaterThan(20);
    expect(counts.get('ferrari')).toBe(1);
  });

  it('ranks related entities, listed and co-mentioned, with a reason', () => {
    const related = index.related.get('high-flyer')!;
    // DeepSeek's file names High-Flyer its parent.
    expect(related[0]).toMatchObject({
      id: 'deepseek',
      reason: expect.stringMatching(
        /^lists High-Flyer Quant as its parent organization; named together in \d+ passages?$/,
      ),
    });
    const scores = related.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('writes each document out once, as the linked HTML its page shows', () => {
    const html = index.articles.get('deepseek-and-open-source')!.html!;
    expect(html).toMatch(
      /<p id="p-deepseek-on-the-other-hand"[^>]*>DeepSeek, on the other hand, has no near-term profit strategy\.<a href="#p-deepseek-on-the-other-hand" class="permalink"/,
    );
    expect(html).toContain(
      '<a href="/organizations/deepseek/" class="entity-link" data-kind="organization">DeepSeek</a>',
    );
    expect(html).toContain('<aside role="note" aria-label="From the newsletter"');
    expect(html).not.toContain('<Aside');
    expect(index.entityHtml.get('deepseek')).toContain('href="/people/liang-wenfeng/"');
  });

  it('tells which article a file is, for the articles MDX compiles', () => {
    expect(index.articleAt('content/articles/deepseek-and-open-source.mdx')).toBe(
      index.articles.get('deepseek-and-open-source'),
    );
    expect(index.articleAt('content/entities/organizations/deepseek.md')).toBeUndefined();
    expect(index.articleAt('src/pages/index.astro')).toBeUndefined();
  });

  it('knows which descriptions mention an entity, never counting its own', () => {
    expect(index.mentionedOn.get('liang-wenfeng')).toContain('deepseek');
    for (const [id, on] of index.mentionedOn) expect(on).not.toContain(id);
  });
});

describe('who said what', () => {
  const together = (a: string, b: string) => new Map<string, number>(index.coMentions.get(a)).get(b) ?? 0;

  it('attributes every quote of the first article to its speaker, and each interview speaker’s turns', () => {
    const said = (id: string) => (index.quotations.get(id) ?? []).map((q) => q.paragraphs[0]!.text.slice(0, 30));
    expect(said('robin-li')).toEqual(['Open source is a kind of IQ ta']);
    expect(said('kevin-xu')).toEqual(['Most engineers are thrilled if']);
    expect(said('jordan-schneider')).toEqual(['We’re not far from a world whe']);
    expect(said('government-statement-on-deepseek')).toEqual(['DeepSeek’s greatest strength l']);
    expect(said('liang-wenfeng')).toEqual(['I’m unsure if it’s madness, bu']);
    expect(said('waves')).toEqual(['There is a sense of spiritual ']);
    const viral = index.articles.get('deepseek-and-open-source')!.quotations.find((q) => 'source' in q.speaker);
    expect(viral?.speaker).toEqual({ source: 'an engineer’s viral post' });
  });

  it('shows a lead-in passage with the quote it introduces, ending where the quote begins', () => {
    const passage = index.passages.get('kevin-xu')!.find((p) => p.introduces);
    expect(passage?.excerpt.text.endsWith('explains well:')).toBe(true);
    expect(passage?.introduces?.paragraphs[1]).toMatch(/^Implicit in this “zeal”/);
    expect(index.passages.get('robin-li')![0]!.introduces?.speaker).toEqual({ entityId: 'robin-li' });
  });

  it('counts a quote as a passage naming its speaker, and an interview for both sides', () => {
    expect(together('robin-li', 'iq-tax')).toBeGreaterThan(0);
    expect(together('robin-li', 'open-source')).toBeGreaterThan(0);
    expect(together('waves', 'liang-wenfeng')).toBeGreaterThan(0);
    expect(together('government-statement-on-deepseek', 'deepseek')).toBeGreaterThan(0);
  });

  it('keeps reader comments apart: linked on the article, counted nowhere as reporting', () => {
    expect(index.passages.has('ferrari')).toBe(false);
    expect(index.passages.has('xi-jinping')).toBe(false);
    expect(index.commentPassages.get('ferrari')!.map((p) => p.excerpt.text)).toEqual([
      expect.stringMatching(/^A bit like Ferrari/),
    ]);
    expect(index.commentPassages.get('xi-jinping')).toHaveLength(1);
    expect(index.coMentions.get('ferrari')).toBeUndefined();
    expect(together('chinese-government', 'ferrari')).toBe(0);
    expect(index.related.get('ferrari')!.every((r) => !r.reason.includes('together'))).toBe(true);
    expect(index.timeline.some((event) => event.type === 'entity' && event.entityId === 'ferrari')).toBe(false);
    expect(index.articles.get('deepseek-and-open-source')!.html).toContain(
      'href="/organizations/ferrari/" class="entity-link"',
    );
  });
});

describe('a document nested beyond reading', () => {
  it('is one content error naming the file, not a stack overflow', () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-deep-'));
    cpSync('src/lib/index/fixtures/bad-content/base', root, { recursive: true });
    writeFileSync(
      join(root, 'articles', 'deep.md'),
      `---\ntitle: Deep\ndek: Nested.\ndate: 2025-02-01\nsource: { publication: Example }\n---\n\n${'>'.repeat(10_000)} deep\n`,
    );
    expect(() => buildSiteIndex({ contentRoot: root, linkMode: 'section', base: '/', linking: true })).toThrow(
      /articles\/deep\.md: nests too deeply to read/,
    );
  });
});
