import { describe, expect, it } from 'vitest';
import { reconcile } from './ledger.ts';

const v1 = [
  { id: 'p-a', text: 'DeepSeek released its first models in the autumn.' },
  { id: 'p-b', text: 'The company says it has no plan to make money soon.' },
  { id: 'p-c', text: 'A paragraph the editor deletes.' },
  { id: 'p-d', text: 'Liang Wenfeng gave two interviews.' },
];

describe('reconcile', () => {
  it('starts a ledger from the published blocks, with nothing to redirect', () => {
    expect(reconcile([], v1)).toEqual({ entries: v1, redirects: [] });
  });

  it('keeps every retired id, sends an edited paragraph’s to its new self and a deleted one’s to its neighbour', () => {
    const { entries } = reconcile([], v1);
    const v2 = [
      { id: 'p-new', text: 'A new opening paragraph.' },
      v1[0]!,
      { id: 'p-money', text: 'Money soon? The company says it has no plan to make it.' },
      v1[3]!,
    ];
    const next = reconcile(entries, v2);
    expect(next.redirects).toEqual([
      { from: 'p-b', to: 'p-money', why: 'edited' },
      { from: 'p-c', to: 'p-money', why: 'removed' },
    ]);
    expect(next.entries.map((e) => e.id)).toEqual(['p-new', 'p-a', 'p-b', 'p-c', 'p-money', 'p-d']);
    // A third version still resolves the first version's ids: the ledger only grows.
    const v3 = reconcile(next.entries, [v1[3]!]);
    expect(v3.redirects.map((r) => r.from).sort()).toEqual(['p-a', 'p-b', 'p-c', 'p-money', 'p-new']);
    expect(v3.redirects.every((r) => r.to === 'p-d')).toBe(true);
  });
});
