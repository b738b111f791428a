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
 * - Entity suggestions on the development corpus (`../shared/corpus`, or DOSSIER_CORPUS) against its truth file:
 *   drafts, precision, recall, kind, Chinese pairing, duplicates and crashes. Skipped when the corpus is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { compareWithPeer, printPeerComparison, type PeerComparison } from './bench-peer.ts';
import {
  folderBytes,
  launchBrowser,
  measureBuild,
  measureSearch,
  preview,
  type BuildFigures,
  type SearchRun,
} from './bench-site.ts';
import { writeCorpus } from './corpus.ts';
import { evaluateFolder, readTruthFile } from './ingest-eval.ts';
import { firstVisitWeight, type PageWeight } from './page-weight.ts';
import type { Totals } from '../lib/ingest/evaluate.ts';
import {
  alignBlocks,
  entitiesInSentence,
  scoreBlocks,
  type ExpectedBlock,
  type HardCase,
} from '../lib/link/accuracy.ts';
import { Matcher, type AliasPattern } from '../lib/link/matcher.ts';
import { buildSiteIndex } from '../lib/index/site-index.ts';
import { seededRandom } from './seeded-random.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
/** `npm run bench -- --quick` leaves out Lighthouse and the synthetic corpora (minutes of building). */
const quick = process.argv.includes('--quick');
/** `npm run bench -- --peer` runs only the comparison with Starlight (several minutes of building). */
const peerOnly = process.argv.includes('--peer');
const results: Record<string, unknown> = { date: new Date().toISOString() };
const writeResults = () => {
  mkdirSync('.bench', { recursive: true });
  writeFileSync('.bench/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWritten to .bench/latest.json');
};

if (peerOnly) {
  const browser = await launchBrowser();
  results.peer = await compareWithPeer(browser, log);
  await browser.close();
  printPeerComparison(results.peer as PeerComparison);
  writeResults();
  process.exit(0);
}

