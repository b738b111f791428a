/**
 * Quality gates over the whole built site: accessibility, valid HTML, links, size budgets, the content security
 * policy and the network. Every page of dist/ is checked, not a sample.
 */
import { expect, test } from '@playwright/test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { firstVisitWeight } from '../src/cli/page-weight.ts';
import { axeViolations, brokenLinks, builtPages, withAxe } from './site.ts';

const pages = builtPages('dist');
const paths = pages.map(([path]) => path).filter((path) => path !== '/404.html');

// Every page, in parts: each part stays well inside its time limit as the site grows.
const SHARDS = 4;
for (const colorScheme of ['light', 'dark'] as const) {
  for (let shard = 0; shard < SHARDS; shard++) {
    test(`axe finds no WCAG 2.2 AA violation on any page (${colorScheme}, part ${shard + 1} of ${SHARDS})`, async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const context = await browser.newContext({ colorScheme });
      await withAxe(context);
      const page = await context.newPage();
      const violations: string[] = [];
      for (const path of [...paths, '/no-such-page/'].filter((_, i) => i % SHARDS === shard)) {
        await page.goto(path);
        violations.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
      }
      expect(violations).toEqual([]);
      await context.close();
    });
  }
}

// A reader's own choice of colours against the system's: one page of each kind of page, as every page shares the
// same colours either way.
for (const [system, chosen] of [
  ['light', 'dark'],
  ['dark', 'light'],
] as const) {
  test(`axe finds no WCAG 2.2 AA violation with ${chosen} chosen on a ${system} system`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ colorScheme: system });
    await context.addInitScript((theme) => localStorage.setItem('dossier-theme', theme), chosen);
    await withAxe(context);
    const page = await context.newPage();
    const violations: string[] = [];
    for (const path of [
      '/',
      '/articles/deepseek-and-open-source/',
      '/organizations/deepseek/',
      '/people/',
      '/timeline/',
      '/graph/',
      '/search/?q=open%20source',
      '/no-such-page/',
    ]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe(chosen);
      violations.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
    }
    expect(violations).toEqual([]);
    await context.close();
  });
}

test('every page is valid HTML', async () => {
  const validator = new HtmlValidate(
    new StaticConfigLoader({
      extends: ['html-validate:recommended'],
      rules: {
        // Official document names run past 70 characters; a title is not shortened to fit a search engine's taste.
        'long-title': 'off',
        // A group of checkboxes shares one name: that is how a form sends several values for one field.
        'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
      },
    }),
  );
  const errors: string[] = [];
  for (const [path, html] of pages) {
    const report = await validator.validateString(html, path);
    for (const result of report.results)
      for (const m of result.messages) errors.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(pages.length).toBeGreaterThan(70);
  expect(errors).toEqual([]);
});

test('every internal link of the built site resolves, fragments included; external links are safe', () => {
  expect(brokenLinks(pages)).toEqual([]);
});

// Half of Astro Starlight's article page, measured on this same article (55.9 kB gzip).
const BUDGET = { html: 16 * 1024, css: 8 * 1024, js: 6 * 1024, total: 28 * 1024 };
for (const path of [
  '/articles/deepseek-and-open-source/',
  '/organizations/deepseek/',
  '/concepts/open-source/',
  '/people/liang-wenfeng/',
  '/timeline/',
  '/graph/',
  '/',
]) {
  test(`${path} ships within budget on a first visit`, async ({ page }) => {
    const bytes = await firstVisitWeight(page, path);
    const total = bytes.html + bytes.css + bytes.js;
    test.info().annotations.push({ type: 'bytes (gzip)', description: JSON.stringify({ ...bytes, total }) });
    expect(bytes.html).toBeLessThanOrEqual(BUDGET.html);
    expect(bytes.css).toBeLessThanOrEqual(BUDGET.css);
    expect(bytes.js).toBeLessThanOrEqual(BUDGET.js);
    expect(total).toBeLessThanOrEqual(BUDGET.total);
  });
}

test('pages load nothing from the network but the site, and break no content security rule, search included', async ({
  page,
  baseURL,
}) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const seen = ((window as unknown as { cspViolations?: string[] }).cspViolations ??= []);
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const violations: string[] = [];
  const collect = async (path: string) =>
    violations.push(
      ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).map(
        (v) => `${path}: ${v}`,
      ),
    );
  for (const path of [
    '/',
    '/articles/deepseek-and-open-source/',
    '/organizations/deepseek/',
    '/people/',
    '/no-such-page/',
  ]) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await collect(path);
  }
  // Search runs Pagefind's WebAssembly in a worker; a result opens a page that loads the highlighter.
  await page.goto('/search/?q=%E6%99%BA%E5%95%86%E7%A8%8E');
  await expect(page.getByRole('status')).toContainText('result');
  await collect('/search/');
  await page.locator('#search-results a[href*="#p-"]').first().click();
  await expect(page.locator('mark.pagefind-highlight').first()).toBeVisible();
  await collect('a result page');
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});

test('the keyboard reaches every control, with a visible focus, starting with a skip link', async ({ page }) => {
  await page.goto('/articles/deepseek-and-open-source/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const unseen: string[] = [];
  for (let i = 0; i < 25; i++) {
    const focus = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        name: element.textContent?.trim().slice(0, 40) ?? '',
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        visible: box.width > 0 && box.height > 0,
      };
    });
    if (!focus.outline || !focus.visible) unseen.push(focus.name);
    await page.keyboard.press('Tab');
  }
  expect(unseen).toEqual([]);
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
