import { describe, expect, it } from 'vitest';
import {
  joinSitemapIndexes,
  parseBuildArguments,
  parseShard,
  searchBundles,
  shardOf,
  shardSetProblems,
  type ShardManifest,
} from './shards.ts';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/2', '3/2', '1/0', '1', 'a/b', '1.5/2', '-1/2', ''])('refuses %j, saying what it expected', (text) => {
    expect(() => parseShard(text)).toThrow(
      `--shard is ${JSON.stringify(text)}; expected i/n, this build's shard i of n, whole numbers with 1 <= i <= n, like "--shard 1/4"`,
    );
  });

  it('names the variable it was read from', () => {
    expect(() => parseShard('5/4', 'DOSSIER_SHARD')).toThrow(/^DOSSIER_SHARD is "5\/4"; expected i\/n/);
  });
});

describe('shardOf', () => {
  const pages = Array.from({ length: 2000 }, (_, i) => `/articles/article-${i}/`);

  it('puts a page in the same shard however its address is written', () => {
    for (const page of pages.slice(0, 50)) {
      expect(shardOf(page.slice(1, -1), 3)).toBe(shardOf(page, 3));
      expect(shardOf(`${page.slice(0, -1)}`, 3)).toBe(shardOf(page, 3));
    }
  });

  it('spreads pages evenly over the shards', () => {
    const counts = [0, 0, 0, 0];
    for (const page of pages) counts[shardOf(page, 4) - 1]!++;
    for (const count of counts) expect(Math.abs(count - 500)).toBeLessThan(50);
  });

  it('is the one shard of a build in one shard', () => {
    expect(new Set(pages.map((page) => shardOf(page, 1)))).toEqual(new Set([1]));
  });
});

describe('searchBundles', () => {
  it('is pagefind/ for a whole build, and one bundle per shard for a build in shards', () => {
    expect(searchBundles(undefined)).toEqual(['pagefind/']);
    expect(searchBundles({ index: 2, count: 3 })).toEqual([
      'pagefind/shard-1/',
      'pagefind/shard-2/',
      'pagefind/shard-3/',
    ]);
  });
});

describe('shardSetProblems', () => {
  const manifest = (shard: number, of: number, pages: string[], extra: Partial<ShardManifest> = {}) => ({
    folder: `dist-shard-${shard}`,
    manifest: { shard, of, fingerprint: 'f', sitePages: 3, pages, base: '/', ...extra },
  });

  it('accepts every shard of one build, in any order', () => {
    expect(shardSetProblems([manifest(2, 2, ['/b/']), manifest(1, 2, ['/a/', '/c/'])])).toEqual([]);
  });

  it('names a missing shard, and a shard given twice', () => {
    expect(shardSetProblems([manifest(1, 3, ['/a/']), manifest(1, 3, ['/a/']), manifest(3, 3, ['/c/'])])).toEqual([
      'shard 1/3 was given twice: dist-shard-1, dist-shard-1',
      'shard 2/3 is missing',
    ]);
  });

  it('names shards of builds in other numbers of shards, or from other content', () => {
    expect(shardSetProblems([manifest(1, 2, ['/a/']), manifest(2, 3, ['/b/'])])).toEqual([
      'dist-shard-2 (shard 2/3) belongs to a build in 3 shards, dist-shard-1 (shard 1/2) to one in 2',
    ]);
    expect(shardSetProblems([manifest(1, 2, ['/a/']), manifest(2, 2, ['/b/'], { fingerprint: 'g' })])).toEqual([
      'dist-shard-2 (shard 2/2) was built from other content or settings than dist-shard-1 (shard 1/2); build every shard from the same commit and settings',
    ]);
  });

  it('names shards that do not hold every page of the site', () => {
    expect(shardSetProblems([manifest(1, 2, ['/a/']), manifest(2, 2, ['/b/'])])).toEqual([
      'the shards hold 2 pages, but the site has 3',
    ]);
  });
});

describe('joinSitemapIndexes', () => {
  it('lists every shard sitemap in one index', () => {
    const index = (n: number) =>
      `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/sitemap-shard-${n}-0.xml</loc></sitemap></sitemapindex>`;
    expect(joinSitemapIndexes([index(1), index(2)])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/sitemap-shard-1-0.xml</loc></sitemap><sitemap><loc>https://a.example/sitemap-shard-2-0.xml</loc></sitemap></sitemapindex>',
    );
  });
});

describe('parseBuildArguments', () => {
  it('passes other arguments to astro build', () => {
    expect(parseBuildArguments(['--config', 'site/astro.config.mjs'])).toEqual({
      kind: 'build',
      shard: undefined,
      astroArguments: ['--config', 'site/astro.config.mjs'],
    });
  });

  it('takes --shard i/n and --shard=i/n out of them', () => {
    expect(parseBuildArguments(['--shard', '1/2', '--config', 'x.mjs'])).toEqual({
      kind: 'build',
      shard: { index: 1, count: 2 },
      astroArguments: ['--config', 'x.mjs'],
    });
    expect(parseBuildArguments(['--shard=2/2'])).toEqual({
      kind: 'build',
      shard: { index: 2, count: 2 },
      astroArguments: [],
    });
  });

  it('refuses a bad shard, or two', () => {
    expect(() => parseBuildArguments(['--shard'])).toThrow('--shard is given no value; expected i/n');
    expect(() => parseBuildArguments(['--shard', '1/2', '--shard', '2/2'])).toThrow(
      '--shard is given twice; a build writes one shard',
    );
  });

  it('reads --merge and its folders', () => {
    expect(parseBuildArguments(['--merge', 'a', 'b'])).toEqual({ kind: 'merge', folders: ['a', 'b'] });
  });

  it('refuses --merge without folders, with an option, or after other arguments', () => {
    expect(() => parseBuildArguments(['--merge'])).toThrow(
      '--merge is given no folders; expected the output folders of every shard, like "--merge dist-shard-1 dist-shard-2"',
    );
    expect(() => parseBuildArguments(['--merge', 'a', '--shard', '1/2'])).toThrow(
      '--merge takes the shard folders; "--shard" is no folder',
    );
    expect(() => parseBuildArguments(['--shard', '1/2', '--merge', 'a'])).toThrow(
      '--merge takes only the shard folders, after it; "--shard", "1/2" cannot go with it',
    );
  });
});
