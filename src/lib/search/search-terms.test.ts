import { describe, expect, it } from 'vitest';
import {
  chineseSearchTerms,
  entityNames,
  entitySearchTerms,
  hanRuns,
  pinyinTerms,
  subResultTitle,
} from './search-terms.ts';

/** Whether a query finds a text the way Pagefind does on an English page: as a prefix of a run or of an extra term. */
function findable(query: string, text: string): boolean {
  return [...hanRuns(text), ...chineseSearchTerms(text)].some((term) => term.startsWith(query));
}

describe('Chinese search terms', () => {
  it('splits Han runs at anything else, full-width punctuation included', () => {
    expect(hanRuns('IQ tax 智商税... 我擅长数学、代码')).toEqual(['智商税', '我擅长数学', '代码']);
  });

  it.each([
    ['智商税', 'Open source is a kind of IQ tax 智商税...'],
    ['智商', 'IQ tax 智商税'],
    ['税', 'IQ tax 智商税'],
    ['情怀', '“the open source ethos” 开源情怀, which'],
    ['数学', '我擅长数学、代码、逻辑类的题目'],
    ['人工智能', '中国人工智能开源软件发展联盟'],
    ['李开复', 'Kai-fu Lee’s 李開復 start-up'],
    ['開源', '开源情怀'],
  ])('makes %s findable in “%s”', (query, text) => {
    expect(findable(query, text)).toBe(true);
  });

  it('adds nothing for text without Chinese, and no term the text already holds whole', () => {
    expect(chineseSearchTerms('DeepSeek has no near-term profit strategy.')).toEqual([]);
    expect(chineseSearchTerms('Robin Li 李彦宏')).not.toContain('李彦宏');
  });

  it('gives toneless pinyin from every syllable on, and spelled apart', () => {
    expect(pinyinTerms('幻方量化')).toEqual([
      'huanfanglianghua',
      'fanglianghua',
      'lianghua',
      'hua',
      'huan fang liang hua',
    ]);
    expect(pinyinTerms('李開復')).toContain('likaifu');
  });

  it('gives an entity every name and term a reader may type', () => {
    const forms = [
      { text: 'Kai-fu Lee', weak: false },
      { text: '李開復', weak: false },
      { text: 'Lee', weak: true },
    ];
    expect(entityNames(forms)).toEqual(['Kai-fu Lee', '李開復', '李开复']);
    expect(entitySearchTerms(forms)).toEqual(
      expect.arrayContaining(['Kai-fu Lee', 'Lee', '李開復', '李开复', '开复', 'likaifu', 'kaifu']),
    );
  });

  it('titles a sub-result by its speaker, else its heading, else its page', () => {
    expect(subResultTitle({ speaker: 'Robin Li', heading: 'Pragmatism', page: 'DeepSeek' })).toBe('Robin Li, quoted');
    expect(subResultTitle({ speaker: 'Liang Wenfeng', interview: true, page: 'DeepSeek' })).toBe(
      'Liang Wenfeng, in an interview',
    );
    expect(subResultTitle({ heading: 'The state steps in', page: 'DeepSeek' })).toBe('The state steps in');
    expect(subResultTitle({ page: 'DeepSeek, Open Source, and the Chinese State' })).toBe(
      'DeepSeek, Open Source, and the Chinese State',
    );
  });
});
