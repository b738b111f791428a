import { describe, expect, it } from 'vitest';
import { growLedger, publishPage, redirectNote } from './grow-ledger.ts';

const previous = {
  '/people/liang-wenfeng/': [{ id: 'p-liang', text: 'Liang runs DeepSeek.' }],
  '/articles/note/': [
    { id: 'p-first', text: 'DeepSeek released its first models in the autumn.' },
    { id: 'p-money', text: 'The company says it has no plan to make money soon.' },
    { id: 'p-gone', text: 'A paragraph the editor deletes.' },
  ],
};

describe('the ledger of a build', () => {
  const note = publishPage(previous, '/articles/note/', [
    { id: 'p-first', text: 'DeepSeek released its first models in the autumn.' },
    { id: 'p-plan', text: 'Money soon? The company says it has no plan to make it.' },
  ]);
  const fresh = publishPage(previous, '/articles/new/', [{ id: 'p-new', text: 'A new article.' }]);
  const { ledger, redirects } = growLedger(previous, [note, fresh]);

  it('reconciles a page with what it published before', () => {
    expect(note.redirects).toEqual([
      { from: 'p-money', to: 'p-plan', why: 'edited' },
      { from: 'p-gone', to: 'p-plan', why: 'removed' },
    ]);
    expect(fresh).toEqual({
      page: '/articles/new/',
      entries: [{ id: 'p-new', text: 'A new article.' }],
      redirects: [],
    });
  });

  it('grows the ledger: every page published now, every other page kept, pages in order of their paths', () => {
    expect(Object.keys(ledger)).toEqual(['/articles/new/', '/articles/note/', '/people/liang-wenfeng/']);
    expect(ledger['/articles/note/']?.map((entry) => entry.id)).toEqual(['p-first', 'p-money', 'p-gone', 'p-plan']);
    expect(ledger['/people/liang-wenfeng/']).toBe(previous['/people/liang-wenfeng/']);
    expect(previous['/articles/note/']).toHaveLength(3);
  });

  it('lists every redirect with its page, and says what became of each id', () => {
    expect(redirects.map(redirectNote)).toEqual([
      'Ledger: /articles/note/#p-money now lands on #p-plan (the same paragraph, edited)',
      'Ledger: /articles/note/#p-gone now lands on #p-plan (removed; the nearest paragraph)',
    ]);
  });
});
