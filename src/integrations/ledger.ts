/**
 * The ledger's part of `npm run build`, which names a file in DOSSIER_LEDGER_OUT: once the pages are written, tells
 * the editor where each retired id now lands, and writes the grown ledger to that file with, beside it, the name of
 * the content folder's ledger (`ledgerTarget`). The build puts it there only once the whole build has succeeded.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { ledgerTarget } from '../lib/build/site-config.ts';
import { redirectNote } from '../lib/index/grow-ledger.ts';
import { getIndexedSite, ledgerFile, type SiteIndexOptions } from '../lib/index/site-index.ts';
import { ledgerText } from '../lib/link/ledger.ts';

export function publishLedger(options: SiteIndexOptions, ledgerOut: string | undefined): AstroIntegration {
  return {
    name: 'dossier-ledger',
    hooks: {
      'astro:build:done': () => {
        if (!ledgerOut) return;
        // The index the pages were built from: the process keeps it.
        const { ledger, redirects } = getIndexedSite(options);
        for (const redirect of redirects) console.log(redirectNote(redirect));
        if (!ledger) return;
        writeFileSync(ledgerOut, ledgerText(ledger));
        writeFileSync(ledgerTarget(ledgerOut), ledgerFile(resolve(options.contentRoot)));
      },
    },
  };
}
