import { expect, test } from '@playwright/test';

const ARTICLE = '/articles/deepseek-and-open-source/';
const PARAGRAPH = '#p-deepseek-on-the-other-hand';

test('a paragraph’s link appears on hover and on keyboard focus, and a click copies the full URL it is at', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ARTICLE);
  const paragraph = page.locator(PARAGRAPH);
  const link = paragraph.getByRole('link', { name: 'Link to this paragraph' });
  await expect(link).toHaveCSS('opacity', '0');
  await paragraph.hover();
  await expect(link).toHaveCSS('opacity', '1');
  await page.mouse.move(0, 0);
  await link.focus();
  await expect(link).toHaveCSS('opacity', '1');

  // This site is built without its public address: its canonical URL is the placeholder, which leads nowhere, so
  // the link copied is the one the reader is on.
  const canonical = page.locator('link[rel="canonical"]');
  await expect(canonical).toHaveAttribute('href', /^https:\/\/dossier\.example\//);
  await expect(canonical).toHaveAttribute('data-placeholder', '');
  await link.click();
  const here = `${baseURL}${ARTICLE}${PARAGRAPH}`;
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(here);
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(`Link copied: ${here}`);
  await expect(link).toHaveAttribute('data-copied', 'Copied');
  await expect(page).toHaveURL(new RegExp(`${PARAGRAPH}$`));
});

test('without JavaScript the permalink is a plain link to the paragraph, and landing on it marks it', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const link = page.locator(PARAGRAPH).getByRole('link', { name: 'Link to this paragraph' });
  await expect(link).toHaveAttribute('href', PARAGRAPH);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${PARAGRAPH}$`));
  const target = page.locator(':target');
  await expect(target).toHaveAttribute('id', PARAGRAPH.slice(1));
  await expect(target).toBeInViewport();
  await expect(target).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
  await context.close();
});

test('headings have their own links', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(
    page
      .getByRole('heading', { name: 'How it could all go wrong' })
      .getByRole('link', { name: 'Link to this section' }),
  ).toHaveAttribute('href', '#how-it-could-all-go-wrong');
});
