import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stageTimings } from '../build/build-timings.ts';
import { parseContent, type ContentFile } from '../content/registry.ts';
import { codeFingerprint, folderCache } from './document-cache.ts';
import { indexContent, type SiteIndexOptions } from './index-content.ts';

const encoder = new TextEncoder();
const file = (path: string, text: string): ContentFile => ({ path, bytes: encoder.encode(text) });
const deepseek = (aliases = '[]') =>
  file(
    'entities/organizations/deepseek.md',
    `---\nname: DeepSeek\naliases: ${aliases}\nsummary: S.\norgType: company\n---\nA lab.\n`,
  );
const article = (slug: string, text: string) =>
  file(`articles/${slug}.mdx`, `---\ntitle: ${slug}\ndek: D.\nsource: { publication: X }\n---\n\n${text}\n`);

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
function cachedOptions(code = 'code-1'): SiteIndexOptions {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-documents-'));
  folders.push(folder);
  return { contentRoot: 'nowhere', linkMode: 'section', base: '/', linking: true, cache: { folder, code } };
}
const parsingMs = () => stageTimings().parsing;

describe('the document cache', () => {
  const first = [deepseek(), article('one', 'DeepSeek opened its weights.'), article('two', 'Nothing named here.')];

  it('gives a rebuild the same index without parsing again, and keeps one entry per document', () => {
    const options = cachedOptions();
    const cold = indexContent(parseContent(first), {}, options);
    const before = parsingMs();
    const warm = indexContent(parseContent(first), {}, options);
    expect(parsingMs()).toBe(before);
    expect(warm.index.articles.get('one')?.html).toBe(cold.index.articles.get('one')?.html);
    expect(warm.index.passages).toEqual(cold.index.passages);
    expect(warm.ledger).toEqual(cold.ledger);
    expect(readdirSync(options.cache!.folder)).toHaveLength(3);
  });

  it('renders again only the document that changed, and forgets its old entry', () => {
    const options = cachedOptions();
    indexContent(parseContent(first), {}, options);
    const entries = new Set(readdirSync(options.cache!.folder));
    const edited = [first[0]!, article('one', 'DeepSeek opened its weights, again.'), first[2]!];
    const index = indexContent(parseContent(edited), {}, options).index;
    expect(index.articles.get('one')?.html).toContain('again.');
    const now = readdirSync(options.cache!.folder);
    expect(now).toHaveLength(3);
    expect(now.filter((name) => !entries.has(name))).toHaveLength(1);
  });

  it('links every page anew when an alias changes', () => {
    const options = cachedOptions();
    const before = [deepseek(), article('one', 'Shenzhen Qiusuo opened its weights.')];
    expect(indexContent(parseContent(before), {}, options).index.passages.get('deepseek')).toBeUndefined();
    const after = [deepseek("['Shenzhen Qiusuo']"), before[1]!];
    const index = indexContent(parseContent(after), {}, options).index;
    expect(index.passages.get('deepseek')).toHaveLength(1);
    expect(index.articles.get('one')?.html).toContain('class="entity-link"');
  });

  it('misses for other code, and for the ids a page published before', () => {
    const options = cachedOptions('code-1');
    indexContent(parseContent(first), {}, options);
    const before = parsingMs();
    indexContent(parseContent(first), {}, { ...options, cache: { ...options.cache!, code: 'code-2' } });
    expect(parsingMs()).toBeGreaterThan(before);
    const ledger = {
      '/articles/one/': [{ id: 'p-deepseek-opened-its', text: 'DeepSeek opened its weights at last.' }],
    };
    const { index } = indexContent(parseContent(first), ledger, options);
    // Rendered again: the retired id lands on the paragraph, in the ledger and in the page.
    expect(index.articles.get('one')?.redirects).toEqual([
      { from: 'p-deepseek-opened-its', to: 'p-deepseek-opened-its-weights', why: 'edited' },
    ]);
    expect(index.articles.get('one')?.html).toContain('id="p-deepseek-opened-its"');
  });

  it('treats an entry it cannot read as a miss', () => {
    const cache = folderCache(join(tmpdir(), 'dossier-no-such-folder', 'documents'));
    expect(cache.get('nothing')).toBeUndefined();
    expect(() => cache.prune()).not.toThrow();
  });
});

describe('codeFingerprint', () => {
  it('changes with the code and not with its tests', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dossier-code-'));
    folders.push(folder);
    const write = (name: string, text: string) => writeFileSync(join(folder, name), text);
    write('a.ts', 'export const a = 1;');
    const first = codeFingerprint(folder);
    write('a.test.ts', 'test');
    expect(codeFingerprint(folder)).toBe(first);
    write('a.ts', 'export const a = 2;');
    expect(codeFingerprint(folder)).not.toBe(first);
  });
});
