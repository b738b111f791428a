/**
 * A build of one shard (`npm run build -- --shard i/n`, see src/lib/build/shards.ts): Astro works out every page of
 * the site as always, from the whole content, and this renders only the pages whose address hashes to this shard,
 * then writes the shard's manifest beside them for the merge. One filter in Astro's prerenderer covers every route
 * (pages, cards, previews, the feed), so no route needs to know about shards.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Settings } from '../lib/build/site-config.ts';
import { siteFingerprint, writeShardManifest } from '../lib/build/shard-output.ts';
import { shardOf, shardText, type Shard } from '../lib/build/shards.ts';
import { ledgerFile } from '../lib/index/site-index.ts';

export function shardBuild(shard: Shard, settings: Settings): AstroIntegration {
  let sitePages = 0;
  let pages: string[] = [];
  return {
    name: 'dossier-shard-build',
    hooks: {
      'astro:build:start': ({ setPrerenderer, logger }) =>
        setPrerenderer((whole) => ({
          ...whole,
          name: 'dossier-shard',
          async getStaticPaths() {
            const all = await whole.getStaticPaths();
            const mine = all.filter(({ pathname }) => shardOf(pathname, shard.count) === shard.index);
            sitePages = new Set(all.map(({ pathname }) => pathname)).size;
            pages = [...new Set(mine.map(({ pathname }) => pathname))];
            logger.info(`Shard ${shardText(shard)}: ${pages.length} of the site's ${sitePages} pages`);
            return mine;
          },
        })),
      'astro:build:done': ({ dir }) => {
        // The components are files of the site's code, at paths that differ from machine to machine. The ledger is
        // left out too: each shard's build grows it by the ids of the same pages, which it then publishes again.
        const { components: _code, contentRoot, ...shaping } = settings;
        const root = resolve(contentRoot);
        writeShardManifest(fileURLToPath(dir), {
          shard: shard.index,
          of: shard.count,
          fingerprint: siteFingerprint(root, { ...shaping, shards: shard.count }, [relative(root, ledgerFile(root))]),
          sitePages,
          pages,
          base: settings.basePath,
        });
      },
    },
  };
}
