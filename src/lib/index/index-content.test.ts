import { describe, expect, it } from 'vitest';
import { parseContent, type ContentFile } from '../content/registry.ts';
import { Matcher } from '../link/matcher.ts';
import { aliasPatterns, indexContent, type SiteIndexOptions } from './index-content.ts';

const encoder = new TextEncoder();
const file = (path: string, text: string): ContentFile => ({ path, bytes: encoder.encode(text) });
const content = parseContent([
  file('entities/organizations/deepseek.md', '---\nname: DeepSeek\nsummary: S.\norgType: company\n---\nA lab.\n'),
  file(
    'articles/note.mdx',
    '---\ntitle: Note\ndek: D.\nsource: { publication: X }\n---\n\nDeepSeek, on the other hand, has no near-term profit strategy.\n',
  ),
]);
// A folder that does not exist: the content and the ledger are given, nothing is read.
const options: SiteIndexOptions = { contentRoot: 'nowhere', linkMode: 'section', base: '/', linking: true };
const previousLedger = {
  '/articles/note/': [{ id: 'p-deepseek-has-no', text: 'DeepSeek has no near-term profit strategy.' }],
  '/articles/gone/': [{ id: 'p-gone', text: 'An article since deleted.' }],
};

describe('indexContent', () => {
  const { index, ledger, redirects } = indexContent(content, previousLedger, options);

  it('indexes the content it is given', () => {
    expect(index.passages.get('deepseek')?.map((passage) => passage.blockId)).toEqual(['p-deepseek-on-the-other-hand']);
    expect(index.articles.get('note')?.html).toContain('class="entity-link"');
  });

  it('grows the ledger it is given, and says where each retired id lands now', () => {
    expect(redirects).toEqual([
      { page: '/articles/note/', from: 'p-deepseek-has-no', to: 'p-deepseek-on-the-other-hand', why: 'edited' },
    ]);
    expect(index.articles.get('note')?.redirects).toEqual([
      { from: 'p-deepseek-has-no', to: 'p-deepseek-on-the-other-hand', why: 'edited' },
    ]);
    expect(Object.keys(ledger ?? {})).toEqual(['/articles/gone/', '/articles/note/', '/organizations/deepseek/']);
    expect(ledger?.['/articles/note/']?.map((entry) => entry.id).sort()).toEqual([
      'p-deepseek-has-no',
      'p-deepseek-on-the-other-hand',
    ]);
    expect(previousLedger['/articles/note/']).toHaveLength(1);
  });

  it('grows no ledger without linking, which publishes no ids', () => {
    const unlinked = indexContent(content, previousLedger, { ...options, linking: false });
    expect(unlinked.ledger).toBeUndefined();
    expect(unlinked.redirects).toEqual([]);
    expect(unlinked.index.passages.size).toBe(0);
  });
});

describe('aliasPatterns', () => {
  it('finds a name in text typed in either normal form, whichever form the entity file used', () => {
    const cafe = {
      path: 'entities/organizations/cafe.md',
      bytes: new TextEncoder().encode('---\nname: Cafe\u0301 Group\nsummary: S.\norgType: company\n---\n'),
    };
    const matcher = new Matcher(aliasPatterns(parseContent([cafe])));
    for (const text of ['At Caf\u00e9 Group, coffee.', 'At Cafe\u0301 Group, coffee.']) {
      expect(
        matcher
          .document()
          .scan(text)
          .map((match) => [match.entityId, text.slice(match.start, match.end)]),
      ).toEqual([['cafe', text.slice(3, -9)]]);
    }
  });
});
