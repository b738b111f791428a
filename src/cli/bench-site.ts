/**
 * Measuring a built site for `npm run bench`: a build with its stage timings and peak memory, the size of what it
 * wrote, and search in Chromium against it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { Stage } from '../lib/build/build-timings.ts';

export interface BuildFigures {
  totalMs: number;
  stagesMs: Record<Stage, number>;
  peakMemoryBytes: number;
  pages: number;
  distBytes: number;
  searchIndexBytes: number;
  /** gzip bytes of each page's HTML, and of the CSS and JS it loads before search opens: median and largest. */
  pageGzip: Record<'html' | 'css' | 'js', { median: number; largest: number }>;
}

/** Every file under a folder. */
export function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const bytesOf = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(path).size, 0);
export const folderBytes = (dir: string) => bytesOf(files(dir));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Astro's and the social cards' caches for a build: fresh ones make it cold, the same ones again a rebuild. */
export interface BuildCaches {
  astro: string;
  cards: string;
}

/** Empty caches in a temporary folder, for a cold build; `remove` deletes them. */
export function freshCaches(): BuildCaches & { remove: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-caches-'));
  return {
    astro: join(folder, 'astro'),
    cards: join(folder, 'cards'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

export interface Run {
  totalMs: number;
  /** The largest resident set of the command or any process it waited for (GNU time's %M); NaN without it. */
  peakMemoryBytes: number;
  status: number | null;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to its end, timing it and, where GNU time is installed, taking its peak memory. */
export function measuredRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): Run {
  const report = join(mkdtempSync(join(tmpdir(), 'dossier-time-')), 'peak');
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const run = spawnSync(timed ? GNU_TIME : command, timed ? ['-f', '%M', '-o', report, command, ...args] : args, {
    ...options,
    encoding: 'utf8',
    // A build of thousands of pages logs megabytes: keep only the errors, and room for them.
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const totalMs = performance.now() - started;
  const peak =
    timed && existsSync(report) ? Number(readFileSync(report, 'utf8').trim().split('\n').at(-1)) * 1024 : NaN;
  rmSync(dirname(report), { recursive: true, force: true });
  return {
    totalMs,
    peakMemoryBytes: peak,
    status: run.status,
    stderr: `${run.error?.message ?? ''}${run.stderr ?? ''}`,
  };
}

/**
 * Builds `content` into `out` with `npm run build`'s own script. With fresh caches (the default) the build is cold;
 * given the caches of an earlier build of the same content, it is a rebuild.
 */
export function measureBuild(content: string, out: string, linking: boolean, caches?: BuildCaches): BuildFigures {
  const timings = `${out}.timings.json`;
  const cold = caches ? undefined : freshCaches();
  const { astro, cards } = caches ?? cold!;
  const run = measuredRun(process.execPath, ['src/cli/build.ts'], {
    env: {
      ...process.env,
      DOSSIER_CONTENT: content,
      DOSSIER_OUT: out,
      DOSSIER_TIMINGS: timings,
      DOSSIER_LINKING: linking ? 'on' : 'off',
      DOSSIER_CACHE: astro,
      DOSSIER_CARD_CACHE: cards,
    },
  });
  cold?.remove();
  if (run.status !== 0)
    throw new Error(`the build of ${content} failed (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
  const { totalMs } = run;
  const { stagesMs, peakMemoryBytes: ownPeak } = JSON.parse(readFileSync(timings, 'utf8')) as Pick<
    BuildFigures,
    'stagesMs' | 'peakMemoryBytes'
  >;
  const peakMemoryBytes = Number.isNaN(run.peakMemoryBytes) ? ownPeak : run.peakMemoryBytes;

  const all = files(out);
  const pages = all.filter((path) => path.endsWith('.html'));
  const gzip = (path: string) => gzipSync(readFileSync(path)).length;
  const assetGzip = new Map<string, number>();
  const loaded = (html: string, pattern: RegExp) =>
    [...html.matchAll(pattern)].reduce((sum, [, href]) => {
      const path = join(out, href!.replace(/^\//, ''));
      if (!assetGzip.has(path)) assetGzip.set(path, gzip(path));
      return sum + assetGzip.get(path)!;
    }, 0);
  const sizes = pages.map((path) => {
    const html = readFileSync(path, 'utf8');
    return {
      html: gzip(path),
      css: loaded(html, /<link rel="stylesheet" href="([^"]+)"/g),
      js: loaded(html, /<script type="module" src="([^"]+)"/g),
    };
  });
  const stat = (kind: 'html' | 'css' | 'js') => ({
    median: median(sizes.map((s) => s[kind])),
    largest: Math.max(...sizes.map((s) => s[kind])),
  });
  return {
    totalMs,
    stagesMs,
    peakMemoryBytes,
    pages: pages.length,
    distBytes: bytesOf(all),
    searchIndexBytes: bytesOf(all.filter((path) => relative(out, path).startsWith('pagefind'))),
    pageGzip: { html: stat('html'), css: stat('css'), js: stat('js') },
  };
}

/** Chromium for the measurements: Debian's where it is installed (as in CI), else Playwright's own. */
export const launchBrowser = () =>
  chromium.launch(
    existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] } : {},
  );

/** Serves a built site with `astro preview` on loopback until `stop` is called: Dossier's, or another Astro project's. */
export async function preview(out: string, port: number, project = '.'): Promise<{ origin: string; stop: () => void }> {
  const server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: project,
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, DOSSIER_OUT: out },
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      await fetch(origin);
      break;
    } catch {
      if (tries > 150) throw new Error('the preview server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { origin, stop: () => process.kill(-server.pid!) };
}

export interface SearchRun {
  query: string;
  /** gzip bytes of everything a first search fetches, as a compressing host would send it. */
  firstQueryBytes: number;
  /** The same bytes by what they are: where a first search's weight comes from. */
  bytesByPart: Record<SearchPart, number>;
  keystrokeToResultsMs: number;
}

/**
 * What a first search fetches: Pagefind's engine (its script, worker and WebAssembly, the same on every site), its
 * index (the metadata, filters and the index chunks of the query's words), the pages' text for the results shown
 * (fragments), Dossier's names index, and the site's own search script.
 */
export type SearchPart = 'engine' | 'index' | 'fragments' | 'names' | 'script';

export function searchPartOf(path: string): SearchPart {
  if (path.includes('/pagefind/fragment/')) return 'fragments';
  if (/\/pagefind\/(?:index|filter)\/|\.pf_meta$/.test(path)) return 'index';
  if (path.includes('/pagefind/')) return 'engine';
  if (path.includes('/search/names/')) return 'names';
  return 'script';
}

/**
 * How a reader uses a site's search: how it opens, where the query is typed, and the element whose text names the
 * query once that query's results are shown.
 */
export interface SearchUi {
  open: (page: Page) => Promise<void>;
  input: string;
  status: string;
  /** The text the status holds for a query's results. */
  announces: (query: string) => string;
}

/** Dossier's header dialog, opened with the `/` key. */
export const DOSSIER_SEARCH: SearchUi = {
  open: (page) => page.keyboard.press('/'),
  input: 'dialog input[type="search"]',
  status: 'dialog [role="status"]',
  announces: (query) => `“${query}”`,
};

/** Each query in a fresh browser context, as a reader's first search: typed into the site's search. */
export async function measureSearch(
  browser: Browser,
  origin: string,
  queries: string[],
  ui: SearchUi = DOSSIER_SEARCH,
): Promise<SearchRun[]> {
  const runs: SearchRun[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    // Every search request's body, counted once it has arrived: results still loading when the status changes count.
    const bodies: Promise<[SearchPart, number]>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.includes('/pagefind/') || path.includes('search'))
        bodies.push(
          response.body().then(
            (body) => [searchPartOf(path), gzipSync(body).length],
            () => [searchPartOf(path), 0],
          ),
        );
    });
    await ui.open(page);
    const input = page.locator(ui.input);
    await input.waitFor();
    await input.pressSequentially(query.slice(0, -1));
    await page
      .locator(ui.status)
      .filter({ hasText: ui.announces(query.slice(0, -1)) })
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    // From the last keystroke to the status announcing this query's results.
    const elapsed = await page.evaluate(
      async ({ last, selectors, announced }) => {
        const field = document.querySelector<HTMLInputElement>(selectors.input)!;
        const started = performance.now();
        // The whole page is watched, since a search interface may draw its status anew for each search; a query
        // whose results never come is NaN after ten seconds, not a bench that waits for ever.
        const done = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            if (document.querySelector(selectors.status)?.textContent?.includes(announced)) {
              observer.disconnect();
              resolve(performance.now() - started);
            }
          });
          observer.observe(document.body, { childList: true, characterData: true, subtree: true });
          setTimeout(() => {
            observer.disconnect();
            resolve(NaN);
          }, 10_000);
        });
        field.value += last;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        return done;
      },
      { last: query.slice(-1), selectors: { input: ui.input, status: ui.status }, announced: ui.announces(query) },
    );
    // Until no request has started for a second, then every body read.
    for (let seen = -1; seen !== bodies.length;) {
      seen = bodies.length;
      await page.waitForTimeout(1000);
    }
    const bytesByPart: Record<SearchPart, number> = { engine: 0, index: 0, fragments: 0, names: 0, script: 0 };
    for (const [part, size] of await Promise.all(bodies)) bytesByPart[part] += size;
    const bytes = Object.values(bytesByPart).reduce((sum, size) => sum + size, 0);
    runs.push({ query, firstQueryBytes: bytes, bytesByPart, keystrokeToResultsMs: elapsed });
    await context.close();
  }
  return runs;
}
