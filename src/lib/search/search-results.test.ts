import { describe, expect, it } from 'vitest';
import { excerptPieces, ownPageFirst } from './search-results.ts';

const text = (pieces: ReturnType<typeof excerptPieces>) =>
  pieces.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('excerptPieces', () => {
  it('keeps marks and decodes entities, without building HTML', () => {
    expect(text(excerptPieces('a <mark>DeepSeek</mark> &amp; &lt;b&gt;'))).toBe('a [DeepSeek] & <b>');
  });

  it('drops the index-only terms and marks the hit in the page’s own text instead', () => {
    expect(text(excerptPieces('IQ tax 智商税... ⟦ 商税 <mark>税</mark> 智商稅 ⟧ When you rationally'))).toBe(
      'IQ tax 智商[税]...  When you rationally',
    );
  });

  it('copes with an excerpt that starts or ends inside the terms', () => {
    expect(text(excerptPieces('商税 <mark>税</mark> ⟧ Next paragraph about 税 rules'))).toBe(
      ' Next paragraph about [税] rules',
    );
    expect(text(excerptPieces('Open source 开源 ⟦ <mark>源</mark> 開源'))).toBe('Open source 开[源] ');
  });
});

describe('ownPageFirst', () => {
  const results = [
    { url: '/products/r1/', names: ['DeepSeek-R1', 'R1'] },
    { url: '/articles/a/', names: [] },
    { url: '/organizations/deepseek/', names: ['DeepSeek', '深度求索'] },
  ];

  it('moves the page named exactly by the query to the top, keeping the rest in order', () => {
    expect(ownPageFirst(results, ' deepseek ').map((r) => r.url)).toEqual([
      '/organizations/deepseek/',
      '/products/r1/',
      '/articles/a/',
    ]);
  });

  it('leaves the order alone when no page has that name', () => {
    expect(ownPageFirst(results, 'profit').map((r) => r.url)).toEqual([
      '/products/r1/',
      '/articles/a/',
      '/organizations/deepseek/',
    ]);
  });
});
