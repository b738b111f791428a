import { expect, test } from '@playwright/test';
import { entityPages, normalizeSpace, seedSentences } from './site.ts';

const ARTICLE = '/articles/deepseek-and-open-source/';

test('the home page lists the article and the organizations at the heart of it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'DeepSeek, Open Source, and the Chinese State' })).toHaveAttribute(
    'href',
    ARTICLE,
  );
  const organizations = page.getByRole('region', { name: /^Organizations/ });
  for (const name of ['DeepSeek', 'Baidu', 'Alibaba', 'MiniMax', 'High-Flyer Quant']) {
    await expect(organizations.getByRole('link', { name, exact: true })).toBeVisible();
  }
});

test('every sentence of the seed appears on the article page, character for character', async ({ page }) => {
  await page.goto(ARTICLE);
  const text = normalizeSpace(await page.locator('main article').innerText());
  const missing = seedSentences().filter((sentence) => !text.includes(sentence));
  expect(missing).toEqual([]);
});

test('the article keeps its structure: sections, quotes, interview, footnotes, comments', async ({ page }) => {
  await page.goto(ARTICLE);
  const body = page.locator('.article-body');
  await expect(body.getByRole('heading', { level: 2 })).toHaveText([
    'Beijing’s approach to open source',
    'How it could all go wrong',
    'The uncertain future of DeepSeek and open source',
    'Reader comments',
    'Notes',
  ]);
  await expect(body.locator('blockquote:not(.comment)')).toHaveCount(5);
  await expect(body.locator('blockquote').first()).toContainText('Open source is a kind of IQ tax 智商税');
  await expect(body.getByRole('group', { name: 'Interview excerpt' }).locator('p')).toHaveCount(5);
  await expect(body.getByRole('note', { name: 'Editor’s aside' })).toContainText(
    '[Jordan: Beyond direct government intervention',
  );
  await expect(body.locator('.comment')).toHaveCount(2);
  await expect(body.getByRole('region', { name: 'Poem: The Unlicensed Sky' })).toContainText(
    'not included in the source',
  );

  // Each glued marker became a real footnote reference whose target holds the note's text.
  const refs = body.locator('[data-footnote-ref]');
  await expect(refs).toHaveText(['1', '2', '3', '4', '5', '6']);
  await refs.nth(0).click();
  await expect(page.locator(':target')).toContainText('The definition of open-source AI is a work in progress.');
});

test('the page says what the source does not give', async ({ page }) => {
  await page.goto(ARTICLE);
  const header = page.locator('main article > header');
  await header.getByText('About this text').click();
  await expect(header.getByText('Author not given in the source.')).toBeVisible();
  await expect(header).toContainText('c. February 2025');
  await expect(header).toContainText('written by this site');
});

