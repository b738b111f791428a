/**
 * The peer `npm run bench` compares Dossier with: Astro Starlight, installed from the npm registry at a pinned version
 * into a scratch folder outside the project, building the same pages (every article and every entity of a content
 * folder, one page each) with its defaults. Only ratios from one run count: the two builds take turns on one machine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import type { Browser } from '@playwright/test';
import type { Stage } from '../lib/build/build-timings.ts';
import {
  files,
  folderBytes,
  freshCaches,
  measureBuild,
  measuredRun,
  measureSearch,
  preview,
  type BuildCaches,
  type SearchRun,
  type SearchUi,
} from './bench-site.ts';
import { writeCorpus } from './corpus.ts';

export const STARLIGHT_VERSION = '0.42.4';
/** The Astro Dossier is built with, so that the two differ only in what they make of it. */
const ASTRO_VERSION = (
  createRequire(import.meta.url)('astro/package.json') as {
    version: string;
  }
).version;

export interface PeerBuildFigures {
  totalMs: number;
  peakMemoryBytes: number;
  pages: number;
  distBytes: number;
}

/** Starlight's search: the header's button opens a dialog with Pagefind's own interface. */
export const STARLIGHT_SEARCH: SearchUi = {
  open: (page) => page.locator('button[data-open-modal]').first().click(),
  input: '.pagefind-ui__search-input',
  status: '.pagefind-ui__message',
  announces: (query) => `for ${query}`,
};

