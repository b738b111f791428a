/**
 * The map of a long article and its header, as a reader uses them: "On this page" beside the text on a laptop and
 * above it on a phone, the section being read marked, the reading time, the way back to the top, a paragraph's
 * link landing clear of the top edge, the byline on one line with the notes about the text on demand, and tags
 * that lead to their pages.
 */
import { expect, test, type Page } from '@playwright/test';

const ARTICLE = '/articles/deepseek-and-open-source/';
const SECTIONS = [
  'Beijing’s approach to open source',
  'How it could all go wrong',
  'The uncertain future of DeepSeek and open source',
  'Reader comments',
  'Notes',
];
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const contents = (page: Page) => page.getByRole('navigation', { name: 'On this page' });
/** A section's heading: its name goes on with its permalink's ("Link to this section"). */
const heading = (page: Page, title: string) => page.getByRole('heading', { name: new RegExp(`^${title}`) });

test('"On this page" lists the sections in order, and each link lands on its heading', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto(ARTICLE);
  const links = contents(page).getByRole('listitem').getByRole('link');
  await expect(links).toHaveText([...SECTIONS, /^\d+ entities in this article$/]);
  for (const title of ['How it could all go wrong', 'Reader comments']) {
    await contents(page).getByRole('link', { name: title, exact: true }).click();
    const target = heading(page, title);
    await expect(target).toBeInViewport();
    const top = await target.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(40);
    expect(top).toBeLessThan(120);
  }
});

test('on a laptop the map stays beside the text while reading, and marks the section being read', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto(ARTICLE);
  const map = contents(page);
  await expect(map).toBeVisible();
  const text = await page.locator('.article-body').boundingBox();
  const beside = await map.boundingBox();
  expect(beside!.x).toBeGreaterThanOrEqual(text!.x + text!.width);
  // The text keeps its measure.
  expect(text!.width).toBeLessThanOrEqual(42 * 16 + 1);

  await page
    .getByRole('heading', { name: 'How it could all go wrong' })
    .evaluate((heading) => heading.scrollIntoView());
  await expect(map.getByRole('link', { name: 'How it could all go wrong' })).toHaveAttribute('aria-current', 'true');
  await expect(map.locator('[aria-current]')).toHaveCount(1);
  await expect(map).toBeInViewport();

  await heading(page, 'Reader comments').evaluate((heading) => heading.scrollIntoView());
  await expect(map.getByRole('link', { name: 'Reader comments' })).toHaveAttribute('aria-current', 'true');
  await expect(map).toBeInViewport();

  await map.getByRole('link', { name: 'Back to top' }).click();
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await expect(map.locator('[aria-current]')).toHaveCount(0);
});

test('arriving by a link in the middle of a long section marks that section, its heading far above', async ({
  page,
}) => {
  await page.setViewportSize(LAPTOP);
  await page.goto(ARTICLE);
  // The middle paragraph of "How it could all go wrong", between its heading and the next.
  const middle = await page.locator('.article-body').evaluate((body) => {
    const [start, end] = [...body.querySelectorAll('h2')].slice(1, 3);
    const inside = [...body.querySelectorAll('p[id]')].filter(
      (p) =>
        start!.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING &&
        end!.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_PRECEDING,
    );
    return inside[Math.floor(inside.length / 2)]!.id;
  });
  await page.goto(`${ARTICLE}#${middle}`);
  await expect(heading(page, 'How it could all go wrong')).not.toBeInViewport();
  const marked = contents(page).locator('[aria-current="true"]');
  await expect(marked).toHaveText('How it could all go wrong');
  // A jump back over every heading clears the mark; one forward over all of them marks the last section.
  await page.evaluate(() => scrollTo(0, 0));
  await expect(marked).toHaveCount(0);
  await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  await expect(marked).toHaveText(/entities in this article$/);
});

