import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ledgerTarget } from '../lib/build/site-config.ts';
import { invalidateSiteIndex, type SiteIndexOptions } from '../lib/index/site-index.ts';
import { parseLedger } from '../lib/link/ledger.ts';
import { publishLedger } from './ledger.ts';

/** The small fixture site, with a ledger in which the article's first paragraph had other words. */
function site(linking = true) {
  const contentRoot = mkdtempSync(join(tmpdir(), 'dossier-ledger-'));
  cpSync('src/lib/index/fixtures/bad-content/base', contentRoot, { recursive: true });
  const published = { id: 'p-deepseek-has-no', text: 'DeepSeek has no near-term profit strategy. Liang said so.' };
  writeFileSync(join(contentRoot, 'ledger.json'), JSON.stringify({ '/articles/note/': [published] }));
  const out = join(mkdtempSync(join(tmpdir(), 'dossier-out-')), 'site.ledger.json');
  const options: SiteIndexOptions = { contentRoot, linkMode: 'section', base: '/', linking };
  return { contentRoot, out, options };
}

function buildDone(options: SiteIndexOptions, out: string | undefined) {
  invalidateSiteIndex();
  const said = vi.spyOn(console, 'log').mockImplementation(() => {});
  void publishLedger(options, out).hooks['astro:build:done']!({} as never);
  return said.mock.calls.map((call) => String(call[0]));
}

afterEach(() => void vi.restoreAllMocks());

describe('the ledger at the end of a build', () => {
  it('says where each retired id lands, and writes the grown ledger with the name of the one it belongs in', () => {
    const { contentRoot, out, options } = site();
    expect(buildDone(options, out)).toEqual([
      'Ledger: /articles/note/#p-deepseek-has-no now lands on #p-deepseek-on-the-other-hand (the same paragraph, edited)',
    ]);
    const grown = parseLedger(readFileSync(out, 'utf8'), out);
    expect(grown['/articles/note/']?.map((entry) => entry.id)).toContain('p-deepseek-has-no');
    expect(Object.keys(grown)).toContain('/people/liang-wenfeng/');
    expect(readFileSync(ledgerTarget(out), 'utf8')).toBe(join(contentRoot, 'ledger.json'));
    // The content folder's own ledger waits for the build to succeed.
    expect(Object.keys(JSON.parse(readFileSync(join(contentRoot, 'ledger.json'), 'utf8')))).toEqual([
      '/articles/note/',
    ]);
  });

  it('writes nothing without linking, and nothing at all outside `npm run build`', () => {
    const unlinked = site(false);
    expect(buildDone(unlinked.options, unlinked.out)).toEqual([]);
    expect(existsSync(unlinked.out) || existsSync(ledgerTarget(unlinked.out))).toBe(false);
    const plain = site();
    expect(buildDone(plain.options, undefined)).toEqual([]);
    expect(existsSync(plain.out)).toBe(false);
  });
});
