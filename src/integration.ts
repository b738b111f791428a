/**
 * The `dossier()` Astro integration: everything a site needs from Dossier, set up from one validated set of options.
 *
 *   import dossier from 'dossier';
 *   export default defineConfig({ integrations: [dossier({ title: 'Notes', site: 'https://notes.example' })] });
 *
 * It sets the Astro options the pages rely on, adds MDX and the sitemap unless the site has them, gives the pages
 * their settings through a virtual module (`virtual:dossier/config`), and runs Pagefind, the Chinese face, the hosts'
 * `_headers` file, the ledger and the build report once the pages are written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import type { AstroConfig, AstroIntegration } from 'astro';
import { buildReport } from './integrations/build-report.ts';
import { hanFont } from './integrations/han-font.ts';
import { hostHeaders } from './integrations/host-headers.ts';
import { publishLedger } from './integrations/ledger.ts';
import { searchIndex } from './integrations/search-index.ts';
import { shardBuild } from './integrations/shard-build.ts';
import { COMPONENT_MODULE, COMPONENTS, dossierComponentFile, type ComponentName } from './lib/build/components.ts';
import {
  readSettings,
  settingWarnings,
  siteIndexOptionsOf,
  type DossierOptions,
  type Settings,
} from './lib/build/site-config.ts';
import { parseShard, searchBundle, searchBundles, shardOf, sitemapBase, type Shard } from './lib/build/shards.ts';
import { kindCss, useKinds } from './lib/content/kinds.ts';
import { remarkRehypeOptions } from './lib/content/markdown.ts';
import type { SiteIndexOptions } from './lib/index/site-index.ts';
import { rehypeArticleModules } from './lib/index/rehype-article-modules.ts';
import { cacheKey, codeFingerprint } from './lib/index/document-cache.ts';

export type { DossierOptions } from './lib/build/site-config.ts';

/** What `virtual:dossier/config` gives the pages and the content loaders. */
export interface DossierConfig {
  settings: Settings;
  siteIndex: SiteIndexOptions;
  /** The social cards' worker, by its path on disk: the pages are bundled elsewhere, the worker runs as it is. */
  cardWorker: string;
  /** The shard this build writes, if it is one (`npm run build -- --shard i/n`). */
  shard: Shard | undefined;
}

const VIRTUAL_CONFIG = 'virtual:dossier/config';
/** The kinds' colours, from the kinds table (kindCss), for the layout to import. */
const VIRTUAL_KIND_CSS = 'virtual:dossier/kinds.css';
/** The site's Pagefind bundles (one per shard in a site built in shards), for the search script to load. */
const VIRTUAL_SEARCH_BUNDLES = 'virtual:dossier/search-bundles';

/**
 * Every page Dossier gives a site: its address pattern, the file that renders it (in `src/routes/`), and, for a page a
 * setting can turn off, whether the site has it.
 */
const ROUTES: { pattern: string; file: string; when?: (settings: Settings) => boolean }[] = [
  { pattern: '/', file: 'index.astro' },
  { pattern: '/articles', file: 'articles/index.astro' },
  { pattern: '/articles/[slug]', file: 'articles/[slug].astro' },
  { pattern: '/[kind]', file: '[kind]/index.astro' },
  { pattern: '/[kind]/[id]', file: '[kind]/[id].astro' },
  { pattern: '/[kind]/[id]/passages/[page]', file: '[kind]/[id]/passages/[page].astro' },
  { pattern: '/tags', file: 'tags/index.astro' },
  { pattern: '/tags/[tag]', file: 'tags/[tag].astro' },
  { pattern: '/timeline', file: 'timeline.astro' },
  { pattern: '/graph', file: 'graph.astro' },
  { pattern: '/search', file: 'search.astro', when: (settings) => settings.search },
  { pattern: '/search/names/[shard].json', file: 'search-names/[shard].json.ts', when: (settings) => settings.search },
  { pattern: '/cards/[...card].png', file: 'cards/[...card].png.ts', when: (settings) => settings.cards },
  { pattern: '/previews/[id].json', file: 'previews/[id].json.ts' },
  { pattern: '/rss.xml', file: 'rss.xml.ts' },
  { pattern: '/robots.txt', file: 'robots.txt.ts' },
  { pattern: '/theme.js', file: 'theme.js.ts' },
];

