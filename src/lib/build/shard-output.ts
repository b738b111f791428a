/**
 * The files of a site built in shards (see shards.ts): the manifest each shard writes beside its pages, and the merge
 * that copies the shards' folders into one site, checking that they are every shard of one build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import {
  joinSitemapIndexes,
  SHARD_MANIFEST,
  shardManifestSchema,
  shardSetProblems,
  sitemapBase,
  type ShardManifest,
} from './shards.ts';

/** The shard folders cannot be merged: every reason, one per line. */
export class ShardMergeError extends Error {
  constructor(problems: string[]) {
    super(`The shards cannot be merged:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ShardMergeError';
    this.stack = this.message;
  }
}

/** Every file under `folder`, as paths relative to it with `/`, in a stable order. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * What a shard was built from: the content folder's files (dot files aside, as the content readers skip them, and
 * the files in `leaveOut`, relative to the folder) and the settings that shape the pages. Shards with different
 * fingerprints would make a site whose pages disagree.
 */
export function siteFingerprint(contentRoot: string, settings: unknown, leaveOut: string[] = []): string {
  const hash = createHash('sha256').update(JSON.stringify(settings));
  const read = (file: string) => !file.split('/').some((part) => part.startsWith('.')) && !leaveOut.includes(file);
  for (const file of filesUnder(contentRoot).filter(read))
    hash.update(`\0${file}\0`).update(readFileSync(join(contentRoot, file)));
  return hash.digest('hex');
}

export function writeShardManifest(site: string, manifest: ShardManifest): void {
  writeFileSync(join(site, SHARD_MANIFEST), JSON.stringify(manifest));
}

function readShardManifest(folder: string): ShardManifest | string {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return `${folder} is no folder`;
  const file = join(folder, SHARD_MANIFEST);
  if (!existsSync(file))
    return `${folder} holds no ${SHARD_MANIFEST}: it is not the output of "npm run build -- --shard i/n"`;
  try {
    return shardManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return `${file} does not read as a shard's manifest; build that shard again`;
  }
}

/**
 * Copies the shards' folders into `site` (an empty folder) as one site: each page comes from the shard that wrote
 * it, the files every shard has (scripts, styles, `_headers`) must be the same in all, and the shards' sitemaps
 * get one index; the `rewritten` files are left out. Throws a ShardMergeError naming every problem; `site` is then to be thrown away.
 */
export function mergeShardFolders(
  folders: string[],
  site: string,
  /** Files each shard writes for its own pages, which the merge leaves for the caller to write over the whole site. */
  rewritten: (file: string) => boolean = () => false,
): { shards: number; pages: number; base: string } {
  const read = folders.map((folder) => ({ folder, manifest: readShardManifest(folder) }));
  const unread = read.flatMap(({ manifest }) => (typeof manifest === 'string' ? [manifest] : []));
  if (unread.length) throw new ShardMergeError(unread);
  const shards = [...(read as { folder: string; manifest: ShardManifest }[])].sort(
    (a, b) => a.manifest.shard - b.manifest.shard,
  );
  const problems = shardSetProblems(shards);
  if (problems.length) throw new ShardMergeError(problems);

  const from = new Map<string, string>();
  const sitemapIndexes: string[] = [];
  const conflicts: string[] = [];
  for (const { folder, manifest } of shards) {
    const ownSitemapIndex = `${sitemapBase({ index: manifest.shard, count: manifest.of })}-index.xml`;
    for (const file of filesUnder(folder)) {
      const source = join(folder, file);
      if (file === SHARD_MANIFEST || rewritten(file)) continue;
      if (file === ownSitemapIndex) {
        sitemapIndexes.push(readFileSync(source, 'utf8'));
        continue;
      }
      const target = join(site, file);
      const earlier = from.get(file);
      if (earlier !== undefined) {
        if (!readFileSync(source).equals(readFileSync(target)))
          conflicts.push(`${file} differs between ${earlier} and ${folder}`);
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      from.set(file, folder);
    }
  }
  if (conflicts.length)
    throw new ShardMergeError([
      ...conflicts.slice(0, 10),
      ...(conflicts.length > 10 ? [`and ${conflicts.length - 10} more files`] : []),
      'shards of one site write these files alike: build every shard with the same code and settings',
    ]);
  if (sitemapIndexes.length)
    writeFileSync(join(site, `${sitemapBase(undefined)}-index.xml`), joinSitemapIndexes(sitemapIndexes));
  return { shards: shards.length, pages: shards[0]!.manifest.sitePages, base: shards[0]!.manifest.base };
}
