/**
 * Chinese glyphs for a reader without a Chinese font, as this machine is: the Han text of titles, infoboxes, the
 * article and search results is drawn by the site's own face (fonts/han.css), fetched from the site in the slices of
 * the page's characters, and never as empty boxes.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

const FAMILY = 'Dossier Han';

/**
 * How the element's Han characters are drawn, with its own computed font and with a font that has no Chinese: for
 * each, the characters, whether the site's face for each is loaded, and whether each character's pixels differ from
 * every other's (empty boxes are all alike).
 */
async function hanRendering(locator: Locator) {
  return locator.evaluate(async (element, family) => {
    await document.fonts.ready;
    const chars = [...new Set(element.textContent!.match(/\p{Script=Han}/gu) ?? [])];
    const style = getComputedStyle(element);
    const inRange = (face: FontFace, code: number) =>
      face.unicodeRange.split(',').some((range) => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
        return code >= parseInt(from!, 16) && code <= parseInt(to ?? from!, 16);
      });
    const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family);
    const loaded = chars.map((char) =>
      faces.some((face) => face.status === 'loaded' && inRange(face, char.codePointAt(0)!)),
    );
    const drawings = (font: string) =>
      chars.map((char) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 48;
        const context = canvas.getContext('2d')!;
        context.font = font;
        context.fillText(char, 4, 40);
        return canvas.toDataURL();
      });
    const distinct = (images: string[]) => new Set(images).size;
    return {
      chars: chars.join(''),
      loaded,
      fontFamily: style.fontFamily,
      distinctWithSiteFont: distinct(drawings(`${style.fontWeight} 36px ${style.fontFamily}`)),
      distinctWithoutChinese: distinct(drawings('36px "DejaVu Sans"')),
    };
  }, FAMILY);
}

async function expectDrawnBySiteFont(locator: Locator, minimum: number) {
  await expect(locator.first()).toBeVisible();
  const drawn = await hanRendering(locator.first());
  expect([...drawn.chars].length, drawn.chars).toBeGreaterThanOrEqual(minimum);
  expect(drawn.fontFamily).toContain(FAMILY);
  // Every character's slice of the site's face has arrived...
  expect(drawn.loaded).toEqual([...drawn.chars].map(() => true));
  // ...and draws each character as itself, where a font without Chinese draws one box for all of them.
  expect(drawn.distinctWithoutChinese, 'this machine has a Chinese font, so the check proves nothing').toBe(1);
  expect(drawn.distinctWithSiteFont).toBe([...drawn.chars].length);
}

/** The face's files the page fetched, by address. */
function fontRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') urls.push(request.url());
  });
  return urls;
}

test('an entity’s Chinese name is drawn by the site’s face in its title and its infobox', async ({ page }) => {
  await page.goto('/organizations/deepseek/');
  await expectDrawnBySiteFont(page.locator('h1 [lang="zh-Hans"]'), 4);
  await expectDrawnBySiteFont(page.getByRole('complementary', { name: 'Facts' }).locator('[lang="zh-Hans"]'), 4);
});

test('traditional characters are drawn too, from the same face', async ({ page }) => {
  await page.goto('/people/kai-fu-lee/');
  await expectDrawnBySiteFont(page.locator('h1 [lang="zh-Hant"]'), 3);
});

test('the article’s Chinese words in serif text are drawn, and only the slices of its characters are fetched', async ({
  page,
  baseURL,
}) => {
  const fetched = fontRequests(page);
  await page.goto('/articles/deepseek-and-open-source/', { waitUntil: 'networkidle' });
  await expectDrawnBySiteFont(page.locator('.article-body p', { hasText: '智商税' }), 3);
  expect(fetched.length).toBeGreaterThan(0);
  for (const url of fetched) expect(url).toMatch(new RegExp(`^${baseURL}/_astro/han-[0-9a-f]+\\.woff2$`));
  const faces = await page.evaluate(
    (family) => [...document.fonts].filter((face) => face.family.replace(/"/g, '') === family).length,
    FAMILY,
  );
  // The site has more slices than any one page needs.
  expect(fetched.length).toBeLessThan(faces);
});

test('a page without Chinese fetches none of the face', async ({ page }) => {
  const fetched = fontRequests(page);
  await page.goto('/articles/', { waitUntil: 'networkidle' });
  expect(await page.locator('main').textContent()).not.toMatch(/\p{Script=Han}/u);
  expect(fetched).toEqual([]);
});

test('search results draw the Chinese names they show with the site’s face', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await dialog.getByRole('searchbox').fill('李彦宏');
  await expect(dialog.getByRole('status')).toContainText('for “李彦宏”');
  await expectDrawnBySiteFont(dialog.locator('.search-result [lang="zh"]'), 3);
});
