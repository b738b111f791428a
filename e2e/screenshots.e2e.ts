/**
 * The site as a reader sees it, from a 360 px phone to a laptop, light and dark. Each page must fit its width
 * (nothing scrolls sideways, nothing is cut off at the right edge), and at 390 and 1280 px it must look as the
 * pictures committed in `screenshots/` show it (within a tolerance for antialiasing): a change of design is a
 * deliberate one, made by `npm run screenshots`, which writes the pictures anew, and shown in review as a changed
 * image.
 */
import { expect, test } from '@playwright/test';

const PAGES = {
  home: '/',
  article: '/articles/deepseek-and-open-source/',
  // The article at its first quote: the figure and the caption naming its speaker.
  'article-quote': '/articles/deepseek-and-open-source/#p-in-the-chinese-tech-space',
  entity: '/organizations/deepseek/',
  // A speaker's page: "In their words" first.
  person: '/people/robin-li/',
  search: '/search/?q=open%20source',
  timeline: '/timeline/',
  graph: '/graph/',
} as const;
const WIDTHS = {
  'small phone': { width: 360, height: 740 },
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
} as const;
/** The widths whose pictures are kept: a phone and a laptop. */
const PICTURED = new Set([390, 1280]);

// One browser context per width and scheme visits every page: a context for each page cost more than the page.
for (const [device, viewport] of Object.entries(WIDTHS)) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every page fits a ${device} (${viewport.width} px, ${colorScheme})`, async ({ browser }) => {
      test.slow();
      const context = await browser.newContext({ viewport, colorScheme });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(path);
        if (name === 'search') await expect(page.locator('.search-result').first()).toBeVisible();
        await page.evaluate(() => document.fonts.ready);
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          // Wide content inside its own scrolling box (a graph, a table) pans there; the page itself must not.
          const scrolls = (element: Element) => {
            for (let parent = element.parentElement; parent; parent = parent.parentElement)
              if (['auto', 'scroll'].includes(getComputedStyle(parent).overflowX)) return true;
            return false;
          };
          const wide = [...document.querySelectorAll('body *')].filter((element) => {
            const box = element.getBoundingClientRect();
            return (
              box.width > 0 &&
              box.right > width + 1 &&
              getComputedStyle(element).position !== 'fixed' &&
              !scrolls(element)
            );
          });
          return {
            scrollWidth: document.documentElement.scrollWidth,
            width,
            wide: wide.slice(0, 5).map((element) => element.outerHTML.slice(0, 120)),
          };
        });
        expect.soft(overflow.wide, name).toEqual([]);
        expect.soft(overflow.scrollWidth, name).toBeLessThanOrEqual(overflow.width);
        // At most 1% of the pixels may differ, each by Playwright's default colour threshold.
        if (PICTURED.has(viewport.width))
          await expect
            .soft(page, name)
            .toHaveScreenshot(`${name}-${viewport.width}-${colorScheme}.png`, { maxDiffPixelRatio: 0.01 });
      }
      await context.close();
    });
  }
}
