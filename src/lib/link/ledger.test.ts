import { describe, expect, it } from 'vitest';
import { problemsOf } from '../content/content-errors.ts';
import { ledgerText, parseLedger, reconcile } from './ledger.ts';

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

describe('parseLedger', () => {
  const recover =
    'the build writes it and it is never edited by hand: recover the last committed one with "git checkout content/ledger.json", then build again';

  it('reads the ledger the build wrote', () => {
    expect(parseLedger('{"/articles/a/": [{ "id": "p-a", "text": "A." }]}', 'content/ledger.json')).toEqual({
      '/articles/a/': [{ id: 'p-a', text: 'A.' }],
    });
    const ledger = { '/articles/a/': [{ id: 'p-a', text: 'A “quoted” line.' }], '/people/b/': [] };
    expect(parseLedger(ledgerText(ledger), 'content/ledger.json')).toEqual(ledger);
  });

  it.each([
    [
      'cut short',
      '{"/articles/a/": [{ "id": "p-a", "te',
      /^content\/ledger\.json: is not a ledger of published ids \(is not JSON: .+\); /,
    ],
    ['emptied', '', /^content\/ledger\.json: is not a ledger of published ids \(is not JSON: .+\); /],
    [
      'null',
      'null',
      /^content\/ledger\.json: is not a ledger of published ids \(expected a mapping of page paths to their ids\); /,
    ],
    [
      'of the wrong shape',
      '{"/articles/a/": ["p-a"]}',
      /^content\/ledger\.json: is not a ledger of published ids \(at "\/articles\/a\/\.0" expected an id and the text it had\); /,
    ],
  ])('names the file and how to recover it when it is %s', (_, text, message) => {
    const [problem] = problemsOf(() => parseLedger(text, 'content/ledger.json'));
    expect(problem).toMatch(message);
    expect(problem!.endsWith(recover)).toBe(true);
  });
});