/** Pages a site may have of its own, which then take the place of Dossier's: where Astro would find them. */
const REPLACEABLE: { pattern: string; file: string; own: (config: AstroConfig) => URL[] }[] = [
  {
    pattern: '/404',
    file: '404.astro',
    own: ({ srcDir }) => ['404.astro', '404.md', '404.mdx', '404.html'].map((file) => new URL(`pages/${file}`, srcDir)),
  },
  { pattern: '/favicon.svg', file: 'favicon.svg.ts', own: ({ publicDir }) => [new URL('favicon.svg', publicDir)] },
];

/**
 * The modules of the replaceable components (`virtual:dossier/components/<Name>`), each the site's own file or
 * Dossier's. Without search, Search is nothing, whoever's it would be: not even its script is built.
 */
function componentModules(settings: Settings) {
  const nameOf = (id: string) => id.slice(COMPONENT_MODULE.length) as ComponentName;
  const fileOf = (name: ComponentName) =>
    name === 'Search' && !settings.search
      ? dossierComponentFile('Nothing.astro')
      : (settings.components[name] ?? dossierComponentFile(COMPONENTS[name]));
  return {
    name: 'dossier-components',
    resolveId: (id: string) => (id.startsWith(COMPONENT_MODULE) && nameOf(id) in COMPONENTS ? `\0${id}` : undefined),
    load: (id: string) =>
      id.startsWith(`\0${COMPONENT_MODULE}`)
        ? `export { default } from ${JSON.stringify(fileOf(nameOf(id.slice(1))))};`
        : undefined,
  };
}

const STYLES = fileURLToPath(new URL('./styles/global.css', import.meta.url));

/**
 * Tailwind looks for class names in Dossier's own `src/` only (global.css): a site that replaces components gets the
 * classes of those files, and of its own `src/` they may import from, too. Loads the stylesheet before Tailwind
 * reads it.
 */
function componentStyles(settings: Settings, srcDir: URL) {
  const files = Object.values(settings.components);
  const sources = [fileURLToPath(srcDir), ...files].map((path) => `@source ${JSON.stringify(path)};`).join('\n');
  return {
    name: 'dossier-component-styles',
    enforce: 'pre' as const,
    load: (id: string) =>
      files.length && id.split('?')[0] === STYLES ? `${readFileSync(STYLES, 'utf8')}\n${sources}\n` : undefined,
  };
}

/** A folder, relative to the project or absolute, as the URL Astro's config holds. */
const folderUrl = (root: URL, folder: string) => pathToFileURL(`${resolve(fileURLToPath(root), folder)}/`);

/**
 * The sitemap of the pages this build writes: all but the search page and the 404, and in a build of one shard only
 * its own (the sitemap lists the site's fixed pages whichever pages were built), in files named for the shard, which
 * the merge lists in one index.
 */
function siteMap(settings: Settings, shard: Shard | undefined) {
  const inShard = (page: string) =>
    !shard ||
    shardOf(decodeURIComponent(new URL(page).pathname).slice(settings.basePath.length - 1), shard.count) ===
      shard.index;
  return sitemap({
    filter: (page) => !/\/(search|404)\/?$/.test(page) && inShard(page),
    ...(shard ? { filenameBase: sitemapBase(shard) } : {}),
  });
}

/** Where an integration keeps the options it was given, for the command-line tools (`optionsOf`). */
const OPTIONS = Symbol.for('dossier.options');

/** The options given to `dossier()` among a config's integrations, if it is one of them. */
export function optionsOf(integrations: unknown[]): unknown {
  const ours = integrations.find(
    (integration): integration is { [OPTIONS]: unknown } =>
      typeof integration === 'object' && integration !== null && OPTIONS in integration,
  );
  return ours?.[OPTIONS];
}

