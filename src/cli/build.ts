/**
 * `npm run build`: builds the site into a staging folder beside the output folder and swaps it in only when the
 * whole build (pages and search index) succeeded. A failed build leaves the last good site exactly as it was.
 *
 * One build runs at a time in a project (see build-lock.ts): a second one stops at once and says which build holds
 * the lock, rather than wait for a build that may take minutes and whose content may be outdated by then.
 *
 * DOSSIER_OUT names the output folder (default `dist`); the other DOSSIER_* settings pass through to the build.
 *
 * Past one machine (src/lib/build/shards.ts): `--shard i/n` builds shard i of n into `dist-shard-<i>` (or
 * DOSSIER_OUT), and `--merge <shard folders…>` joins every shard's output into one site in `dist` (or DOSSIER_OUT).
 * Both hold the lock and swap their result in like any build: a failed shard or merge leaves the last good output.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { acquireBuildLock } from '../lib/build/build-lock.ts';
import { ledgerTarget } from '../lib/build/site-config.ts';
import { SwapError, swapIn } from '../lib/build/site-swap.ts';
import { mergeShardFolders } from '../lib/build/shard-output.ts';
import { isHanFaceFile, writeHanFace } from '../integrations/han-font.ts';
import { parseBuildArguments, shardText, type BuildRequest } from '../lib/build/shards.ts';

/** Stops the build with a message for the editor, never a stack trace. */
function fail(message: string, status = 1): never {
  console.error(`\n${message}`);
  process.exit(status);
}
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

// The DOSSIER_* overrides are checked before anything else: a bad value is one message naming the variable. The
// options in astro.config.mjs are checked by the integration, when Astro starts.
try {
  const { readSettings } = await import('../lib/build/site-config.ts');
  readSettings(process.env);
} catch (error) {
  fail(reason(error));
}

let request: BuildRequest;
try {
  request = parseBuildArguments(process.argv.slice(2));
} catch (error) {
  fail(reason(error));
}
const shard = request.kind === 'build' ? request.shard : undefined;

const output = resolve(process.env.DOSSIER_OUT ?? (shard ? `dist-shard-${shard.index}` : 'dist'));
if (request.kind === 'merge' && request.folders.some((folder) => resolve(folder) === output))
  fail(`The merged site would replace the shard folder ${output}; set DOSSIER_OUT to another folder.`);
const staging = `${output}.staging`;
const previous = `${output}.previous`;
const pendingLedger = `${output}.ledger.json`;
const dropPendingLedger = () => {
  rmSync(pendingLedger, { force: true });
  rmSync(ledgerTarget(pendingLedger), { force: true });
};
// Astro's own launcher, run by this same Node (the project's Node 24, not whatever `astro` on PATH would pick).
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

let release: () => void;
try {
  release = acquireBuildLock(resolve('.dossier-build.lock'));
} catch (error) {
  fail(reason(error));
}
process.on('exit', () => release());

try {
  // A build killed during its swap left the old site as `previous` and no output: that site is the last good one.
  if (existsSync(previous) && !existsSync(output)) renameSync(previous, output);
  rmSync(previous, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  dropPendingLedger();
  mkdirSync(dirname(output), { recursive: true }); // the staging folder and pending ledger sit beside the output
} catch (error) {
  fail(`The build cannot prepare ${output}: ${reason(error)}`);
}

const kept = () => (existsSync(output) ? `The last good site in ${output} is untouched.` : 'Nothing was written.');

/** Once the new site is in place, what is left of the old one is only clutter. */
const dropPrevious = () => {
  try {
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    console.warn(`\nThe old site could not be removed entirely (${reason(error)}); delete ${previous} by hand.`);
  }
};

if (request.kind === 'merge') {
  try {
    const merged = mergeShardFolders(request.folders, staging, isHanFaceFile);
    // Each shard's Chinese face holds its own pages' characters: the site's is planned over every page.
    console.log(await writeHanFace(staging, merged.base));
    swapIn({ staging, output, previous });
    dropPrevious();
    console.log(`\nMerged ${merged.shards} shards, ${merged.pages} pages, into ${output}.`);
    process.exit(0);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    fail(`${reason(error)}\n${error instanceof SwapError && !error.rolledBack ? '' : kept()}`);
  }
}

const astroBuild = spawn(process.execPath, [astro, 'build', ...request.astroArguments], {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...(shard ? { DOSSIER_SHARD: shardText(shard) } : {}),
    DOSSIER_OUT: staging,
    DOSSIER_LEDGER_OUT: pendingLedger,
    // Astro's caches, one folder per output folder unless the caller names one (the bench, for a cold build).
    DOSSIER_CACHE:
      process.env.DOSSIER_CACHE ??
      join('node_modules', '.astro', createHash('sha256').update(output).digest('hex').slice(0, 12)),
  },
});
// Stopped by the editor or the system: Astro stops too, and the lock and staging folder go with this process.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => astroBuild.kill(signal));
const status = await new Promise<number>((done) => astroBuild.on('close', (code) => done(code ?? 1)));

if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  dropPendingLedger();
  fail(`The build failed. ${kept()}`, status);
}

// The ids just published join the ledger in the content folder (commit it with the content), in the same step as the
// site: the new ledger is written beside the old one first, and swapIn puts both in place or neither.
const grown = existsSync(pendingLedger) ? readFileSync(pendingLedger, 'utf8') : undefined; // none without linking
// Where the content folder's ledger is, as the integration resolved the content option: beside the grown ledger.
const ledger = existsSync(ledgerTarget(pendingLedger)) ? readFileSync(ledgerTarget(pendingLedger), 'utf8') : '';
if (grown !== undefined && !ledger) fail(`The build wrote ${pendingLedger} but not where it belongs. ${kept()}`);
// Beside the ledger, so that putting it in place is one rename (a stale one from a killed build is overwritten); a dot
// file, which the content folder's readers skip.
const nextLedger = join(dirname(ledger), '.ledger.json.next');
const ledgerChanged = grown !== undefined && (!existsSync(ledger) || readFileSync(ledger, 'utf8') !== grown);
try {
  if (ledgerChanged) writeFileSync(nextLedger, grown);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(nextLedger, { force: true });
  fail(`The build succeeded but ${ledger} cannot be written (${reason(error)}). ${kept()}`);
}

try {
  swapIn({ staging, output, previous, ledger: ledgerChanged ? { next: nextLedger, current: ledger } : undefined });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(nextLedger, { force: true });
  dropPendingLedger();
  fail(`The build succeeded but ${reason(error)}. ${error instanceof SwapError && error.rolledBack ? kept() : ''}`);
}
dropPendingLedger();

dropPrevious();
if (ledgerChanged) console.log(`\nUpdated ${ledger} with the ids this build published.`);
console.log(`\nThe site is in ${output}.`);
