import { expect, test } from '@playwright/test';

const ARTICLE = '/articles/deepseek-and-open-source/';

test('hovering an entity link previews the entity without moving the text', async ({ page }) => {
  await page.goto(ARTICLE);
  const link = page.locator('#p-in-the-chinese-tech-space a.entity-link[href$="/robin-li/"]');
  // Where the link sits in the document (not the viewport: hovering may scroll), and how tall the document is.
  const layout = () =>
    link.evaluate((a) => ({
      top: a.getBoundingClientRect().top + window.scrollY,
      left: a.getBoundingClientRect().left,
      height: document.documentElement.scrollHeight,
    }));
  await link.scrollIntoViewIfNeeded();
  const before = await layout();
  await link.hover();
  const preview = page.getByRole('tooltip');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Robin Li');
  await expect(preview.locator('[lang="zh-Hans"]')).toHaveText('李彦宏');
  await expect(preview).toContainText('Person');
  await expect(preview).toContainText('IQ tax');
  await expect(preview).toContainText(/Mentioned in \d+ passages?/);
  await expect(link).toHaveAttribute('aria-describedby', 'entity-preview');
  expect(await layout()).toEqual(before);
  await page.mouse.move(0, 0);
  await expect(preview).toBeHidden();
});

test('keyboard focus opens the preview and Esc closes it', async ({ page }) => {
  await page.goto(ARTICLE);
  const link = page.locator('a.entity-link[href$="/high-flyer/"]').first();
  await link.focus();
  const preview = page.getByRole('tooltip');
  await expect(preview).toContainText('High-Flyer Quant');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(link).not.toHaveAttribute('aria-describedby');
});

test('without JavaScript an entity link is just a link', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await page.locator('a.entity-link[href$="/robin-li/"]').first().click();
  await expect(page).toHaveURL(/\/people\/robin-li\/$/);
  await context.close();
});

test('a footnote marker previews its note in place, by mouse and by keyboard', async ({ page }) => {
  await page.goto(ARTICLE);
  const marker = page.locator('a[data-footnote-ref][href="#user-content-fn-1"]');
  await marker.scrollIntoViewIfNeeded();
  const top = () => marker.evaluate((a) => a.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await marker.hover();
  const preview = page.getByRole('tooltip');
  await expect(preview).toContainText('Note 1');
  await expect(preview).toContainText('The definition of open-source AI is a work in progress.');
  await expect(preview).not.toContainText('↩');
  await expect(marker).toHaveAttribute('aria-describedby', 'footnote-label entity-preview');
  expect(await top()).toBe(before);
  expect(page.url()).not.toContain('#'); // the reader has not moved
  await page.mouse.move(0, 0);
  await expect(preview).toBeHidden();
  await expect(marker).toHaveAttribute('aria-describedby', 'footnote-label');

  await page.locator('a[data-footnote-ref][href="#user-content-fn-5"]').focus();
  await expect(preview).toContainText('Instruction-set architectures (ISAs) are the interface');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
});
