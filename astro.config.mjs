// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  site: process.env.DOSSIER_SITE ?? 'https://dossier.example',
  trailingSlash: 'always',
  // The unified (remark/rehype) processor, because Dossier's linker is a rehype plugin. Smart punctuation stays
  // off: the article's own quotation marks are part of the text and are kept exactly as written.
  markdown: {
    processor: unified({
      gfm: true,
      smartypants: false,
      // Footnotes get a visible heading: readers scan for "Notes" at the end of an article.
      remarkRehype: { footnoteLabel: 'Notes', footnoteLabelProperties: {} },
    }),
  },
  integrations: [mdx()],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
});