test('on a phone the map is a closed block above the text that opens', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(ARTICLE);
  const map = contents(page);
  await expect(map).toBeHidden();
  const toggle = page.getByText('On this page', { exact: true });
  const body = await page.locator('.article-body').boundingBox();
  expect((await toggle.boundingBox())!.y).toBeLessThan(body!.y);
  await toggle.click();
  await expect(map.getByRole('link', { name: 'How it could all go wrong' })).toBeVisible();
  await map.getByRole('link', { name: 'How it could all go wrong' }).click();
  await expect(heading(page, 'How it could all go wrong')).toBeInViewport();
});

test('without JavaScript the map is the same links: open beside the text, opened by hand on a phone', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await expect(contents(page).getByRole('listitem').getByRole('link')).toHaveText([
    ...SECTIONS,
    /entities in this article/,
  ]);
  await expect(contents(page)).toBeVisible();
  await page.setViewportSize(PHONE);
  await expect(contents(page)).toBeHidden();
  await page.getByText('On this page', { exact: true }).click();
  await contents(page).getByRole('link', { name: 'Notes', exact: true }).click();
  await expect(heading(page, 'Notes')).toBeInViewport();
  await context.close();
});

test('a paragraph reached by its link sits clear of the top edge, its highlight within the text’s column', async ({
  page,
}) => {
  for (const viewport of [PHONE, LAPTOP]) {
    await page.setViewportSize(viewport);
    // A paragraph of the text, and one of a quote, inside the quote's rule.
    for (const id of ['p-in-the-chinese-tech-space', 'p-open-source-is-a-kind']) {
      await page.goto(`${ARTICLE}#${id}`);
      const paragraph = page.locator(`[id="${id}"]`);
      await expect(paragraph).toBeInViewport();
      const box = await paragraph.evaluate((element) => {
        const { top, left, right } = element.getBoundingClientRect();
        const column = element.closest('blockquote') ?? element.closest('.article-body')!;
        const bounds = column.getBoundingClientRect();
        const style = getComputedStyle(element);
        return { top, left, right, columnLeft: bounds.left, columnRight: bounds.right, shadow: style.boxShadow };
      });
      expect(box.top, `${id} at ${viewport.width}`).toBeGreaterThanOrEqual(40);
      expect(box.left).toBeGreaterThanOrEqual(box.columnLeft);
      expect(box.right).toBeLessThanOrEqual(box.columnRight + 0.5);
      expect(box.shadow).toBe('none');
      await expect(paragraph).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
    }
  }
});

test('the header: byline, date and reading time on one line, the notes about the text on demand, the tags', async ({
  page,
}) => {
  await page.setViewportSize(LAPTOP);
  await page.goto(ARTICLE);
  const header = page.locator('main article > header');
  const byline = header.getByText(/^ChinaTalk · c\. February 2025 · \d+ min read$/);
  await expect(byline).toBeVisible();
  const lineHeight = await byline.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight));
  expect((await byline.boundingBox())!.height).toBeLessThan(lineHeight * 1.5);

  // What the source does not give is said, once opened, and nothing of it comes before the text until then.
  const about = header.getByText('About this text');
  const notes = header.getByText('Author not given in the source.');
  await expect(notes).toBeHidden();
  await about.click();
  await expect(notes).toBeVisible();
  await expect(header).toContainText('Title and summary written by this site’s editors');
  await expect(header.getByText(/^Date approximate: The source gives no date/)).toBeVisible();

  const tags = header.getByRole('list', { name: 'Tags' }).getByRole('link');
  await expect(tags).toHaveText(['#AI policy', '#China', '#DeepSeek', '#open source']);
  await tags.filter({ hasText: 'open source' }).click();
  await expect(page).toHaveURL(/\/tags\/open-source\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tagged “open source”');
  await expect(page.getByRole('link', { name: 'DeepSeek, Open Source, and the Chinese State' })).toBeVisible();
  await page.getByRole('link', { name: 'Tags', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'open source' })).toContainText('1');
});

test('article lists give the calm byline, without the notes about each text', async ({ page }) => {
  for (const path of ['/', '/articles/']) {
    await page.goto(path);
    const main = page.locator('main');
    await expect(main).toContainText('ChinaTalk · c. February 2025');
    await expect(main).not.toContainText('not given in the source');
    await expect(main).not.toContainText('Date approximate');
  }
});
