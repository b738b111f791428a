/**
 * `npm run build`: builds the site into a staging folder beside the output folder and swaps it in only when the
 * whole build (pages and search index) succeeded. A failed build leaves the last good site exactly as it was.
 *
 * DOSSIER_OUT names the output folder (default `dist`); the other DOSSIER_* settings pass through to the build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { contentRoot } from '../lib/site-config.ts';
import { ledgerFile } from '../lib/site-index.ts';

const output = resolve(process.env.DOSSIER_OUT ?? 'dist');
const staging = `${output}.staging`;
const previous = `${output}.previous`;
const pendingLedger = `${output}.ledger.json`;
// Astro's own launcher, run by this same Node (the project's Node 24, not whatever `astro` on PATH would pick).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(output), { recursive: true }); // the staging folder and pending ledger sit beside the output
const build = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DOSSIER_OUT: staging,
    DOSSIER_LEDGER_OUT: pendingLedger,
    DOSSIER_CACHE: join('node_modules', '.astro', createHash('sha256').update(output).digest('hex').slice(0, 12)),
  },
});

if (build.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(pendingLedger, { force: true });
  const kept = existsSync(output) ? `The last good site in ${output} is untouched.` : 'Nothing was written.';
  console.error(`\nThe build failed. ${kept}`);
  process.exit(build.status ?? 1);
}

// Two renames, so the output folder is never half-written; the old site goes only once the new one is in place.
rmSync(previous, { recursive: true, force: true });
if (existsSync(output)) renameSync(output, previous);
renameSync(staging, output);
rmSync(previous, { recursive: true, force: true });

// The ids just published join the ledger in the content folder (commit it with the content).
const ledger = ledgerFile(contentRoot);
const grown = existsSync(pendingLedger) ? readFileSync(pendingLedger, 'utf8') : undefined; // none without linking
rmSync(pendingLedger, { force: true });
if (grown !== undefined && (!existsSync(ledger) || readFileSync(ledger, 'utf8') !== grown)) {
  writeFileSync(ledger, grown);
  console.log(`\nUpdated ${ledger} with the ids this build published.`);
}
console.log(`\nThe site is in ${output}.`);
