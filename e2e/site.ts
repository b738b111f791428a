/** What the e2e suites share: the registry of the built content, the seed the article was made from, axe, and a server. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { loadContent } from '../src/lib/content/registry.ts';
import { paths } from '../src/lib/content/kinds.ts';

export const content = loadContent('content');
export const entityPages = [...content.entities.values()].map((e) => ({
  id: e.id,
  kind: e.kind,
  name: e.data.name,
  path: paths.entity(e.kind, e.id),
}));

/** axe's rule tags for WCAG 2.2 AA: what every page must meet. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The seed article as received, split into sentences (the test unit for "nothing of the article is lost"). */
export function seedSentences(): string[] {
  const text = readFileSync(new URL('./fixtures/chinatalk-deepseek-open-source.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.?!…])\s+(?=\S)/))
    .map(normalizeSpace)
    .filter((sentence) => /\p{L}/u.test(sentence));
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every page of a built site as [site path, html], the path under `base` as links write it. */
export function builtPages(dist: string, base = '/'): [string, string][] {
  const pages: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html'))
        pages.push([`${base}${relative(dist, path)}`.replace(/index\.html$/, ''), readFileSync(path, 'utf8')]);
    }
  };
  walk(dist);
  return pages.sort(([a], [b]) => a.localeCompare(b));
}

/** Links that lead nowhere: internal hrefs without a page, fragments without an id, external links without rel. */
export function brokenLinks(pages: [string, string][]): string[] {
  const byPath = new Map(pages);
  const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const broken: string[] = [];
  for (const [from, html] of pages) {
    for (const [tag, href] of [...html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>/g)].map((m) => [m[0], m[1]!])) {
      if (/^[a-z]+:/.test(href!) || href!.startsWith('//')) {
        if (/^https?:/.test(href!) && !/rel="noopener noreferrer"/.test(tag!))
          broken.push(`${from} -> ${href} (external link without rel="noopener noreferrer")`);
        continue;
      }
      const url = new URL(href!.replace(/&amp;/g, '&'), `http://site${from}`);
      const target = byPath.get(url.pathname);
      // A text fragment (`#id:~:text=…`) only highlights words: the id before it is what must exist.
      const id = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
      if (target === undefined) broken.push(`${from} -> ${href} (no page)`);
      else if (id && !idsOf(target).has(id)) broken.push(`${from} -> ${href} (no such id)`);
    }
  }
  return broken;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A static server for a built site, as a host serves it: `/x/` is `/x/index.html`. */
export function serve(folder: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://site').pathname));
    let file = join(folder, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(folder) || !existsSync(file)) {
      response.writeHead(404, { 'Content-Type': TYPES['.html']! }).end(readFileSync(join(folder, '404.html')));
      return;
    }
    response
      .writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

/** axe-core's script, the very one @axe-core/playwright injects. */
let axeSource: string | undefined;
const axe = () => {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
  return (axeSource ??= (fromBuilder('axe-core') as { source: string }).source);
};

/** Puts axe in every page the context opens, before the page's own scripts, so that a scan need not inject it. */
export const withAxe = (context: BrowserContext) => context.addInitScript({ content: axe() });

/**
 * The WCAG violations axe finds on the page (or inside `include`), each as "rule (nodes) first target". axe runs in
 * the page as AxeBuilder's legacy mode runs it, but loaded once per page and asked for violations only: AxeBuilder
 * injects it again and opens a blank page for every scan, which cost several times the scan itself (the site has
 * no frames, the one thing that blank page is for).
 */
export async function axeViolations(page: Page, tags = WCAG, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe());
  return page.evaluate(
    async ({ tags, include }) => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') };
      const { violations } = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
    },
    { tags, include },
  );
}
