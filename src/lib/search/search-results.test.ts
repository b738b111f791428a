import { describe, expect, it } from 'vitest';
import {
  articlesByTheirTitleFirst,
  excerptPieces,
  excerptText,
  matchesOnlyShortStarts,
  subResultTitles,
  withEllipses,
  withoutLoneLetters,
} from './search-results.ts';

const text = (pieces: ReturnType<typeof excerptPieces>) =>
  pieces.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('excerptPieces', () => {
  it('keeps marks and decodes entities, without building HTML', () => {
    expect(text(excerptPieces('a <mark>DeepSeek</mark> &amp; &lt;b&gt;'))).toBe('a [DeepSeek] & <b>');
  });

  it('drops the index-only terms and marks the hit in the page’s own text instead', () => {
    expect(text(excerptPieces('IQ tax 智商税... ⟦ 商税 <mark>税</mark> 智商稅 ⟧ When you rationally'))).toBe(
      'IQ tax 智商[税]... When you rationally',
    );
  });

  it('copes with an excerpt that starts or ends inside the terms', () => {
    expect(text(excerptPieces('商税 <mark>税</mark> ⟧ Next paragraph about 税 rules'))).toBe(
      'Next paragraph about [税] rules',
    );
    expect(text(excerptPieces('Open source 开源 ⟦ <mark>源</mark> 開源'))).toBe('Open source 开[源]');
  });

  it('marks the word only, not the punctuation around it', () => {
    expect(text(excerptPieces('backed <mark>open</mark> <mark>source,</mark> but'))).toBe(
      'backed [open] [source], but',
    );
    expect(text(excerptPieces('calling it <mark>“智商税.”</mark> Then'))).toBe('calling it “[智商税].” Then');
    expect(text(excerptPieces('the <mark>open-source</mark> ideal'))).toBe('the [open-source] ideal');
  });

  it('opens at a word and ends after one', () => {
    expect(text(excerptPieces(', so <mark>DeepSeek</mark> said “'))).toBe('so [DeepSeek] said');
    expect(text(excerptPieces('” He founded <mark>Baidu</mark> — '))).toBe('He founded [Baidu]');
    expect(text(excerptPieces('智商税, Chinese slang for a <mark>tax</mark> on'))).toBe(
      '智商税, Chinese slang for a [tax] on',
    );
  });
});

describe('excerptText', () => {
  it('is the excerpt as read, spaces folded', () => {
    expect(excerptText(excerptPieces('Robin <mark>Li</mark>  said'))).toBe('Robin Li said');
  });
});

describe('short words', () => {
  it('leave the query sent to the index, unless nothing else is left', () => {
    expect(withoutLoneLetters('a kind of IQ tax')).toBe('kind of IQ tax');
    expect(withoutLoneLetters('DeepSeek R1')).toBe('DeepSeek R1');
    expect(withoutLoneLetters('税')).toBe('税');
    expect(withoutLoneLetters(' a ')).toBe('');
  });

  it('tell a result that only the short start of a query word matched', () => {
    expect(matchesOnlyShortStarts('is <mark>a</mark> kind of <mark>“a</mark> tax', 'Alibabba')).toBe(true);
    expect(matchesOnlyShortStarts('not cost-effective <mark>so</mark> customers', 'Sorce')).toBe(true);
    expect(matchesOnlyShortStarts('a <mark>Alibaba</mark> and <mark>a</mark>', 'Alibaba')).toBe(false);
    expect(matchesOnlyShortStarts('<mark>R1</mark> model', 'DeepSeek R1')).toBe(false);
    expect(matchesOnlyShortStarts('no mark, matched by its metadata', 'huanfang')).toBe(false);
    expect(matchesOnlyShortStarts('<mark>税</mark>', '智商税')).toBe(false);
  });
});

describe('withEllipses', () => {
  const pieces = (text: string) => [{ text, marked: false }];
  it('marks where an excerpt cuts its text, and only there', () => {
    const text = 'IQ tax 智商税. ⟦ 稅 ⟧ 智商税, Chinese slang for money wasted on something.';
    expect(excerptText(withEllipses(pieces('tax 智商税. 智商税, Chinese slang'), text))).toBe(
      '… tax 智商税. 智商税, Chinese slang …',
    );
    expect(excerptText(withEllipses(pieces('IQ tax 智商税. 智商税, Chinese'), text))).toBe(
      'IQ tax 智商税. 智商税, Chinese …',
    );
    expect(excerptText(withEllipses(pieces('slang for money wasted on something.'), text))).toBe(
      '… slang for money wasted on something.',
    );
    expect(withEllipses(pieces('not in the text'), text)).toEqual(pieces('not in the text'));
  });
});

describe('articlesByTheirTitleFirst', () => {
  const results = [
    { url: '/concepts/open-source/', kind: 'concept', title: 'Open source', headings: [] },
    { url: '/articles/other/', kind: 'article', title: 'Chips', headings: ['Closed doors'] },
    { url: '/articles/deepseek/', kind: 'article', title: 'DeepSeek, Open Source, and the State', headings: [] },
    { url: '/articles/isa/', kind: 'article', title: 'Chips', headings: ['Why open-source ISAs'] },
  ];
  const order = (query: string) => articlesByTheirTitleFirst(results, query).map((result) => result.url);

  it('puts the articles whose title or a heading holds every word of the query first, in order', () => {
    expect(order('open source')).toEqual([
      '/articles/deepseek/',
      '/articles/isa/',
      '/concepts/open-source/',
      '/articles/other/',
    ]);
  });

  it('leaves the order alone when no title holds them all', () => {
    expect(order('open doors')).toEqual(results.map((result) => result.url));
    expect(order('a')).toEqual(results.map((result) => result.url));
  });
});

describe('subResultTitles', () => {
  it('titles a run of paragraphs under one heading once, and a paragraph before the first heading not at all', () => {
    expect(
      subResultTitles('DeepSeek, Open Source, and the Chinese State', [
        'DeepSeek, Open Source, and the Chinese State',
        'DeepSeek, Open Source, and the Chinese State',
        'Why open source',
        'Why open source',
        'Robin Li, quoted',
        'Why open source',
      ]),
    ).toEqual([undefined, undefined, 'Why open source', undefined, 'Robin Li, quoted', 'Why open source']);
    expect(subResultTitles('Robin Li', ['Robin Li, quoted'])).toEqual(['Robin Li, quoted']);
  });
});
