import { describe, expect, it } from 'vitest';
import { BlockIdAllocator, idWords } from './block-ids.ts';

describe('idWords', () => {
  it.each([
    [
      'DeepSeek, on the other hand, has no near-term profit strategy.',
      ['deepseek', 'on', 'the', 'other', 'hand', 'has', 'no', 'near', 'term', 'profit', 'strategy'],
    ],
    ['Beijing’s approach to open source', ['beijings', 'approach', 'to', 'open', 'source']],
    ['Café déjà vu', ['cafe', 'deja', 'vu']],
    ['Robin Li 李彦宏 put it', ['robin', 'li', '李彦宏', 'put', 'it']],
    ['中国人工智能开源软件发展联盟', ['中国人工智能开源', '软件发展联盟']],
    ['— … —', []],
  ])('%s', (text, words) => {
    expect(idWords(text)).toEqual(words);
  });
});

describe('BlockIdAllocator', () => {
  it('makes readable ids from the first words', () => {
    const ids = new BlockIdAllocator();
    expect(ids.allocate('paragraph', 'DeepSeek, on the other hand, has no near-term profit strategy.')).toBe(
      'p-deepseek-on-the-other-hand',
    );
    expect(ids.allocate('heading', 'Beijing’s approach to open source')).toBe('beijings-approach-to-open-source');
    expect(ids.allocate('list-item', 'Open-source models')).toBe('li-open-source-models');
  });

  it('keeps every id when a paragraph is inserted above', () => {
    const texts = [
      'First paragraph of the article here.',
      'Second paragraph says something else.',
      'Third one closes.',
    ];
    const allocate = (list: string[]) => {
      const ids = new BlockIdAllocator();
      return list.map((t) => ids.allocate('paragraph', t));
    };
    const original = allocate(texts);
    const edited = allocate(['A new paragraph on top of everything.', ...texts]);
    expect(edited.slice(1)).toEqual(original);
  });

  it('lengthens a colliding id word by word, deterministically', () => {
    const ids = new BlockIdAllocator();
    expect(ids.allocate('paragraph', 'Editorial note: the source text gives no note.')).toBe(
      'p-editorial-note-the-source-text',
    );
    expect(ids.allocate('paragraph', 'Editorial note: the source text carries this marker.')).toBe(
      'p-editorial-note-the-source-text-carries',
    );
  });

  it('numbers identical texts and avoids reserved ids', () => {
    const ids = new BlockIdAllocator();
    ids.reserve('p-see-above');
    expect(ids.allocate('paragraph', 'See above.')).toBe('p-see-above-2');
    expect(ids.allocate('paragraph', 'See above.')).toBe('p-see-above-3');
  });

  it('gives text-less blocks a generic id', () => {
    const ids = new BlockIdAllocator();
    expect(ids.allocate('paragraph', '…')).toBe('p-block');
    expect(ids.allocate('heading', '')).toBe('h-section');
  });
});