// One page per kind visits each of its entities: a test of its own for each cost more in setting up than in checking.
for (const [kind, pages] of Object.entries(Object.groupBy(entityPages, (entity) => entity.kind))) {
  test(`every ${kind} page renders its name`, async ({ page }) => {
    test.slow();
    for (const { id, name, path } of pages!) {
      const response = await page.goto(path);
      expect.soft(response?.status(), id).toBe(200);
      await expect.soft(page.getByRole('heading', { level: 1 }), id).toContainText(name);
      await expect.soft(page, id).toHaveTitle(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
    }
  });
}

test('native names carry their script, so 李開復 is marked as traditional Chinese', async ({ page }) => {
  await page.goto('/people/kai-fu-lee/');
  await expect(page.getByRole('heading', { level: 1 }).locator('[lang="zh-Hant"]')).toHaveText('李開復');
  await page.goto('/people/liang-wenfeng/');
  await expect(page.getByRole('heading', { level: 1 }).locator('[lang="zh-Hans"]')).toHaveText('梁文锋');
});

test('the infobox states the kind-specific facts and links the entities it names', async ({ page }) => {
  await page.goto('/policies/open-source-ai-white-paper-2018/');
  const facts = page.getByRole('complementary', { name: 'Facts' });
  await expect(facts).toContainText('Since deleted');
  await expect(facts).toContainText('2018');
  await page.goto('/organizations/deepseek/');
  await page.getByRole('complementary', { name: 'Facts' }).getByRole('link', { name: 'Liang Wenfeng' }).click();
  await expect(page).toHaveURL(/\/people\/liang-wenfeng\/$/);
});

test('each kind has an index page listing its entities', async ({ page }) => {
  await page.goto('/policies/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Policy documents');
  await expect(page.getByRole('link', { name: /14th Five-Year Plan for National Informatization/ })).toBeVisible();
});

test('a place has its page, its index and its place in the directory, and the article links to it', async ({
  page,
}) => {
  await page.goto('/places/china/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('China');
  const facts = page.getByRole('complementary', { name: 'Facts' });
  // The badge above the title gives the kind; the infobox does not repeat it.
  await expect(page.getByRole('main').locator('.kind-badge').first()).toHaveText('Place');
  await expect(facts.locator('.kind-badge')).toHaveCount(0);
  await expect(facts).toContainText('Country');
  await page.goto('/places/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Places');
  await expect(page.getByRole('main').getByRole('link', { name: /^China\b/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^United States\b/ })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('region', { name: /^Places/ }).getByRole('link', { name: /^China\b/ })).toBeVisible();
  await page.goto(ARTICLE);
  await expect(page.locator('.article-body a[href="/places/china/"]').first()).toHaveAttribute('data-kind', 'place');
});

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('pages work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await expect(page.locator('.article-body')).toContainText(
    'DeepSeek, on the other hand, has no near-term profit strategy.',
  );
  await context.close();
});

test('on paper an article is its text alone, dark on white', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/articles/deepseek-and-open-source/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.locator('body > footer')).toBeHidden();
  await expect(page.locator('.permalink').first()).toBeHidden();
  await expect(page.locator('.article-body')).toBeVisible();
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.getElementById('p-deepseek-on-the-other-hand')!).color,
  }));
  expect(colours).toEqual({ body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
  await context.close();
});

test('headings are one system: an article’s title and its sections in its serif, a site page’s in sans', async ({
  page,
}) => {
  const faces = (selector: string) =>
    page
      .locator(selector)
      .evaluateAll((elements) => [...new Set(elements.map((element) => getComputedStyle(element).fontFamily))]);
  await page.goto('/articles/deepseek-and-open-source/');
  const [articleFace] = await faces('main h1');
  expect(articleFace).toMatch(/serif$/);
  expect(articleFace).not.toMatch(/sans-serif$/);
  // Every heading of the text itself takes the title's face, none the interface's sans.
  expect(await faces('.article-body :is(h2, h3)')).toEqual([articleFace]);
  const sizes = await page
    .locator('main h1, .article-body h2, .article-body h3')
    .evaluateAll((elements) => elements.map((element) => parseFloat(getComputedStyle(element).fontSize)));
  expect(sizes[0]).toBeGreaterThan(Math.max(...sizes.slice(1)));
  await page.goto('/organizations/deepseek/');
  const [siteFace] = await faces('main h1');
  expect(siteFace).toMatch(/sans-serif$/);
  expect(await faces('main h2')).toEqual([siteFace]);
});

test('a mistyped address offers the page it nearly names, a search and the indexes; without script, the search and indexes', async ({
  page,
  browser,
}) => {
  const response = await page.goto('/org/deepsek/');
  expect(response!.status()).toBe(404);
  const suggestions = page.getByRole('region', { name: 'Perhaps you meant' });
  await expect(suggestions.getByRole('link').first()).toHaveText('DeepSeek');
  await suggestions.getByRole('link', { name: 'DeepSeek', exact: true }).click();
  await expect(page).toHaveURL(/\/organizations\/deepseek\/$/);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto('/people/liang-wenfang/');
  await expect(plain.getByRole('region', { name: 'Perhaps you meant' })).toBeHidden();
  await expect(
    plain.getByRole('navigation', { name: 'Indexes' }).getByRole('link', { name: 'People' }),
  ).toHaveAttribute('href', '/people/');
  await plain.getByRole('main').getByRole('searchbox').fill('Liang');
  await plain.getByRole('main').getByRole('button', { name: 'Search' }).click();
  await expect(plain).toHaveURL(/\/search\/\?q=Liang$/);
  await context.close();
});
