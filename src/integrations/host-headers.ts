/**
 * Writes `_headers` (read by Netlify, Cloudflare Pages and others) beside the built site: the same Content Security
 * Policy as the pages' meta tag plus what only a header can say, and long caching for content-hashed assets.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_SECURITY_POLICY, type Settings } from '../lib/build/site-config.ts';
import { withBase } from '../lib/build/site-url.ts';

export function hostHeaders({ basePath: base, search }: Pick<Settings, 'basePath' | 'search'>): AstroIntegration {
  return {
    name: 'dossier-host-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const lines = [
          withBase(base, '/*'),
          `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          // File names under _astro/ change with their content, so they may be cached for good.
          withBase(base, '/_astro/*'),
          '  Cache-Control: public, max-age=31536000, immutable',
          // Pagefind's index files keep their names across builds only when unchanged: revalidate them.
          ...(search ? [withBase(base, '/pagefind/*'), '  Cache-Control: public, max-age=0, must-revalidate'] : []),
        ];
        writeFileSync(join(fileURLToPath(dir), '_headers'), `${lines.join('\n')}\n`);
      },
    },
  };
}
