import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, content } from './site.ts';
import { paths } from '../src/lib/content/kinds.ts';
import { surfaceForms } from '../src/lib/content/registry.ts';
import { entityNames } from '../src/lib/search/search-terms.ts';
import { ALL_NAME_SHARDS } from '../src/lib/search/name-match.ts';

const ARTICLE = '/articles/deepseek-and-open-source/';

/** Opens search from the header with the keyboard and types a query; returns the dialog. */
async function searchFromHeader(page: Page, query: string) {
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox').fill(query);
  await expect(dialog.getByRole('status')).toContainText(`for “${query}”`);
  return dialog;
}

const resultTitles = (scope: ReturnType<Page['locator']>) => scope.locator('.search-result > p:first-child a');

test('an English query from the header finds the concept page first and the article', async ({ page }) => {
  await page.goto('/');
  const dialog = await searchFromHeader(page, 'IQ tax');
  await expect(resultTitles(dialog).first()).toHaveText('IQ tax');
  await expect(dialog.getByRole('link', { name: 'DeepSeek, Open Source, and the Chinese State' })).toBeVisible();
});

for (const [query, title] of [
  ['智商税', 'IQ tax'],
  ['智商', 'IQ tax'],
  ['李彦宏', 'Robin Li'],
  ['李开复', 'Kai-fu Lee'],
  ['DeepSeek', 'DeepSeek'],
  ['huanfang', 'High-Flyer Quant'],
] as const) {
  test(`searching ${query} puts ${title} first`, async ({ page }) => {
    await page.goto('/');
    const dialog = await searchFromHeader(page, query);
    await expect(resultTitles(dialog).first()).toHaveText(title);
  });
}

test('a Chinese word inside a longer term is found, and marked in the excerpt', async ({ page }) => {
  await page.goto('/');
  const dialog = await searchFromHeader(page, '税');
  const article = dialog
    .locator('.search-result')
    .filter({ has: page.getByRole('link', { name: 'DeepSeek, Open Source, and the Chinese State' }) });
  await expect(article.locator('mark').first()).toHaveText('税');
  await expect(dialog).not.toContainText('⟦');
});

