/**
 * `npm run bench`: prints the figures the project's targets are checked against, and writes them to
 * .bench/latest.json so runs can be compared. Figures, not pass/fail: machines here are shared and noisy.
 *
 * - Linking accuracy on the first article against the hand-made expectation (precision, recall, hard cases).
 * - Matcher throughput over 10 MB of text with 10, 1,000 and 10,000 aliases, and the ratio between them.
 * - Search on the built site (dist/, built first if missing): index size, bytes a first query transfers, and the
 *   time from the last keystroke to rendered results, in Chromium.
 * - Page weight on a first visit (gzip HTML, CSS, JS) against the budgets, and Lighthouse scores (median of 3 runs,
 *   default mobile emulation) for the home, article and an entity page.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { firstVisitWeight, type PageWeight } from './page-weight.ts';
import { alignBlocks, entitiesInSentence, scoreBlocks, type ExpectedBlock, type HardCase } from '../lib/accuracy.ts';
import { Matcher, type AliasPattern } from '../lib/matcher.ts';
import { buildSiteIndex } from '../lib/site-index.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const results: Record<string, unknown> = { date: new Date().toISOString() };

// Accuracy
log('accuracy: indexing the first article …');
const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../lib/fixtures/${name}`, import.meta.url), 'utf8'));
const blocks = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true }).articles.get('deepseek-and-open-source')!.blocks;
const score = scoreBlocks(blocks, fixture<ExpectedBlock[]>('expected-mentions.json'));
const hardCases = fixture<(HardCase & { knownMiss?: string[] })[]>('hard-cases.json');
const hardCaseMisses = hardCases.filter((c) => {
  const [, block] = alignBlocks(blocks, [c])[0]!;
  return entitiesInSentence(block, c.sentence).join() !== [...c.entities].sort().join();
});
results.accuracy = {
  precision: score.precision,
  recall: score.recall,
  pairs: score.truePositives + score.falseNegatives.length,
  falsePositives: score.falsePositives,
  falseNegatives: score.falseNegatives,
  hardCases: hardCases.length,
  hardCasesExact: hardCases.length - hardCaseMisses.length,
};

// Matcher throughput
/** A deterministic generator, so every run scans the same text. */
function random(seed: number) {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
const next = random(42);
const syllables = ['ka', 'lo', 'mi', 'zen', 'tor', 'vek', 'sha', 'qu', 'rin', 'dal', 'pho', 'wei', 'xin', 'bao'];
const han = '深度求索开源智商税梁文锋李彦宏百度阿里巴巴华为腾讯芯原股份国密算法大基金中科红旗';
const word = () => Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
const aliasText = (i: number) =>
  i % 4 === 3
    ? Array.from({ length: 2 + (i % 3) }, () => han[Math.floor(next() * han.length)]).join('') + String.fromCharCode(0x4e00 + (i % 5000))
    : `${word().replace(/^./, (c) => c.toUpperCase())} ${word().replace(/^./, (c) => c.toUpperCase())}${i}`;
const allAliases = Array.from({ length: 10_000 }, (_, i) => aliasText(i));
const patterns = (count: number): AliasPattern[] =>
  allAliases.slice(0, count).map((text, i) => ({ text, entityId: `e${i}`, weak: false, ignoreCase: i % 10 === 0, shared: false }));

// Ten megabytes of paragraphs in English-like words with Chinese runs, naming the first ten aliases now and then.
const paragraphs: string[] = [];
let size = 0;
while (size < 10 * 1024 * 1024) {
  const words: string[] = [];
  for (let i = 0; i < 90; i++) {
    const roll = next();
    words.push(roll < 0.02 ? allAliases[Math.floor(next() * 10)]! : roll < 0.06 ? han.slice(0, 2 + Math.floor(next() * 6)) : word());
  }
  const paragraph = `${words.join(' ')}.`;
  paragraphs.push(paragraph);
  size += Buffer.byteLength(paragraph);
}
const megabytes = size / 1024 / 1024;

const throughput: Record<string, { aliases: number; buildMs: number; scanMs: number; mbPerSecond: number; mentions: number }> = {};
for (const count of [10, 1_000, 10_000]) {
  const built = performance.now();
  const matcher = new Matcher(patterns(count));
  const buildMs = performance.now() - built;
  let best = Infinity;
  let mentions = 0;
  for (let run = 0; run < 3; run++) {
    const document = matcher.document();
    const started = performance.now();
    mentions = 0;
    for (const paragraph of paragraphs) mentions += document.scan(paragraph).length;
    best = Math.min(best, performance.now() - started);
  }
  throughput[count] = { aliases: count, buildMs, scanMs: best, mbPerSecond: megabytes / (best / 1000), mentions };
  log(`matcher: ${count} aliases, ${(megabytes / (best / 1000)).toFixed(1)} MB/s`);
}
results.matcher = { megabytes, runs: 3, figure: 'best of 3', throughput, ratio10kTo10: throughput[10]!.mbPerSecond / throughput[10_000]!.mbPerSecond };

// Search on the built site
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}
if (!existsSync('dist/pagefind')) {
  log('search: building the site …');
  if (spawnSync('npx', ['astro', 'build'], { stdio: 'ignore' }).status !== 0) throw new Error('astro build failed');
}
log('search: measuring in Chromium …');
const port = 4391;
const server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore', detached: true });
const origin = `http://127.0.0.1:${port}`;
for (let tries = 0; ; tries++) {
  try {
    await fetch(origin);
    break;
  } catch {
    if (tries > 100) throw new Error('the preview server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } : {});
const queries = ['DeepSeek', '智商税', 'open source', '李开复'];
const PAGES = ['/', '/articles/deepseek-and-open-source/', '/organizations/deepseek/'];
const BUDGET_KB = { html: 16, css: 8, js: 6, total: 28 };
const searchRuns: { query: string; firstQueryBytes: number; keystrokeToResultsMs: number }[] = [];
try {
  for (const query of queries) {
    // A fresh context per query: nothing cached, as for a reader's first search.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    page.on('response', async (response) => {
      // As a host that compresses its responses would send them (the preview server does not).
      if (new URL(response.url()).pathname.includes('/pagefind/') || response.url().includes('search')) bytes += gzipSync(await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.keyboard.press('/');
    const input = page.getByRole('dialog').getByRole('searchbox');
    await input.waitFor();
    await input.pressSequentially(query.slice(0, -1));
    await page.getByRole('dialog').getByRole('status').filter({ hasText: 'for' }).waitFor().catch(() => undefined);
    // Time from the last keystroke to the status announcing this query's results.
    const elapsed = await page.evaluate(async (last) => {
      const dialog = document.querySelector('dialog')!;
      const input = dialog.querySelector('input')!;
      const status = dialog.querySelector('[role="status"]')!;
      const started = performance.now();
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(`“${input.value}”`)) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      input.value += last;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return done;
    }, query.slice(-1));
    await page.waitForTimeout(200);
    searchRuns.push({ query, firstQueryBytes: bytes, keystrokeToResultsMs: elapsed });
    await context.close();
  }
  results.search = { indexBytes: folderBytes('dist/pagefind'), pages: readdirSync('dist/pagefind/fragment').length, runs: searchRuns };

  // Page weight on a first visit, search not opened.
  log('pages: weighing first visits …');
  const weights: Record<string, PageWeight> = {};
  for (const path of PAGES) {
    const context = await browser.newContext();
    weights[path] = await firstVisitWeight(await context.newPage(), `${origin}${path}`);
    await context.close();
  }
  results.pageWeight = weights;

  log('lighthouse: 3 runs per page …');
  const chrome = await chromeLauncher.launch({
    ...(existsSync('/usr/bin/chromium') ? { chromePath: '/usr/bin/chromium' } : {}),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const scores: Record<string, Record<string, number>> = {};
  try {
    for (const path of PAGES) {
      const runs: Record<string, number>[] = [];
      for (let run = 0; run < 3; run++) {
        const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
        runs.push(Object.fromEntries(['performance', 'accessibility', 'best-practices', 'seo'].map((id) => [id, Math.round((result?.lhr.categories[id]?.score ?? 0) * 100)])));
      }
      scores[path] = Object.fromEntries(Object.keys(runs[0]!).map((id) => [id, runs.map((r) => r[id]!).sort((a, b) => a - b)[1]!]));
    }
  } finally {
    await chrome.kill();
  }
  results.lighthouse = scores;
} finally {
  await browser.close();
  process.kill(-server.pid!);
}

// Report
const pct = (x: number) => x.toFixed(3);
const a = results.accuracy as { precision: number; recall: number; pairs: number; falseNegatives: string[]; hardCases: number; hardCasesExact: number };
console.log('\nLinking accuracy (first article, hand-made expectation)');
console.log(`  precision ${pct(a.precision)}   recall ${pct(a.recall)}   over ${a.pairs} (paragraph, entity) pairs`);
console.log(`  hard cases exact: ${a.hardCasesExact}/${a.hardCases}`);
for (const miss of a.falseNegatives) console.log(`  missed: ${miss}`);
console.log(`\nMatcher throughput (${megabytes.toFixed(1)} MB, best of 3 scans)`);
console.log('  aliases    build ms    scan ms     MB/s   mentions');
for (const t of Object.values(throughput)) {
  console.log(`  ${String(t.aliases).padStart(7)} ${t.buildMs.toFixed(1).padStart(10)} ${t.scanMs.toFixed(0).padStart(10)} ${t.mbPerSecond.toFixed(1).padStart(8)} ${String(t.mentions).padStart(10)}`);
}
console.log(`  10-alias speed / 10,000-alias speed: ${(results.matcher as { ratio10kTo10: number }).ratio10kTo10.toFixed(2)}x (target <= 1.5x)`);

const s = results.search as { indexBytes: number; runs: typeof searchRuns };
console.log(`\nSearch (built site, Chromium, a fresh browser context per query)`);
console.log(`  index on disk: ${(s.indexBytes / 1024).toFixed(0)} kB (dist/pagefind)`);
console.log('  query          first-query gzip    last keystroke -> results');
for (const run of s.runs) console.log(`  ${run.query.padEnd(14)} ${`${(run.firstQueryBytes / 1024).toFixed(1)} kB`.padStart(17)} ${`${run.keystrokeToResultsMs.toFixed(0)} ms`.padStart(27)}`);

const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`\nFirst visit, gzip kB (budget: HTML ${BUDGET_KB.html}, CSS ${BUDGET_KB.css}, JS ${BUDGET_KB.js}, total ${BUDGET_KB.total})`);
console.log('  page                                     HTML    CSS     JS   total');
for (const [path, w] of Object.entries(results.pageWeight as Record<string, { html: number; css: number; js: number }>)) {
  console.log(`  ${path.padEnd(38)} ${kb(w.html).padStart(6)} ${kb(w.css).padStart(6)} ${kb(w.js).padStart(6)} ${kb(w.html + w.css + w.js).padStart(7)}`);
}
console.log('\nLighthouse, median of 3 (performance / accessibility / best practices / SEO)');
for (const [path, s] of Object.entries(results.lighthouse as Record<string, Record<string, number>>)) {
  console.log(`  ${path.padEnd(38)} ${Object.values(s).join(' / ')}`);
}

mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to .bench/latest.json');
