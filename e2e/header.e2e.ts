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

// The paper's colour, light and dark (global.css), as the browser computes it.
const PAPER = { light: 'rgb(253, 252, 249)', dark: 'rgb(22, 22, 26)' };

test('a reader who chooses dark gets dark from the first frame of the next page, against a light system, within the CSP', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'light' });
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    // The theme when the body begins: what the first frame is drawn with, whatever runs later.
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { themeAtBody: string | null }).themeAtBody =
        document.documentElement.getAttribute('data-theme');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto('/');
  const choice = page.getByRole('radiogroup', { name: 'Colours' });
  await expect(choice.getByRole('radio', { name: 'System' })).toBeChecked();
  expect(await background()).toBe(PAPER.light);

  await choice.getByRole('radio', { name: 'Dark' }).check();
  expect(await background()).toBe(PAPER.dark);
  await page.goto('/articles/deepseek-and-open-source/', { waitUntil: 'domcontentloaded' });
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | null }).themeAtBody)).toBe('dark');
  expect(await background()).toBe(PAPER.dark);
  await expect(page.getByRole('radiogroup', { name: 'Colours' }).getByRole('radio', { name: 'Dark' })).toBeChecked();
  // The kinds' colours follow the choice too, not only the paper.
  const kindColour = () =>
    page
      .locator('.kind-badge, a.entity-link')
      .first()
      .evaluate((element) => getComputedStyle(element).color);
  const darkKind = await kindColour();

  await page.getByRole('radiogroup', { name: 'Colours' }).getByRole('radio', { name: 'Light' }).check();
  expect(await background()).toBe(PAPER.light);
  expect(await kindColour()).not.toBe(darkKind);
  // Back to the system's: the choice is forgotten, and the light system shows.
  await page.getByRole('radiogroup', { name: 'Colours' }).getByRole('radio', { name: 'System' }).check();
  await page.reload();
  expect(await page.evaluate(() => localStorage.getItem('dossier-theme'))).toBeNull();
  expect(await background()).toBe(PAPER.light);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  // The script that applies it is the site's own file, classic and blocking, in the head: no inline script.
  const headScript = page.locator('head script[src$="/theme.js"]');
  await expect(headScript).toHaveCount(1);
  await expect(headScript).not.toHaveAttribute('type', /./);
  for (const attribute of ['async', 'defer']) await expect(headScript).not.toHaveAttribute(attribute, /.*/);
  await context.close();
});

test('a dark system with a light choice is light; without script the control is hidden and the system rules', async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  await context.addInitScript(() => localStorage.setItem('dossier-theme', 'light'));
  const page = await context.newPage();
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(PAPER.light);
  await context.close();

  const noScript = await browser.newContext({ colorScheme: 'dark', javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto('/');
  await expect(plain.getByRole('radiogroup', { name: 'Colours' })).toBeHidden();
  expect(await plain.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(PAPER.dark);
  await noScript.close();
});
