import { describe, expect, it } from 'vitest';
import { feedBody } from './feed.ts';

const LINK = 'https://kb.example/articles/note/';
const ORIGIN = 'https://kb.example';
const block = (i: number) =>
  `<p id="p-${i}" data-pagefind-title="Note">Paragraph ${i} names <a href="/organizations/deepseek/" class="entity-link">DeepSeek</a>.<span id="p-old-${i}" class="retired-id"></span><span data-pagefind-index-attrs="data-search-terms" data-search-terms="深度"></span><a href="#p-${i}" class="permalink" aria-label="Link to this paragraph"></a></p>`;

describe('feedBody', () => {
  it('leaves out what only the site needs and makes links absolute', () => {
    const body = feedBody(`${block(1)}<p>See <a href="#p-1">above</a>.</p>`, LINK, ORIGIN);
    expect(body).toContain(
      'Paragraph 1 names <a href="https://kb.example/organizations/deepseek/" class="entity-link">DeepSeek</a>.',
    );
    expect(body).toContain(`<a href="${LINK}#p-1">above</a>`);
    expect(body).not.toMatch(/permalink|retired-id|data-pagefind|data-search-terms/);
    expect(body).toContain('id="p-1"');
  });

  it('keeps a short article whole', () => {
    const html = Array.from({ length: 5 }, (_, i) => block(i)).join('\n');
    expect(feedBody(html, LINK, ORIGIN)).not.toContain('continues on the site');
    expect(feedBody(html, LINK, ORIGIN).match(/Paragraph \d/g)).toHaveLength(5);
  });

  it('cuts a long article after its last whole block within the limit, and links to the rest', () => {
    const html = Array.from({ length: 2000 }, (_, i) => block(i)).join('\n');
    const body = feedBody(html, LINK, ORIGIN, 10_000);
    expect(body.length).toBeLessThan(10_000);
    const kept = body.match(/Paragraph (\d+) names/g)!;
    expect(kept.length).toBeGreaterThan(10);
    // Every kept paragraph is whole, and they are the first ones, in order.
    expect(body.match(/DeepSeek<\/a>\.<\/p>/g)).toHaveLength(kept.length);
    expect(kept.at(-1)).toBe(`Paragraph ${kept.length - 1} names`);
    expect(body).toMatch(new RegExp(`<a href="${LINK}">The article continues on the site\\.</a></p>$`));
  });
});
