import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeShardFolders, siteFingerprint, writeShardManifest } from './shard-output.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dossier-shards-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A shard's output folder with these files and its manifest. */
function shardFolder(shard: number, files: Record<string, string>, pages: string[], fingerprint = 'f'): string {
  const folder = join(root, `dist-shard-${shard}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  writeShardManifest(folder, { shard, of: 2, fingerprint, sitePages: 3, pages, base: '/' });
  return folder;
}

const sitemapIndex = (shard: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/sitemap-shard-${shard}-0.xml</loc></sitemap></sitemapindex>`;

const filesIn = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();

describe('mergeShardFolders', () => {
  it('leaves out the files each shard wrote for its own pages, for the caller to write over the whole site', () => {
    const face = (shard: number) => ({ 'fonts/han.css': `shard ${shard}`, [`_astro/han-${shard}.woff2`]: 'font' });
    const one = shardFolder(1, { 'index.html': 'home', 'articles/a/index.html': 'a', ...face(1) }, [
      '/',
      '/articles/a/',
    ]);
    const two = shardFolder(2, { 'articles/b/index.html': 'b', ...face(2) }, ['/articles/b/']);
    expect(() => mergeShardFolders([one, two], join(root, 'conflict'))).toThrow('fonts/han.css differs');
    const site = join(root, 'faceless');
    mergeShardFolders([one, two], site, (file) => file.includes('han'));
    expect(filesIn(site)).toEqual(['articles/a/index.html', 'articles/b/index.html', 'index.html']);
  });

  it('joins every shard into one site, the shared files once and the sitemaps in one index', () => {
    const one = shardFolder(
      1,
      {
        'index.html': 'home',
        'articles/a/index.html': 'a',
        '_astro/site.css': 'css',
        'pagefind/shard-1/pagefind-entry.json': '{}',
        'sitemap-shard-1-index.xml': sitemapIndex(1),
        'sitemap-shard-1-0.xml': '<urlset/>',
      },
      ['/', '/articles/a/'],
    );
    const two = shardFolder(
      2,
      {
        'articles/b/index.html': 'b',
        '_astro/site.css': 'css',
        'pagefind/shard-2/pagefind-entry.json': '{}',
        'sitemap-shard-2-index.xml': sitemapIndex(2),
        'sitemap-shard-2-0.xml': '<urlset/>',
      },
      ['/articles/b/'],
    );
    const site = join(root, 'site');
    expect(mergeShardFolders([two, one], site)).toEqual({ shards: 2, pages: 3, base: '/' });
    expect(filesIn(site)).toEqual([
      '_astro/site.css',
      'articles/a/index.html',
      'articles/b/index.html',
      'index.html',
      'pagefind/shard-1/pagefind-entry.json',
      'pagefind/shard-2/pagefind-entry.json',
      'sitemap-index.xml',
      'sitemap-shard-1-0.xml',
      'sitemap-shard-2-0.xml',
    ]);
    expect(readFileSync(join(site, 'sitemap-index.xml'), 'utf8')).toContain(
      '<sitemap><loc>https://a.example/sitemap-shard-1-0.xml</loc></sitemap><sitemap><loc>https://a.example/sitemap-shard-2-0.xml</loc></sitemap>',
    );
  });

  it('refuses shards whose shared files differ, naming them', () => {
    const one = shardFolder(1, { 'index.html': 'home', 'articles/a/index.html': 'a', '_astro/site.css': 'old' }, [
      '/',
      '/articles/a/',
    ]);
    const two = shardFolder(2, { 'articles/b/index.html': 'b', '_astro/site.css': 'new' }, ['/articles/b/']);
    expect(() => mergeShardFolders([one, two], join(root, 'site'))).toThrow(
      `The shards cannot be merged:\n  - _astro/site.css differs between ${one} and ${two}\n  - shards of one site write these files alike: build every shard with the same code and settings`,
    );
  });

  it('refuses a folder that is no shard, naming it', () => {
    const one = shardFolder(1, { 'index.html': 'home' }, ['/', '/a/']);
    const plain = join(root, 'dist');
    mkdirSync(plain);
    expect(() => mergeShardFolders([one, plain, join(root, 'nowhere')], join(root, 'site'))).toThrow(
      `The shards cannot be merged:\n  - ${plain} holds no .dossier-shard.json: it is not the output of "npm run build -- --shard i/n"\n  - ${join(root, 'nowhere')} is no folder`,
    );
  });

  it('refuses an incomplete set of shards', () => {
    const one = shardFolder(1, { 'index.html': 'home' }, ['/', '/a/']);
    expect(() => mergeShardFolders([one], join(root, 'site'))).toThrow(
      'The shards cannot be merged:\n  - shard 2/2 is missing',
    );
  });
});

describe('siteFingerprint', () => {
  it('changes with any content file or setting, not with dot files or the files left out', () => {
    const content = join(root, 'content');
    mkdirSync(join(content, 'articles'), { recursive: true });
    writeFileSync(join(content, 'articles', 'a.mdx'), 'one');
    const before = siteFingerprint(content, { site: 'https://a.example' });
    writeFileSync(join(content, '.ledger.json.next'), '{}');
    expect(siteFingerprint(content, { site: 'https://a.example' })).toBe(before);
    expect(siteFingerprint(content, { site: 'https://b.example' })).not.toBe(before);
    writeFileSync(join(content, 'ledger.json'), '{}');
    expect(siteFingerprint(content, { site: 'https://a.example' }, ['ledger.json'])).toBe(before);
    writeFileSync(join(content, 'articles', 'a.mdx'), 'two');
    expect(siteFingerprint(content, { site: 'https://a.example' })).not.toBe(before);
  });
});
