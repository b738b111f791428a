import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const samplePages = ['/', '/search/', '/articles/', '/articles/deepseek-and-open-source/', '/organizations/', '/organizations/deepseek/', '/people/kai-fu-lee/', '/policies/open-source-ai-white-paper-2018/', '/no-such-page/'];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.2 AA violation (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    for (const path of samplePages) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
    }
    await context.close();
  });
}

test('pages load nothing from the network but the site itself', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  for (const path of samplePages) await page.goto(path, { waitUntil: 'networkidle' });
  expect(foreign).toEqual([]);
});

/** Every page of dist/ as [site path, html]. */
function builtPages(): [string, string][] {
  const dist = 'dist';
  const pages: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push([`/${relative(dist, path)}`.replace(/index\.html$/, ''), readFileSync(path, 'utf8')]);
    }
  };
  walk(dist);
  return pages;
}

test('every internal link of the built site resolves, fragments included', () => {
  const pages = new Map(builtPages());
  const idsOf = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const broken: string[] = [];
  for (const [from, html] of pages) {
    for (const [, href] of html.matchAll(/<a\s[^>]*href="([^"]+)"/g)) {
      if (/^[a-z]+:/.test(href!) || href!.startsWith('//')) continue;
      const url = new URL(href!.replace(/&amp;/g, '&'), `http://site${from}`);
      const target = pages.get(url.pathname);
      if (target === undefined) broken.push(`${from} -> ${href} (no page)`);
      else if (url.hash && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from} -> ${href} (no such id)`);
    }
  }
  expect(pages.size).toBeGreaterThan(70);
  expect(broken).toEqual([]);
});
