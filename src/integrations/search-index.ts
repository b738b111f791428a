/**
 * Builds the Pagefind index inside `astro build`, once every page is written: no separate command to forget. The
 * pages mark what is indexed (`data-pagefind-body`) and carry the metadata and filters; this only runs Pagefind.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { timedAsync } from '../lib/build/build-timings.ts';

const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
];

/** Writes the index into `bundle` under the site: `pagefind/`, or a shard's own folder in a build of one shard. */
export function searchIndex(bundle: string): AstroIntegration {
  return {
    name: 'dossier-search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) =>
        timedAsync('searchIndex', async () => {
          const site = fileURLToPath(dir);
          try {
            const created = await pagefind.createIndex({});
            if (!created.index) throw new Error(created.errors.join('\n'));
            const added = await created.index.addDirectory({ path: site });
            if (added.errors.length) throw new Error(added.errors.join('\n'));
            const written = await created.index.writeFiles({ outputPath: join(site, bundle) });
            if (written.errors.length) throw new Error(written.errors.join('\n'));
            // Dossier has a search UI of its own: Pagefind's prebuilt UIs would only be dead weight on the host.
            for (const unused of UNUSED_UI_FILES) rmSync(join(site, bundle, unused), { force: true });
            logger.info(`Search index: ${added.page_count} pages in ${join(site, bundle)}`);
          } finally {
            await pagefind.close();
          }
        }),
    },
  };
}