// Accuracy
log('accuracy: indexing the first article …');
const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../lib/link/fixtures/${name}`, import.meta.url), 'utf8'));
const blocks = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true }).articles.get(
  'deepseek-and-open-source',
)!.blocks;
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

// Entity suggestions on the corpus of real articles, when it is there (it is not part of the project).
const corpusFolder = process.env.DOSSIER_CORPUS ?? '../shared/corpus';
if (existsSync(corpusFolder)) {
  log(`suggestions: ingesting ${corpusFolder} …`);
  const { runs, totals } = evaluateFolder(corpusFolder, readTruthFile('src/lib/ingest/corpus-truth.json'));
  const sentences = {
    kept: runs.reduce((sum, run) => sum + run.sentences.kept, 0),
    total: runs.reduce((sum, run) => sum + run.sentences.total, 0),
  };
  results.suggestions = {
    corpus: corpusFolder,
    totals,
    sentences,
    articles: Object.fromEntries(
      runs.map((run) => [
        run.file,
        {
          ...run.score,
          misses: undefined,
          unsure: run.unsure,
          sentences: run.sentences,
          guesses: run.guesses,
          crash: run.crash,
        },
      ]),
    ),
  };
} else log(`suggestions: no corpus at ${corpusFolder}; skipped`);

// Matcher throughput
// Seeded, so every run scans the same text.
const next = seededRandom(42);
const syllables = ['ka', 'lo', 'mi', 'zen', 'tor', 'vek', 'sha', 'qu', 'rin', 'dal', 'pho', 'wei', 'xin', 'bao'];
const han = '深度求索开源智商税梁文锋李彦宏百度阿里巴巴华为腾讯芯原股份国密算法大基金中科红旗';
const word = () =>
  Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
const aliasText = (i: number) =>
  i % 4 === 3
    ? Array.from({ length: 2 + (i % 3) }, () => han[Math.floor(next() * han.length)]).join('') +
      String.fromCharCode(0x4e00 + (i % 5000))
    : `${word().replace(/^./, (c) => c.toUpperCase())} ${word().replace(/^./, (c) => c.toUpperCase())}${i}`;
const allAliases = Array.from({ length: 10_000 }, (_, i) => aliasText(i));
const patterns = (count: number): AliasPattern[] =>
  allAliases
    .slice(0, count)
    .map((text, i) => ({ text, entityId: `e${i}`, weak: false, ignoreCase: i % 10 === 0, shared: false }));

// Ten megabytes of paragraphs in English-like words with Chinese runs, naming the first ten aliases now and then.
const paragraphs: string[] = [];
let size = 0;
while (size < 10 * 1024 * 1024) {
  const words: string[] = [];
  for (let i = 0; i < 90; i++) {
    const roll = next();
    words.push(
      roll < 0.02
        ? allAliases[Math.floor(next() * 10)]!
        : roll < 0.06
          ? han.slice(0, 2 + Math.floor(next() * 6))
          : word(),
    );
  }
  const paragraph = `${words.join(' ')}.`;
  paragraphs.push(paragraph);
  size += Buffer.byteLength(paragraph);
}
const megabytes = size / 1024 / 1024;

const throughput: Record<
  string,
  { aliases: number; buildMs: number; scanMs: number; mbPerSecond: number; mentions: number }
> = {};
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
results.matcher = {
  megabytes,
  runs: 3,
  figure: 'best of 3',
  throughput,
  ratio10kTo10: throughput[10]!.mbPerSecond / throughput[10_000]!.mbPerSecond,
};

// Search, page weight and Lighthouse on the real site
if (!existsSync('dist/pagefind')) {
  log('site: building …');
  if (spawnSync(process.execPath, ['src/cli/build.ts'], { stdio: 'ignore' }).status !== 0)
    throw new Error('npm run build failed');
}
log('search: measuring in Chromium …');
const browser = await launchBrowser();
const PAGES = ['/', '/articles/deepseek-and-open-source/', '/organizations/deepseek/'];
const BUDGET_KB = { html: 16, css: 8, js: 6, total: 28 };
const site = await preview('dist', 4391);
try {
  results.search = {
    indexBytes: folderBytes('dist/pagefind'),
    runs: await measureSearch(browser, site.origin, ['DeepSeek', '智商税', 'open source', '李开复']),
  };

  log('pages: weighing first visits …');
  const weights: Record<string, PageWeight> = {};
  for (const path of PAGES) {
    const context = await browser.newContext();
    weights[path] = await firstVisitWeight(await context.newPage(), `${site.origin}${path}`);
    await context.close();
  }
  results.pageWeight = weights;

  if (!quick) {
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
          const result = await lighthouse(`${site.origin}${path}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
          });
          runs.push(
            Object.fromEntries(
              ['performance', 'accessibility', 'best-practices', 'seo'].map((id) => [
                id,
                Math.round((result?.lhr.categories[id]?.score ?? 0) * 100),
              ]),
            ),
          );
        }
        scores[path] = Object.fromEntries(
          Object.keys(runs[0]!).map((id) => [id, runs.map((r) => r[id]!).sort((a, b) => a - b)[1]!]),
        );
      }
    } finally {
      await chrome.kill();
    }
    results.lighthouse = scores;
  }
} finally {
  site.stop();
}

// Scale: the real content and synthetic corpora of 100, 1,000 and 5,000 articles, each built with linking, and all
// but the largest without (the baseline of linking's cost).
const scale: Record<
  string,
  {
    articles: number;
    entities: number;
    linked: BuildFigures;
    unlinked?: BuildFigures | undefined;
    search?: SearchRun[];
  }