test('a paragraph hit lands on its paragraph with the query highlighted', async ({ page }) => {
  await page.goto('/');
  const dialog = await searchFromHeader(page, '智商税');
  const article = dialog
    .locator('.search-result')
    .filter({ has: page.getByRole('link', { name: 'DeepSeek, Open Source, and the Chinese State' }) });
  await article.getByRole('link', { name: 'Robin Li, quoted' }).click();
  await expect(page).toHaveURL(/\/articles\/deepseek-and-open-source\/\?highlight=.+#p-open-source-is-a-kind$/);
  await expect(page.locator(':target')).toBeInViewport();
  await expect(page.locator(':target mark.pagefind-highlight')).toHaveText(/智商税/);
});

test('search knows who said it: words of a quote find the speaker’s page among the first results, and its sub-result names them', async ({
  page,
}) => {
  await page.goto('/');
  let dialog = await searchFromHeader(page, '智商税');
  await expect(resultTitles(dialog).nth(2)).toBeVisible();
  expect((await resultTitles(dialog).allTextContents()).slice(0, 3)).toContain('Robin Li');
  const article = dialog
    .locator('.search-result')
    .filter({ has: page.getByRole('link', { name: 'DeepSeek, Open Source, and the Chinese State' }) });
  await expect(article.getByRole('link', { name: 'Robin Li, quoted' })).toBeVisible();
  await page.keyboard.press('Escape');
  dialog = await searchFromHeader(page, 'free labor');
  await expect(resultTitles(dialog).first()).toBeVisible();
  expect((await resultTitles(dialog).allTextContents()).slice(0, 3)).toContain('Kevin Xu');
});

test('keyboard only: open from the header, move through results with arrows, open one, close with Esc', async ({
  page,
}) => {
  await page.goto(ARTICLE);
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Reopening at once, as a quick reader does, works even before the browser has moved focus out of the closed dialog.
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(dialog.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('Liang Wenfeng');
  await expect(dialog.getByRole('status')).toContainText('for “Liang Wenfeng”');
  await page.keyboard.press('ArrowDown');
  await expect(resultTitles(dialog).first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(resultTitles(dialog).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/people\/liang-wenfeng\//);
});

test('the search page filters by kind and keeps the query in a shareable URL', async ({ page }) => {
  await page.goto('/search/?q=DeepSeek');
  const results = page.locator('#search-results');
  await expect(page.getByRole('status')).toContainText('for “DeepSeek”');
  await expect(resultTitles(results).first()).toHaveText('DeepSeek');
  await page.getByRole('checkbox', { name: 'People' }).check();
  await expect(page).toHaveURL(/\?q=DeepSeek&kind=person$/);
  await expect(results.locator('.kind-badge').first()).toHaveText('Person');
  await expect(results.locator('.kind-badge:not([data-kind="person"])')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'People' })).toBeChecked();
  await expect(resultTitles(results).first()).toBeVisible();
});

test('the search page offers places as a kind to filter by', async ({ page }) => {
  await page.goto('/search/?q=China&kind=place');
  const results = page.locator('#search-results');
  await expect(page.getByRole('checkbox', { name: 'Places' })).toBeChecked();
  await expect(resultTitles(results).first()).toHaveText('China');
  await expect(results.locator('.kind-badge').first()).toHaveText('Place');
  await expect(results.locator('.kind-badge:not([data-kind="place"])')).toHaveCount(0);
});

test('every Chinese name in the registry, in both scripts, finds its own page first', async ({ page }) => {
  test.slow();
  await page.goto('/search/');
  const input = page.getByRole('searchbox');
  const misses: string[] = [];
  for (const entity of content.entities.values()) {
    const path = paths.entity(entity.kind, entity.id);
    for (const name of entityNames(surfaceForms(entity.data)).filter((n) => /\p{Script=Han}/u.test(n))) {
      await input.fill(name);
      await expect(page.getByRole('status')).toContainText(`for “${name}”`);
      const status = await page.getByRole('status').innerText();
      const first = status.startsWith('No results')
        ? 'nothing'
        : await resultTitles(page.locator('#search-results')).first().getAttribute('href');
      if (!first?.startsWith(path)) misses.push(`${name} -> ${first} (expected ${path})`);
    }
  }
  expect(misses).toEqual([]);
});

test('search is accessible: labelled, announced, no axe violation in the dialog or on the page', async ({ page }) => {
  await page.goto('/');
  await searchFromHeader(page, 'open source');
  const tags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
  expect(await axeViolations(page, tags, 'dialog')).toEqual([]);
  await page.goto('/search/?q=%E6%99%BA%E5%95%86');
  await expect(page.getByRole('status')).toContainText('result');
  expect(await axeViolations(page, tags)).toEqual([]);
});

test('pages load no search code until search is opened', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' || request.url().includes('/pagefind/'))
      scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(ARTICLE, { waitUntil: 'networkidle' });
  expect(scripts.filter((s) => s.includes('pagefind') || s.includes('search-dialog'))).toEqual([]);
  await page.keyboard.press('/');
  await expect.poll(() => scripts.some((s) => s.includes('search-dialog'))).toBe(true);
});

test('a query ending in a word of one or two letters still finds its results', async ({ page }) => {
  await page.goto('/');
  const dialog = await searchFromHeader(page, 'DeepSeek R1');
  await expect(resultTitles(dialog).filter({ hasText: 'DeepSeek, Open Source, and the Chinese State' })).toBeVisible();
});

test('results come a few at a time, and a button loads more where the reader left off', async ({ page }) => {
  await page.goto('/search/?q=open%20source');
  const results = page.locator('#search-results .search-result');
  await expect(results).toHaveCount(5);
  const total = Number(/(\d+) results/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Show more results' }).focus();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(Math.min(10, total));
  await expect(results.nth(5).locator('[data-search-result]').first()).toBeFocused();
});

for (const [query, name, rank] of [
  ['Alibabba', 'Alibaba', 1],
  ['Tencnet', 'Tencent', 1],
  ['Huawai', 'Huawei', 1],
  ['Deepsek', 'DeepSeek', 1],
  ['Robin Lee', 'Robin Li', 1],
  ['Liang Wengfeng', 'Liang Wenfeng', 1],
  ['Kaifu Li', 'Kai-fu Lee', 2],
  ['risc v', 'RISC-V', 2],
] as const) {
  test(`a misspelt ${query} finds ${name}${rank === 1 ? ' first' : ` in the top ${rank}`}`, async ({ page }) => {
    await page.goto('/');
    const dialog = await searchFromHeader(page, query);
    await expect(resultTitles(dialog).first()).toBeVisible();
    expect((await resultTitles(dialog).allTextContents()).slice(0, rank)).toContain(name);
  });
}

test('a typo offers the name it is close to, and one click searches for it', async ({ page }) => {
  await page.goto('/');
  const dialog = await searchFromHeader(page, 'Tencnet');
  const status = dialog.getByRole('status');
  await expect(status).toContainText('Did you mean Tencent?');
  await status.getByRole('button', { name: 'Tencent' }).click();
  await expect(dialog.getByRole('searchbox')).toHaveValue('Tencent');
  await expect(status).toContainText('for “Tencent”');
  await expect(status).not.toContainText('Did you mean');
  await expect(resultTitles(dialog).first()).toHaveText('Tencent');
});

test('the search page forgives a typo too, without a filter that leaves the entity out', async ({ page }) => {
  await page.goto('/search/?q=Huawai');
  await expect(page.locator('#search-results .search-result > p:first-child a').first()).toHaveText('Huawei');
  await page.goto('/search/?q=Huawai&kind=person');
  await expect(page.locator('#search-status')).toContainText('for “Huawai”');
  await expect(page.locator('#search-results')).not.toContainText('Huawei');
});

test('the names index that forgives typos is small, and a query fetches only its shards, once search opens', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/');
  expect(fetched.filter((path) => path.startsWith('/search/names/'))).toEqual([]);
  let gzipped = 0;
  for (const shard of ALL_NAME_SHARDS) {
    const response = await page.request.get(`/search/names/${shard}.json`);
    expect(response.ok()).toBe(true);
    gzipped += gzipSync(await response.body()).length;
  }
  expect(gzipped).toBeLessThanOrEqual(10_000);
  await page.goto('/search/?q=Tencnet');
  await expect(page.locator('#search-status')).toContainText('Did you mean Tencent?');
  // Seven letters, two edits allowed: the names of five to nine letters, not the rest.
  expect(new Set(fetched.filter((path) => path.startsWith('/search/names/')))).toEqual(
    new Set([5, 6, 7, 8, 9].map((shard) => `/search/names/${shard}.json`)),
  );
  // A Chinese name is matched as written, among the Chinese keys of its length only.
  fetched.length = 0;
  await page.goto('/search/?q=李彦宏');
  await expect(resultTitles(page.locator('#search-results')).first()).toHaveText('Robin Li');
  expect(fetched.filter((path) => path.startsWith('/search/names/'))).toEqual(['/search/names/zh-3.json']);
});

test('a name within a longer query puts its page first', async ({ page }) => {
  await page.goto('/search/?q=Liang%20Wenfeng%20interview');
  await expect(resultTitles(page.locator('#search-results')).first()).toHaveText('Liang Wenfeng');
});

test('the article ranks near the top for the words of its title', async ({ page }) => {
  await page.goto('/search/?q=open%20source');
  const titles = resultTitles(page.locator('#search-results'));
  await expect(titles.nth(1)).toBeVisible();
  // The entity named exactly "Open source" first, then the article titled with it, above the other entity pages.
  expect((await titles.allTextContents()).slice(0, 2)).toEqual([
    'Open source',
    'DeepSeek, Open Source, and the Chinese State',
  ]);
});

test('a word of one letter never matches the whole site, alone or as all a typo’s start has in common', async ({
  page,
}) => {
  await page.goto('/search/?q=a');
  await expect(page.locator('#search-status')).toHaveText('No results for “a”.');
  await page.goto('/search/?q=Alibabba');
  await expect(page.locator('#search-status')).toContainText('1 result for “Alibabba”. Did you mean Alibaba?');
  await expect(resultTitles(page.locator('#search-results'))).toHaveText(['Alibaba']);
  // Nor a word of two: "Sorce" has only "so" in common with the site, and is a typo of a title word.
  await page.goto('/search/?q=Sorce');
  await expect(page.locator('#search-status')).toHaveText('No results for “Sorce”. Did you mean Source?');
});

test('results are tidy: marks on words, excerpts cut at words, no sub-result repeating its page or cut off', async ({
  page,
}) => {
  for (const query of ['open source', '智商税', 'Robin Li', 'IQ tax']) {
    await page.goto(`/search/?q=${encodeURIComponent(query)}`);
    const results = page.locator('#search-results .search-result');
    await expect(results.first()).toBeVisible();
    const shown = await results.evaluateAll((items) =>
      items.map((item) => ({
        title: item.querySelector(':scope > p:first-child a')!.textContent!,
        excerpt: item.querySelector(':scope > p:nth-of-type(2)')?.textContent,
        marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent!),
        subs: [...item.querySelectorAll('ul li')].map((sub) => ({
          // A paragraph is titled by the link before its excerpt, or, untitled, linked by its excerpt.
          title: sub.querySelector(':scope > a:not(:has(p))')?.textContent,
          excerpt: sub.querySelector('p')!.textContent!,
          linked: sub.querySelector('a') !== null,
        })),
      })),
    );
    for (const { title, excerpt, marks, subs } of shown) {
      for (const mark of marks) expect(mark, query).toMatch(/^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/su);
      // A word, a quote opening or "…" where the excerpt cuts its text; a word, closing punctuation or "…" at the end.
      for (const text of [...(excerpt ? [excerpt] : []), ...subs.map((sub) => sub.excerpt)]) {
        expect(text, query).toMatch(/^(?:… |[\p{L}\p{N}\p{Pi}\p{Ps}"'])/u);
        expect(text, query).toMatch(/(?: …|[\p{L}\p{N}\p{Pf}\p{Pe}\p{Po}"'])$/u);
      }
      for (const [i, sub] of subs.entries()) {
        if (excerpt) expect(sub.excerpt.replace(/^… | …$/g, ''), query).not.toContain(excerpt.replace(/^… | …$/g, ''));
        expect(sub.linked, query).toBe(true);
        if (sub.title === undefined) continue;
        expect(sub.title, query).not.toMatch(/…$/);
        // A title says something the lines above it do not: not the page's title, not the paragraph's before it.
        expect(sub.title, query).not.toBe(title);
        expect(sub.title, query).not.toBe(subs[i - 1]?.title);
      }
    }
  }
});

test('without JavaScript the search page says at once that it cannot search, and offers the indexes instead', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=DeepSeek');
  const notice = page.getByText('Search needs JavaScript, which is off in this browser.');
  await expect(notice).toBeVisible();
  await expect(page.getByText('cannot read the words you searched for')).toBeVisible();
  // Above the form, where the eye lands, not under an empty list.
  const noticeTop = (await notice.boundingBox())!.y;
  expect(noticeTop).toBeLessThan((await page.getByRole('searchbox').boundingBox())!.y);
  const indexes = page.getByRole('navigation', { name: 'Indexes' });
  await expect(indexes.getByRole('link', { name: 'Articles' })).toHaveAttribute('href', paths.articles());
  await expect(indexes.getByRole('link', { name: 'Tags' })).toHaveAttribute('href', paths.tags());
  await indexes.getByRole('link', { name: 'Organizations' }).click();
  await expect(page).toHaveURL(/\/organizations\/$/);
  await expect(page.getByRole('link', { name: 'DeepSeek', exact: true }).first()).toBeVisible();
  // The form still sends its query, as a plain GET, to the same page.
  await page.goto('/search/');
  await page.getByRole('searchbox').fill('open source');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=open\+source$/);
  await context.close();
});

test('with JavaScript a search page opened at ?q= has the query in its box, its results, and no notice', async ({
  page,
}) => {
  await page.goto('/search/?q=DeepSeek');
  await expect(page.getByRole('searchbox')).toHaveValue('DeepSeek');
  await expect(page.locator('#search-results .search-result').first()).toBeVisible();
  await expect(page.getByText('Search needs JavaScript')).toBeHidden();
});

test('what the source does not give is said on the article, but not indexed', async ({ page }) => {
  await page.goto('/articles/deepseek-and-open-source/');
  await expect(page.locator('article')).toContainText('Author not given in the source');
  // The article's text as the search index holds it, which every excerpt and match is taken from.
  const indexed = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const response = await pagefind.search('DeepSeek');
    const pages = await Promise.all(
      response.results.map((result: { data(): Promise<{ url: string; content: string }> }) => result.data()),
    );
    return pages.find((data) => data.url.startsWith('/articles/deepseek-and-open-source/'))?.content ?? '';
  });
  expect(indexed).toContain('DeepSeek open-sourced its models');
  expect(indexed).not.toContain('not given in the source');
  expect(indexed).not.toMatch(/\d+ entities in this article/);
});
