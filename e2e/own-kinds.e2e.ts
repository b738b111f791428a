/**
 * A site with kinds of its own, from the integration's `kinds` option (e2e/fixtures/own-kinds/astro.config.mjs):
 * events beside the built-in kinds, people called speakers, places left out. Built once with `npm run build` and
 * read in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { axeViolations, brokenLinks, builtPages, serve } from './site.ts';

test.describe.configure({ mode: 'serial' });

const FIXTURE = 'e2e/fixtures/own-kinds';
const output = join(mkdtempSync(join(tmpdir(), 'dossier-own-kinds-')), 'site');
let site: { server: Server; url: string };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A copy of the content, so the build's ledger lands there and not in the fixture.
  const content = mkdtempSync(join(tmpdir(), 'dossier-own-kinds-content-'));
  cpSync(join(FIXTURE, 'content'), content, { recursive: true });
  const build = spawnSync(process.execPath, ['src/cli/build.ts', '--config', `${FIXTURE}/astro.config.mjs`], {
    env: { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT: output },
    encoding: 'utf8',
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  site = await serve(output);
});

test.afterAll(() => site?.server.close());

test('an entity of the site’s own kind has its page, its fields in the infobox, its colour and its type', async ({
  page,
}) => {
  await page.goto(`${site.url}/events/northern-fair/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northern Fair');
  const facts = page.getByRole('complementary', { name: 'Facts' });
  await expect(facts.locator('dt')).toHaveText(['Kind', 'Venue', 'Start year', 'Organised by', 'Programme']);
  await expect(facts.locator('dd')).toHaveText([
    'Event',
    'Harbour Hall',
    '2025',
    'Guild of Makers',
    'fair.example/programme',
  ]);
  await expect(facts.getByRole('link', { name: 'Guild of Makers' })).toHaveAttribute(
    'href',
    '/organizations/guild-of-makers/',
  );
  await expect(facts.getByRole('link', { name: 'fair.example/programme' })).toHaveAttribute(
    'href',
    'https://fair.example/programme',
  );
  // The kind's own colour, from the option, on its badge.
  await expect(page.locator('.kind-badge').first()).toHaveCSS('color', 'rgb(107, 90, 0)');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd['@type']).toBe('Event');
  // The passage that names it, from the article.
  await expect(page.locator('#in-the-articles ~ * mark', { hasText: 'Northern Fair' }).first()).toBeVisible();
});

test('the article links its mentions to the site’s own kinds, and the navigation lists them', async ({ page }) => {
  await page.goto(`${site.url}/articles/fair-report/`);
  const article = page.locator('.article-body');
  await expect(article.getByRole('link', { name: 'Northern Fair' })).toHaveAttribute('href', '/events/northern-fair/');
  await expect(article.getByRole('link', { name: 'Ada Quill' })).toHaveAttribute('href', '/people/ada-quill/');
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: 'Events' })).toHaveAttribute('href', '/events/');
  await expect(nav.getByRole('link', { name: 'Speakers' })).toHaveAttribute('href', '/people/');
  await expect(nav.getByRole('link', { name: 'Places' })).toHaveCount(0);

  await page.goto(`${site.url}/events/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
  await expect(page.getByRole('main').getByRole('link', { name: 'Northern Fair' })).toBeVisible();
});

test('a kind the site leaves out has no pages, and no page links anywhere it cannot reach', async ({ request }) => {
  expect((await request.get(`${site.url}/places/`)).status()).toBe(404);
  expect(brokenLinks(builtPages(output))).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the pages of the site’s own kinds meet WCAG 2.2 AA (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/events/northern-fair/', '/events/', '/articles/fair-report/', '/graph/']) {
      await page.goto(`${site.url}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
}