> = {};
const corpora: [string, string, number, number][] = [['real', 'content', 1, 69]];
if (!quick) {
  for (const [articles, entities] of [
    [100, 300],
    [1000, 2000],
    [5000, 2000],
  ] as const) {
    const folder = join(tmpdir(), `dossier-corpus-${articles}`);
    log(`scale: writing a corpus of ${articles} articles and ${entities} entities …`);
    writeCorpus({ articles, entities, seed: 1, out: folder });
    corpora.push([`${articles} articles`, folder, articles, entities]);
  }
}
for (const [name, content, articles, entities] of corpora) {
  const out = join(tmpdir(), `dossier-bench-${name.replace(/\W+/g, '-')}`);
  log(`scale: building ${name} with linking …`);
  const linked = measureBuild(content, out, true);
  let unlinked: BuildFigures | undefined;
  if (articles < 5000) {
    log(`scale: building ${name} without linking …`);
    unlinked = measureBuild(content, `${out}-unlinked`, false);
  }
  scale[name] = { articles, entities, linked, unlinked };
  if (name !== 'real') {
    // A name from the corpus, in each script.
    const sample = readFileSync(
      join(content, 'entities/organizations', readdirSync(join(content, 'entities/organizations'))[0]!),
      'utf8',
    );
    const queries = [
      /^name: (.+)$/m.exec(sample)![1]!,
      /script: zh-Hans/.test(sample) ? /native: \{ name: '([^']+)'/.exec(sample)![1]! : 'open',
    ];
    const served = await preview(out, 4392);
    try {
      scale[name].search = await measureSearch(browser, served.origin, queries);
    } finally {
      served.stop();
    }
  }
}
results.scale = scale;
if (!quick) results.peer = await compareWithPeer(browser, log);
await browser.close();

// Report
const pct = (x: number) => x.toFixed(3);
const a = results.accuracy as {
  precision: number;
  recall: number;
  pairs: number;
  falseNegatives: string[];
  hardCases: number;
  hardCasesExact: number;
};
console.log('\nLinking accuracy (first article, hand-made expectation)');
console.log(`  precision ${pct(a.precision)}   recall ${pct(a.recall)}   over ${a.pairs} (paragraph, entity) pairs`);
console.log(`  hard cases exact: ${a.hardCasesExact}/${a.hardCases}`);
for (const miss of a.falseNegatives) console.log(`  missed: ${miss}`);
const suggestions = results.suggestions as
  { corpus: string; totals: Totals; sentences: { kept: number; total: number } } | undefined;
if (suggestions) {
  const t = suggestions.totals;
  console.log(
    `\nEntity suggestions (${suggestions.corpus}, ${t.articles} articles, against src/lib/ingest/corpus-truth.json)`,
  );
  console.log(
    `  drafts ${t.drafts}   precision ${pct(t.precision)} (target >= 0.8)   recall ${pct(t.recall)} (target >= 0.75)   kind ${pct(t.kindAccuracy)} (target >= 0.8)`,
  );
  console.log(`  sentences kept ${suggestions.sentences.kept} of ${suggestions.sentences.total}`);
  console.log(
    `  Chinese pairing ${pct(t.pairing)}   duplicates ${t.duplicates}   crashes ${t.crashes}   (per article: npm run ingest:eval -- ${suggestions.corpus} src/lib/ingest/corpus-truth.json)`,
  );
}
console.log(`\nMatcher throughput (${megabytes.toFixed(1)} MB, best of 3 scans)`);
console.log('  aliases    build ms    scan ms     MB/s   mentions');
for (const t of Object.values(throughput)) {
  console.log(
    `  ${String(t.aliases).padStart(7)} ${t.buildMs.toFixed(1).padStart(10)} ${t.scanMs.toFixed(0).padStart(10)} ${t.mbPerSecond.toFixed(1).padStart(8)} ${String(t.mentions).padStart(10)}`,
  );
}
console.log(
  `  10-alias speed / 10,000-alias speed: ${(results.matcher as { ratio10kTo10: number }).ratio10kTo10.toFixed(2)}x (target <= 1.5x)`,
);

const s = results.search as { indexBytes: number; runs: SearchRun[] };
console.log(`\nSearch (built site, Chromium, a fresh browser context per query)`);
console.log(`  index on disk: ${(s.indexBytes / 1024).toFixed(0)} kB (dist/pagefind)`);
console.log('  query          first-query gzip    last keystroke -> results');
for (const run of s.runs)
  console.log(
    `  ${run.query.padEnd(14)} ${`${(run.firstQueryBytes / 1024).toFixed(1)} kB`.padStart(17)} ${`${run.keystrokeToResultsMs.toFixed(0)} ms`.padStart(27)}`,
  );

