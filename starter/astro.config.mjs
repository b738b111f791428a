// @ts-check
import { defineConfig } from 'astro/config';
import dossier from 'dossier';

export default defineConfig({
  integrations: [
    dossier({
      title: '{{title}}',
      // The public address the site is published at: canonical links, link previews and the feed use it.
      site: 'https://example.org',
    }),
  ],
});