export default function dossier(options: DossierOptions = {}): AstroIntegration {
  const integration: AstroIntegration = {
    name: 'dossier',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig, injectRoute }) => {
        // A bad option, or a bad DOSSIER_* override, stops here with every problem named.
        const settings = readSettings(process.env, options, fileURLToPath(config.root));
        // One cache per output folder, so builds of different content at the same time do not share a content store.
        const cacheDir = process.env.DOSSIER_CACHE
          ? folderUrl(config.root, process.env.DOSSIER_CACHE)
          : config.cacheDir;
        // `npm run build -- --shard i/n` (src/cli/build.ts) passes the shard on; other commands build no shard.
        const shard =
          command === 'build' && process.env.DOSSIER_SHARD
            ? parseShard(process.env.DOSSIER_SHARD, 'DOSSIER_SHARD')
            : undefined;
        const resolved: DossierConfig = {
          settings,
          siteIndex: {
            ...siteIndexOptionsOf(settings),
            // Rendered documents are kept with Astro's own caches, for the code that rendered them.
            cache: {
              folder: fileURLToPath(new URL('dossier-documents/', cacheDir)),
              code: cacheKey(
                codeFingerprint(fileURLToPath(new URL('./lib/', import.meta.url))),
                readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
              ),
            },
          },
          cardWorker: fileURLToPath(new URL('./lib/present/card-worker.mjs', import.meta.url)),
          shard,
        };
        // The content layer and the site index read the site's kinds from here on (the pages, from the config).
        useKinds(settings.kinds);
        if (command === 'build') for (const warning of settingWarnings(settings)) logger.warn(warning);
        const has = (name: string) => config.integrations.some((integration) => integration.name === name);
        const replaced = ({ own }: (typeof REPLACEABLE)[number]) => own(config).some((file) => existsSync(file));
        const routes = [
          ...ROUTES.filter(({ when }) => when?.(settings) ?? true),
          ...REPLACEABLE.filter((r) => !replaced(r)),
        ];
        for (const { pattern, file } of routes) {
          injectRoute({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url), prerender: true });
        }
        updateConfig({
          site: settings.site,
          base: settings.basePath,
          // `npm run build` builds into a staging folder and swaps it in on success (src/cli/build.ts).
          ...(process.env.DOSSIER_OUT ? { outDir: folderUrl(config.root, process.env.DOSSIER_OUT) } : {}),
          cacheDir,
          trailingSlash: 'always',
          markdown: {
            // Only for articles with code, which @astrojs/mdx compiles; the site index renders every other document.
            // Smart punctuation stays off: the article's own quotation marks are part of its text and are kept as
            // written.
            processor: unified({
              gfm: true,
              smartypants: false,
              remarkRehype: remarkRehypeOptions,
              rehypePlugins: [[rehypeArticleModules, resolved.siteIndex]],
            }),
          },
          integrations: [
            ...(has('@astrojs/mdx') ? [] : [mdx()]),
            // The search page and the 404 are no destinations for a search engine.
            ...(has('@astrojs/sitemap') ? [] : [siteMap(settings, shard)]),
            ...(settings.search ? [searchIndex(searchBundle(shard))] : []),
            hanFont(settings.basePath, fileURLToPath(new URL('dossier-han/', cacheDir))),
            ...(shard ? [shardBuild(shard, settings)] : []),
            hostHeaders(settings),
            publishLedger(resolved.siteIndex, process.env.DOSSIER_LEDGER_OUT),
            buildReport(),
          ],
          // Scripts and styles always as files: the Content-Security-Policy allows nothing inline.
          build: { inlineStylesheets: 'never' },
          vite: {
            plugins: [
              componentStyles(settings, config.srcDir),
              tailwindcss(),
              componentModules(settings),
              {
                name: 'dossier-config',
                resolveId: (id: string) =>
                  [VIRTUAL_CONFIG, VIRTUAL_KIND_CSS, VIRTUAL_SEARCH_BUNDLES].includes(id) ? `\0${id}` : undefined,
                load: (id: string) =>
                  id === `\0${VIRTUAL_CONFIG}`
                    ? `export default ${JSON.stringify(resolved)};`
                    : id === `\0${VIRTUAL_KIND_CSS}`
                      ? kindCss(settings.kinds)
                      : id === `\0${VIRTUAL_SEARCH_BUNDLES}`
                        ? `export default ${JSON.stringify(searchBundles(shard))};`
                        : undefined,
              },
            ],
            build: { assetsInlineLimit: 0 },
          },
          devToolbar: { enabled: false },
        });
      },
    },
  };
  // Astro leaves a property it does not know alone; the command-line tools read the options from it.
  return Object.assign(integration, { [OPTIONS]: options });
}
