/**
 * The header every page opens with: short on a phone with every section still in reach, the search shortcut shown
 * only where it works, and the reader's choice of light or dark.
 */
import { expect, test } from '@playwright/test';
import { entityKinds } from '../src/lib/content/content-schema.ts';
import { kindInfo } from '../src/lib/content/kinds.ts';

const SECTIONS = ['Articles', 'Timeline', 'Graph', ...entityKinds().map((kind) => kindInfo(kind).plural)];

test('on a phone the header is two short lines, and the keyboard reaches every section in it, in view and outlined', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto('/articles/deepseek-and-open-source/');
  const header = page.locator('body > header');
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(72);
  const nav = header.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link')).toHaveText(SECTIONS);
  // The row is wider than the phone: a section off its edge scrolls into view when the keyboard reaches it.
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // the site's name
  for (const name of SECTIONS) {
    await page.keyboard.press('Tab');
    const link = nav.getByRole('link', { name, exact: true });
    await expect(link).toBeFocused();
    await expect(link).toBeInViewport({ ratio: 1 });
    const outline = await link.evaluate((element) => {
      const style = getComputedStyle(element);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    });
    expect(outline, name).toBe(true);
  }
  await nav.getByRole('link', { name: SECTIONS.at(-1)!, exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/places\/$/);
  await context.close();
});

test('the "/" search hint shows only with a keyboard and script; its shortcut works there', async ({ browser }) => {
  const hint = (page: import('@playwright/test').Page) => page.locator('[data-search-open] kbd');
  const desktop = await browser.newPage();
  await desktop.goto('/');
  await expect(hint(desktop)).toBeVisible();
  await expect(desktop.locator('[data-search-open]')).toHaveAttribute('aria-keyshortcuts', /\//);
  await desktop.keyboard.press('/');
  await expect(desktop.getByRole('dialog')).toBeVisible();
  await desktop.close();

  const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await touch.newPage();
  await phone.goto('/');
  await expect(phone.getByRole('link', { name: 'Search' })).toBeVisible();
  await expect(hint(phone)).toBeHidden();
  await touch.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Search' })).toBeVisible();
  await expect(hint(page)).toBeHidden();
  await expect(page.locator('[data-search-open]')).not.toHaveAttribute('aria-keyshortcuts', /./);
  await noScript.close();
});
