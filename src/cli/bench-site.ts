/**
 * Measuring a built site for `npm run bench`: a build with its stage timings and peak memory, the size of what it
 * wrote, and search in Chromium against it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
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

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const bytesOf = (paths: string[]) => paths.reduce((sum, path) => sum + statSync(path).size, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Builds `content` into `out` with `npm run build`'s own script, cold: fresh Astro and card caches. */
export function measureBuild(content: string, out: string, linking: boolean): BuildFigures {
  const timings = `${out}.timings.json`;
  const cards = mkdtempSync(join(tmpdir(), 'dossier-cards-'));
  const started = performance.now();
  const run = spawnSync(process.execPath, ['src/cli/build.ts'], {
    env: {
      ...process.env,
      DOSSIER_CONTENT: content,
      DOSSIER_OUT: out,
      DOSSIER_TIMINGS: timings,
      DOSSIER_LINKING: linking ? 'on' : 'off',
      DOSSIER_CARD_CACHE: cards,
    },
    encoding: 'utf8',
    // A build of thousands of pages logs megabytes: keep only the errors, and room for them.
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const totalMs = performance.now() - started;
  rmSync(cards, { recursive: true, force: true });
  if (run.status !== 0)
    throw new Error(
      `the build of ${content} failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr.slice(-2000)}`,
    );
  const { stagesMs, peakMemoryBytes } = JSON.parse(readFileSync(timings, 'utf8')) as Pick<
    BuildFigures,
    'stagesMs' | 'peakMemoryBytes'
  >;

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

/** Serves a built site with `astro preview` on loopback until `stop` is called. */
export async function preview(out: string, port: number): Promise<{ origin: string; stop: () => void }> {
  const server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
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
  keystrokeToResultsMs: number;
}

/** Each query in a fresh browser context, as a reader's first search: typed into the header dialog. */
export async function measureSearch(browser: Browser, origin: string, queries: string[]): Promise<SearchRun[]> {
  const runs: SearchRun[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    // Every search request's body, counted once it has arrived: results still loading when the status changes count.
    const bodies: Promise<number>[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.includes('/pagefind/') || path.includes('search'))
        bodies.push(
          response.body().then(
            (body) => gzipSync(body).length,
            () => 0,
          ),
        );
    });
    await page.keyboard.press('/');
    const input = page.getByRole('dialog').getByRole('searchbox');
    await input.waitFor();
    await input.pressSequentially(query.slice(0, -1));
    await page
      .getByRole('dialog')
      .getByRole('status')
      .filter({ hasText: 'for' })
      .waitFor()
      .catch(() => undefined);
    // From the last keystroke to the status announcing this query's results.
    const elapsed = await page.evaluate(async (last) => {
      const dialog = document.querySelector('dialog')!;
      const field = dialog.querySelector('input')!;
      const status = dialog.querySelector('[role="status"]')!;
      const started = performance.now();
      const done = new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(`“${field.value}”`)) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
      });
      field.value += last;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return done;
    }, query.slice(-1));
    // Until no request has started for a second, then every body read.
    for (let seen = -1; seen !== bodies.length;) {
      seen = bodies.length;
      await page.waitForTimeout(1000);
    }
    const bytes = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
    runs.push({ query, firstQueryBytes: bytes, keystrokeToResultsMs: elapsed });
    await context.close();
  }
  return runs;
}
