/**
 * The site index as the build, the pages and the tools get it: the content folder and its ledger read, then indexed
 * (index-content.ts). `getIndexedSite` keeps it for the whole process.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from '../build/build-timings.ts';
import { parseLedger, type Ledger } from '../link/ledger.ts';
import { listContentFiles, loadContent } from '../content/registry.ts';
import { indexContent, type IndexedSite, type SiteIndex, type SiteIndexOptions } from './index-content.ts';

export type { ArticleIndex, IndexedSite, SiteIndex, SiteIndexOptions } from './index-content.ts';
export type { Excerpt, Passage } from './mention-index.ts';
export type { RelatedEntity } from './related.ts';

/** The ledger file of a content folder: page path -> every id it ever published. */
export function ledgerFile(contentRoot: string): string {
  return join(contentRoot, 'ledger.json');
}

/** The ledger of published ids in the content folder: none before the first build with linking. */
export function readLedger(contentRoot: string): Ledger {
  const file = ledgerFile(contentRoot);
  return existsSync(file) ? parseLedger(readFileSync(file, 'utf8'), file) : {};
}

/** Reads the content folder and its ledger, and indexes them; a ContentError names every problem found. */
export function indexContentFolder(options: SiteIndexOptions): IndexedSite {
  const content = timed('registry', () => loadContent(options.contentRoot));
  return indexContent(content, readLedger(options.contentRoot), options);
}

/** The index of the content folder, built afresh: for the tools and tests (pages share one, `getSiteIndex`). */
export function buildSiteIndex(options: SiteIndexOptions): SiteIndex {
  return indexContentFolder(options).index;
}

/**
 * The site index for the current content, with its grown ledger, shared by everything in the process (Astro may
 * load this module more than once: from the config for the rehype plugin and the build hooks, and bundled for the
 * pages). Rebuilt only when a content file changed, which is looked at no more than once a second.
 */
export function getIndexedSite(options: SiteIndexOptions): IndexedSite {
  const slot = globalThis as { [CACHE]?: CacheEntry };
  const key = JSON.stringify(options);
  const now = Date.now();
  const cached = slot[CACHE];
  if (cached && cached.key === key && now - cached.checkedAt < 1000) return cached.site;
  const signature = contentSignature(options.contentRoot);
  if (cached && cached.key === key && cached.signature === signature) {
    cached.checkedAt = now;
    return cached.site;
  }
  const site = indexContentFolder(options);
  slot[CACHE] = { key, signature, checkedAt: now, site };
  return site;
}

/** The shared site index (`getIndexedSite`), for the pages and the content loaders. */
export function getSiteIndex(options: SiteIndexOptions): SiteIndex {
  return getIndexedSite(options).index;
}

/** Makes the next `getIndexedSite` look at the content files again at once: one of them just changed. */
export function invalidateSiteIndex() {
  const cached = (globalThis as { [CACHE]?: CacheEntry })[CACHE];
  if (cached) cached.checkedAt = 0;
}

const CACHE = Symbol.for('dossier.site-index');
interface CacheEntry {
  key: string;
  signature: string;
  checkedAt: number;
  site: IndexedSite;
}

function contentSignature(root: string): string {
  return listContentFiles(root)
    .map((path) => {
      const { mtimeMs, size } = statSync(join(root, path));
      return `${path}:${mtimeMs}:${size}`;
    })
    .join('|');
}