const installed = (folder: string) => {
  const manifest = join(folder, 'node_modules', '@astrojs', 'starlight', 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
};

/** A Starlight project in `folder` (default: one per version in the temporary folder), installed once and reused. */
export function preparePeer(folder = join(tmpdir(), `dossier-peer-starlight-${STARLIGHT_VERSION}`)): string {
  mkdirSync(join(folder, 'src'), { recursive: true });
  writeFileSync(
    join(folder, 'package.json'),
    `${JSON.stringify(
      {
        name: 'starlight-peer',
        private: true,
        type: 'module',
        dependencies: { astro: ASTRO_VERSION, '@astrojs/starlight': STARLIGHT_VERSION },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(folder, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({ site: 'https://peer.example', integrations: [starlight({ title: 'Peer' })] });
`,
  );
  writeFileSync(
    join(folder, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  if (installed(folder) !== STARLIGHT_VERSION)
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
  return folder;
}

/** Dossier's content folder as Starlight pages: each article and each entity a page, its front matter a title. */
export function writePeerPages(content: string, folder: string): number {
  const docs = join(folder, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'index.md'), '---\ntitle: Peer\n---\n\nThe same pages, built by Starlight.\n');
  let pages = 1;
  const write = (folderName: string, file: string, title: string, description: string | undefined) => {
    const { content: body } = matter(readFileSync(file, 'utf8'));
    mkdirSync(join(docs, folderName), { recursive: true });
    writeFileSync(
      join(docs, folderName, `${basename(file).replace(/\.mdx?$/, '')}.md`),
      matter.stringify(body, description ? { title, description } : { title }),
    );
    pages++;
  };
  for (const file of readdirSync(join(content, 'articles'))) {
    const path = join(content, 'articles', file);
    const { data } = matter(readFileSync(path, 'utf8'));
    write('articles', path, String(data.title), data.dek && String(data.dek));
  }
  const entities = join(content, 'entities');
  for (const kind of readdirSync(entities)) {
    for (const file of readdirSync(join(entities, kind)).filter((name) => /\.mdx?$/.test(name))) {
      const path = join(entities, kind, file);
      const { data } = matter(readFileSync(path, 'utf8'));
      write(kind, path, String(data.name), data.summary && String(data.summary));
    }
  }
  return pages;
}

/** Builds the peer: cold (its caches and output removed first) unless `cold` is false. */
export function measurePeerBuild(folder: string, cold = true): PeerBuildFigures {
  if (cold)
    for (const cache of ['dist', '.astro', 'node_modules/.astro'])
      rmSync(join(folder, cache), { recursive: true, force: true });
  const run = measuredRun(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd: folder });
  if (run.status !== 0) throw new Error(`the Starlight build failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
  const dist = join(folder, 'dist');
  const written = files(dist);
  return {
    totalMs: run.totalMs,
    peakMemoryBytes: run.peakMemoryBytes,
    pages: written.filter((path) => path.endsWith('.html')).length,
    distBytes: folderBytes(dist),
  };
}

export interface PeerRound {
  /** The 1-minute load average as the build started: a busy machine explains an outlier. */
  load: number;
  totalMs: number;
  peakMemoryBytes: number;
}

export interface PeerComparison {
  articles: number;
  entities: number;
  words: number;
  pages: { dossier: number; starlight: number };
  /** Cold builds, in the order they ran: Starlight, Dossier, Starlight, Dossier. */
  cold: { dossier: PeerRound[]; starlight: PeerRound[] };
  /** Dossier cold, with its social cards already drawn. */
  cardsCached: PeerRound;
  /** After a one-paragraph edit to one article, each with its caches from the build before. */
  rebuild: { dossier: PeerRound; starlight: PeerRound };
  output: { dossier: number; starlight: number };
  search: { dossier: SearchRun[]; starlight: SearchRun[] };
  stagesMs: Record<Stage, number>;
}

const round = (figures: { totalMs: number; peakMemoryBytes: number }, load: number): PeerRound => ({
  load,
  totalMs: figures.totalMs,
  peakMemoryBytes: figures.peakMemoryBytes,
});

/** Changes one word of the first paragraph after the front matter, the same in both sites' copies of an article. */
function editOneParagraph(file: string) {
  const text = readFileSync(file, 'utf8');
  const bodyStart = text.indexOf('\n---', 4) + 4;
  const paragraph = text.indexOf('\n\n', bodyStart) + 2;
  writeFileSync(file, `${text.slice(0, paragraph)}Edited: ${text.slice(paragraph)}`);
}

/**
 * The side-by-side run: a corpus of `articles` articles of `words` words beside `entities` entities, written once,
 * built cold by each in turns (S D S D), then Dossier with its cards cached, then a rebuild of each after the same
 * edit, and a first search on each built site.
 */
export async function compareWithPeer(
  browser: Browser,
  log: (line: string) => void,
  { articles = 1000, entities = 70, words = 800 } = {},
): Promise<PeerComparison> {
  const content = join(tmpdir(), `dossier-peer-corpus-${articles}`);
  log(`peer: writing ${articles} articles of ${words} words beside ${entities} entities …`);
  writeCorpus({ articles, entities, words, seed: 7, out: content });
  log(`peer: installing Starlight ${STARLIGHT_VERSION} (once) …`);
  const peer = preparePeer();
  writePeerPages(content, peer);
  const out = join(tmpdir(), 'dossier-peer-dist');
  const cold: PeerComparison['cold'] = { dossier: [], starlight: [] };
  let dossierCaches: (BuildCaches & { remove: () => void }) | undefined;
  let stagesMs: Record<Stage, number> | undefined;
  for (let turn = 1; turn <= 2; turn++) {
    log(`peer: cold build ${turn} of 2, Starlight …`);
    cold.starlight.push(round(measurePeerBuild(peer), loadavg()[0]!));
    log(`peer: cold build ${turn} of 2, Dossier …`);
    dossierCaches?.remove();
    dossierCaches = freshCaches();
    const load = loadavg()[0]!;
    const built = measureBuild(content, out, true, dossierCaches);
    cold.dossier.push(round(built, load));
    stagesMs = built.stagesMs;
  }
  log('peer: Dossier cold, cards cached …');
  const cardsOnly = { ...freshCaches(), cards: dossierCaches!.cards };
  const cardsLoad = loadavg()[0]!;
  const cardsCached = round(measureBuild(content, out, true, cardsOnly), cardsLoad);
  cardsOnly.remove();

  log('peer: a one-paragraph edit, then a rebuild of each …');
  const first = readdirSync(join(content, 'articles')).sort()[0]!;
  editOneParagraph(join(content, 'articles', first));
  editOneParagraph(join(peer, 'src', 'content', 'docs', 'articles', first.replace(/\.mdx?$/, '.md')));
  const peerLoad = loadavg()[0]!;
  const starlightRebuild = round(measurePeerBuild(peer, false), peerLoad);
  const dossierLoad = loadavg()[0]!;
  const dossierRebuild = round(measureBuild(content, out, true, dossierCaches), dossierLoad);
  dossierCaches!.remove();

  // A phrase every corpus has, and an entity's Chinese name.
  const sample = readFileSync(
    join(content, 'entities/organizations', readdirSync(join(content, 'entities/organizations')).sort()[0]!),
    'utf8',
  );
  const queries = ['great state', /native: \{ name: '([^']+)'/.exec(sample)![1]!];
  log('peer: a first search on each …');
  const search: PeerComparison['search'] = { dossier: [], starlight: [] };
  const dossierSite = await preview(out, 4393);
  try {
    search.dossier = await measureSearch(browser, dossierSite.origin, queries);
  } finally {
    dossierSite.stop();
  }
  const peerSite = await preview(join(peer, 'dist'), 4394, peer);
  try {
    search.starlight = await measureSearch(browser, peerSite.origin, queries, STARLIGHT_SEARCH);
  } finally {
    peerSite.stop();
  }
  return {
    articles,
    entities,
    words,
    pages: {
      dossier: files(out).filter((path) => path.endsWith('.html')).length,
      starlight: files(join(peer, 'dist')).filter((path) => path.endsWith('.html')).length,
    },
    cold,
    cardsCached,
    rebuild: { dossier: dossierRebuild, starlight: starlightRebuild },
    output: { dossier: folderBytes(out), starlight: folderBytes(join(peer, 'dist')) },
    search,
    stagesMs: stagesMs!,
  };
}

/** The comparison as ratios, Dossier / Starlight, with the targets of the build-speed and search issues. */
export function printPeerComparison(c: PeerComparison) {
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  const ratio = (ours: number, theirs: number) => `${(ours / theirs).toFixed(2)}x`;
  // The faster turn of each: on a shared machine a turn is only ever slowed by others, never sped up.
  const coldD = Math.min(...c.cold.dossier.map((r) => r.totalMs));
  const coldS = Math.min(...c.cold.starlight.map((r) => r.totalMs));
  const peakD = Math.max(...c.cold.dossier.map((r) => r.peakMemoryBytes));
  const peakS = Math.max(...c.cold.starlight.map((r) => r.peakMemoryBytes));
  console.log(
    `\nAgainst Starlight ${STARLIGHT_VERSION} on the same pages (${c.articles} articles of ${c.words} words, ${c.entities} entities; ${c.pages.dossier} Dossier pages, ${c.pages.starlight} Starlight pages)`,
  );
  console.log('                                      Dossier   Starlight   ratio   target');
  const row = (name: string, ours: string, theirs: string, r: string, target: string) =>
    console.log(`  ${name.padEnd(34)} ${ours.padStart(9)} ${theirs.padStart(11)} ${r.padStart(7)}   ${target}`);
  row('cold build (faster of 2 turns)', secs(coldD), secs(coldS), ratio(coldD, coldS), '<= 1.0x');
  row(
    'cold build, cards cached',
    secs(c.cardsCached.totalMs),
    secs(coldS),
    ratio(c.cardsCached.totalMs, coldS),
    '<= 0.8x',
  );
  row(
    'rebuild after a one-paragraph edit',
    secs(c.rebuild.dossier.totalMs),
    secs(c.rebuild.starlight.totalMs),
    ratio(c.rebuild.dossier.totalMs, c.rebuild.starlight.totalMs),
    '<= 0.6x',
  );
  row('peak memory', mib(peakD), mib(peakS), ratio(peakD, peakS), '<= 1.0x');
  row('output', mib(c.output.dossier), mib(c.output.starlight), ratio(c.output.dossier, c.output.starlight), '');
  for (const [i, run] of c.search.dossier.entries()) {
    const theirs = c.search.starlight[i]!;
    row(
      `first search "${run.query}", gzip`,
      `${(run.firstQueryBytes / 1024).toFixed(1)} kB`,
      `${(theirs.firstQueryBytes / 1024).toFixed(1)} kB`,
      ratio(run.firstQueryBytes, theirs.firstQueryBytes),
      '<= 0.6x',
    );
    const parts = (bytes: SearchRun['bytesByPart']) =>
      Object.entries(bytes)
        .filter(([, size]) => size > 0)
        .map(([part, size]) => `${part} ${(size / 1024).toFixed(1)}`)
        .join(', ');
    console.log(`    kB by part: Dossier ${parts(run.bytesByPart)}; Starlight ${parts(theirs.bytesByPart)}`);
    row(
      `  last keystroke to results`,
      `${run.keystrokeToResultsMs.toFixed(0)} ms`,
      `${theirs.keystrokeToResultsMs.toFixed(0)} ms`,
      ratio(run.keystrokeToResultsMs, theirs.keystrokeToResultsMs),
      '<= 0.5x',
    );
  }
  const turns = (rounds: PeerRound[]) => rounds.map((r) => `${secs(r.totalMs)} (load ${r.load.toFixed(1)})`).join(', ');
  console.log(`  cold turns: Starlight ${turns(c.cold.starlight)}; Dossier ${turns(c.cold.dossier)}`);
  const st = c.stagesMs;
  console.log(
    `  Dossier's last cold build, stages s: registry ${(st.registry / 1000).toFixed(1)}, matcher ${(st.matcher / 1000).toFixed(1)}, parsing ${(st.parsing / 1000).toFixed(1)}, linking ${(st.linking / 1000).toFixed(1)}, cards ${(st.cards / 1000).toFixed(1)}, search index ${(st.searchIndex / 1000).toFixed(1)}`,
  );
}
