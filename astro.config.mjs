// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { unified } from '@astrojs/markdown-remark';
import { remarkRehypeOptions } from './src/lib/content/markdown.ts';
import { rehypeArticleModules } from './src/lib/index/rehype-article-modules.ts';
import { buildReport } from './src/integrations/build-report.ts';
import { hostHeaders } from './src/integrations/host-headers.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { basePath, site, siteIndexOptions } from './src/lib/build/site-config.ts';

export default defineConfig({
  site,
  base: basePath,
  // `npm run build` builds into a staging folder and swaps it in on success (src/cli/build.ts).
  outDir: process.env.DOSSIER_OUT ?? 'dist',
  // One cache per output folder, so builds of different content at the same time do not share a content store.
  ...(process.env.DOSSIER_CACHE ? { cacheDir: process.env.DOSSIER_CACHE } : {}),
  trailingSlash: 'always',
  markdown: {
    // Only for articles with code, which @astrojs/mdx compiles; the site index renders every other document. Smart
    // punctuation stays off: the article's own quotation marks are part of its text and are kept as written.
    processor: unified({
      gfm: true,
      smartypants: false,
      remarkRehype: remarkRehypeOptions,
      rehypePlugins: [[rehypeArticleModules, siteIndexOptions]],
    }),
  },
  integrations: [
    mdx(),
    // The search page and the 404 are no destinations for a search engine.
    sitemap({ filter: (page) => !/\/(search|404)\/?$/.test(page) }),
    searchIndex(),
    hostHeaders(basePath),
    buildReport(),
  ],
  // Scripts and styles always as files: the Content-Security-Policy allows nothing inline.
  build: { inlineStylesheets: 'never' },
  vite: { plugins: [tailwindcss()], build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
