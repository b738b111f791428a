/**
 * Building one site on several machines: `npm run build -- --shard i/n` writes the pages of shard i of n, and
 * `npm run build -- --merge <folders…>` joins the shards into one site. Every shard reads the whole content (one
 * registry, one site index), so any shard can render any page; what is split is the rendering, the cards and the
 * search index, which are most of a build. A page's shard is a stable hash of its address: the same page lands in
 * the same shard on every machine and in every build, and adding an article moves no other page.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Shard `index` of `count`, from 1. */
export interface Shard {
  index: number;
  count: number;
}

/** A command-line argument that cannot be used, with what was expected. */
export class ShardArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardArgumentError';
    // The message names the argument; a stack trace would only hide it.
    this.stack = this.message;
  }
}

const SHARD_EXPECTED = 'expected i/n, this build\'s shard i of n, whole numbers with 1 <= i <= n, like "--shard 1/4"';

/** `"2/4"` as shard 2 of 4, or a ShardArgumentError naming what was given (as `name`: the option or variable). */
export function parseShard(text: string | undefined, name = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text ?? '');
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || index < 1 || count < 1 || index > count)
    throw new ShardArgumentError(
      `${name} is ${text === undefined ? 'given no value' : JSON.stringify(text)}; ${SHARD_EXPECTED}`,
    );
  return { index, count };
}

/** `"2/4"`: how a shard is written on the command line and in DOSSIER_SHARD. */
export const shardText = ({ index, count }: Shard) => `${index}/${count}`;

/**
 * The shard (1 to `count`) whose build writes the page at `pathname` (under the base path or not, with or without
 * its slashes: `/articles/a/` and `articles/a` are one page). The first four bytes of a SHA-256 are even enough at
 * any number of pages, and the same on every machine.
 */
export function shardOf(pathname: string, count: number): number {
  const address = pathname.replace(/^\/+|\/+$/g, '');
  return (createHash('sha256').update(address).digest().readUInt32BE(0) % count) + 1;
}

/** Where a build puts its Pagefind bundle, under the site: one bundle per shard in a site built in shards. */
export const searchBundle = (shard: Shard | undefined) => (shard ? `pagefind/shard-${shard.index}/` : 'pagefind/');

/** Every search bundle of the site a build belongs to, the first one the bundle the search page loads. */
export const searchBundles = (shard: Shard | undefined): string[] =>
  shard
    ? Array.from({ length: shard.count }, (_, i) => searchBundle({ index: i + 1, count: shard.count }))
    : [searchBundle(undefined)];

/** The sitemap file names of a shard: `sitemap-shard-2-index.xml` listing `sitemap-shard-2-0.xml`… */
export const sitemapBase = (shard: Shard | undefined) => (shard ? `sitemap-shard-${shard.index}` : 'sitemap');

/** Written beside a shard's pages, so that the merge can tell whether its folders make one whole site. */
export const SHARD_MANIFEST = '.dossier-shard.json';

export const shardManifestSchema = z.strictObject({
  shard: z.number().int().positive(),
  of: z.number().int().positive(),
  /** The content and the settings the shard was built from: every shard of one site has the same. */
  fingerprint: z.string().min(1),
  /** How many pages the whole site has. */
  sitePages: z.number().int().nonnegative(),
  /** The addresses of the pages this shard wrote. */
  pages: z.array(z.string()),
  /** The site's base path, for what the merge writes anew over the whole site (the Chinese face). */
  base: z.string(),
});
export type ShardManifest = z.infer<typeof shardManifestSchema>;

/**
 * What keeps a set of shard manifests (each with the folder it came from) from being one whole site, one line per
 * problem; none when every shard of one build is there once.
 */
export function shardSetProblems(shards: { folder: string; manifest: ShardManifest }[]): string[] {
  if (!shards.length) return ['no shard folders were given'];
  const [first] = shards;
  const problems: string[] = [];
  const named = ({ folder, manifest }: (typeof shards)[number]) => `${folder} (shard ${manifest.shard}/${manifest.of})`;
  for (const other of shards.slice(1)) {
    if (other.manifest.of !== first!.manifest.of)
      problems.push(
        `${named(other)} belongs to a build in ${other.manifest.of} shards, ${named(first!)} to one in ${first!.manifest.of}`,
      );
    else if (other.manifest.fingerprint !== first!.manifest.fingerprint)
      problems.push(
        `${named(other)} was built from other content or settings than ${named(first!)}; build every shard from the same commit and settings`,
      );
  }
  if (problems.length) return problems;
  const count = first!.manifest.of;
  for (let index = 1; index <= count; index++) {
    const found = shards.filter(({ manifest }) => manifest.shard === index);
    if (!found.length) problems.push(`shard ${index}/${count} is missing`);
    if (found.length > 1)
      problems.push(`shard ${index}/${count} was given twice: ${found.map(({ folder }) => folder).join(', ')}`);
  }
  const pages = shards.reduce((sum, { manifest }) => sum + manifest.pages.length, 0);
  if (!problems.length && pages !== first!.manifest.sitePages)
    problems.push(`the shards hold ${pages} pages, but the site has ${first!.manifest.sitePages}`);
  return problems;
}

/**
 * The sitemap index of a site built in shards, from each shard's own index: every `<sitemap>` entry, in shard
 * order. The sitemap integration writes one entry per element, so taking the elements whole keeps what it wrote.
 */
export function joinSitemapIndexes(indexes: string[]): string {
  const entries = indexes.flatMap((index) => index.match(/<sitemap>[\s\S]*?<\/sitemap>/g) ?? []);
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join('')}</sitemapindex>`;
}

/** What `npm run build` was asked to do. */
export type BuildRequest =
  { kind: 'build'; shard: Shard | undefined; astroArguments: string[] } | { kind: 'merge'; folders: string[] };

/**
 * `npm run build`'s arguments: `--shard i/n` (or `--shard=i/n`) builds one shard, `--merge <folders…>` joins shard
 * folders; anything else goes to `astro build` as before (`--config …`).
 */
export function parseBuildArguments(args: string[]): BuildRequest {
  const mergeAt = args.indexOf('--merge');
  if (mergeAt >= 0) {
    const others = args.slice(0, mergeAt);
    const folders = args.slice(mergeAt + 1);
    if (others.length)
      throw new ShardArgumentError(
        `--merge takes only the shard folders, after it; ${others.map((arg) => JSON.stringify(arg)).join(', ')} cannot go with it`,
      );
    const option = folders.find((folder) => folder.startsWith('-'));
    if (option) throw new ShardArgumentError(`--merge takes the shard folders; ${JSON.stringify(option)} is no folder`);
    if (!folders.length)
      throw new ShardArgumentError(
        '--merge is given no folders; expected the output folders of every shard, like "--merge dist-shard-1 dist-shard-2"',
      );
    return { kind: 'merge', folders };
  }
  const astroArguments: string[] = [];
  let shard: Shard | undefined;
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    const value = arg === '--shard' ? args[++at] : arg.startsWith('--shard=') ? arg.slice('--shard='.length) : null;
    if (value === null) {
      astroArguments.push(arg);
      continue;
    }
    if (shard) throw new ShardArgumentError('--shard is given twice; a build writes one shard');
    shard = parseShard(value);
  }
  return { kind: 'build', shard, astroArguments };
}