const kb = (n: number) => (n / 1024).toFixed(1);
console.log(
  `\nFirst visit, gzip kB (budget: HTML ${BUDGET_KB.html}, CSS ${BUDGET_KB.css}, JS ${BUDGET_KB.js}, total ${BUDGET_KB.total})`,
);
console.log('  page                                     HTML    CSS     JS   total');
for (const [path, w] of Object.entries(
  results.pageWeight as Record<string, { html: number; css: number; js: number }>,
)) {
  console.log(
    `  ${path.padEnd(38)} ${kb(w.html).padStart(6)} ${kb(w.css).padStart(6)} ${kb(w.js).padStart(6)} ${kb(w.html + w.css + w.js).padStart(7)}`,
  );
}
if (results.lighthouse) {
  console.log('\nLighthouse, median of 3 (performance / accessibility / best practices / SEO)');
  for (const [path, s] of Object.entries(results.lighthouse as Record<string, Record<string, number>>)) {
    console.log(`  ${path.padEnd(38)} ${Object.values(s).join(' / ')}`);
  }
}

const secs = (ms: number) => (ms / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
console.log('\nScale: cold builds (fresh caches), with linking and, up to 1,000 articles, without');
for (const [name, run] of Object.entries(scale)) {
  const { linked, unlinked } = run;
  const st = linked.stagesMs;
  // Parsing is the same work with linking off; the matcher and linking are what linking adds.
  const linkingCost = st.matcher + st.linking;
  const astro = linked.totalMs - st.registry - st.matcher - st.parsing - st.linking - st.cards - st.searchIndex;
  console.log(`  ${name}: ${run.articles} articles, ${run.entities} entities, ${linked.pages} pages`);
  console.log(
    `    build ${secs(linked.totalMs)} s, ${(linked.pages / (linked.totalMs / 1000)).toFixed(1)} pages/s; cards ${((100 * st.cards) / linked.totalMs).toFixed(0)}% of it (target <= 25% at 1,000 articles)`,
  );
  if (unlinked)
    console.log(
      `    without linking ${secs(unlinked.totalMs)} s (ratio ${(linked.totalMs / unlinked.totalMs).toFixed(2)}); matcher, linking and mention index ${secs(linkingCost)} s = ${((100 * linkingCost) / unlinked.totalMs).toFixed(1)}% of the unlinked build (target <= 10%)`,
    );
  console.log(
    `    stages s: registry ${secs(st.registry)}, matcher ${secs(st.matcher)}, parsing to HTML ${secs(st.parsing)}, linking ${secs(st.linking)}, cards ${secs(st.cards)}, search index ${secs(st.searchIndex)}, Astro and the rest ${secs(astro)}`,
  );
  console.log(
    `    peak memory ${mb(linked.peakMemoryBytes)} MB (target < 2048 at 1,000 articles); dist ${mb(linked.distBytes)} MB, search index ${mb(linked.searchIndexBytes)} MB`,
  );
  const g = linked.pageGzip;
  console.log(
    `    page gzip kB, median / largest: HTML ${kb(g.html.median)} / ${kb(g.html.largest)}, CSS ${kb(g.css.median)} / ${kb(g.css.largest)}, JS ${kb(g.js.median)} / ${kb(g.js.largest)}`,
  );
  for (const q of run.search ?? [])
    console.log(
      `    search "${q.query}": first query ${kb(q.firstQueryBytes)} kB gzip (target <= 150), keystroke to results ${q.keystrokeToResultsMs.toFixed(0)} ms (target <= 100)`,
    );
}
const [small, large, largest] = [scale['100 articles'], scale['1000 articles'], scale['5000 articles']];
if (small && large)
  console.log(
    `  1,000-article build / 100-article build: ${(large.linked.totalMs / small.linked.totalMs).toFixed(1)}x (target <= 11x)`,
  );
if (large && largest)
  console.log(
    `  5,000-article build / 1,000-article build: ${(largest.linked.totalMs / large.linked.totalMs).toFixed(1)}x time, ${(largest.linked.peakMemoryBytes / large.linked.peakMemoryBytes).toFixed(1)}x peak memory`,
  );

if (results.peer) printPeerComparison(results.peer as PeerComparison);
writeResults();
