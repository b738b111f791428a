/**
 * Rendered documents kept between builds, so a rebuild after an edit parses and links only what the edit changed.
 * A document's entry is found by a key over everything its rendering reads: its own file (body, front matter, path),
 * the ids its page published before, the build's options, every entity's front matter (an alias, a name or a kind
 * changed re-links every page, as it must) and the code that renders (every source file of the library, so a newer
 * Dossier never serves an older one's output). One JSON file per entry, in the build's cache folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { AnnotatedBlock } from '../link/annotate.ts';
import type { Redirect } from '../link/ledger.ts';

/** A document as rendered: all that the site index keeps of its rendering. */
export interface CachedDocument {
  blocks: AnnotatedBlock[];
  redirects: Redirect[];
  /** The body as HTML; absent for an article with code, which @astrojs/mdx compiles. */
  html: string | undefined;
}

export interface DocumentCache {
  get(key: string): CachedDocument | undefined;
  set(key: string, document: CachedDocument): void;
  /** Removes the entries this build neither read nor wrote: the documents as they were before an edit. */
  prune(): void;
}

/**
 * Writes a cache entry aside and renames it into place, so a build running at the same time never reads half of it.
 * A cache that cannot be written costs the next build time, never this one its output.
 */
export function writeCacheEntry(file: string, data: string | Uint8Array) {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, data);
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    // Left unwritten: the next build renders it again.
  }
}

export const cacheKey = (...parts: unknown[]) =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);

/** A cache in `folder`. An entry that cannot be read is a miss: the document is rendered again. */
export function folderCache(folder: string): DocumentCache {
  const used = new Set<string>();
  const fileOf = (key: string) => join(folder, `${key}.json`);
  return {
    get(key) {
      try {
        const document = JSON.parse(readFileSync(fileOf(key), 'utf8')) as CachedDocument;
        used.add(key);
        return document;
      } catch {
        return undefined;
      }
    },
    set(key, document) {
      used.add(key);
      writeCacheEntry(fileOf(key), JSON.stringify(document));
    },
    prune() {
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return;
      }
      for (const name of names)
        if (name.endsWith('.json') && !used.has(name.slice(0, -'.json'.length)))
          rmSync(join(folder, name), { force: true });
    },
  };
}

/**
 * A fingerprint of the code under `folder`: every source file's path, size and contents. Reading them all takes a few
 * milliseconds, and is what makes an entry rendered by other code a miss.
 */
export function codeFingerprint(folder: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures') visit(path);
      } else if (/\.(ts|mjs|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        hash.update(`${relative(folder, path)}:${statSync(path).size}:`).update(readFileSync(path));
      }
    }
  };
  visit(folder);
  return hash.digest('hex').slice(0, 32);
}
