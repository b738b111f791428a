/**
 * The timeline as a reader meets it, on a phone and a laptop: dated events in order, each landing on the paragraph
 * it quotes; an entity's own events on its page; all of it without JavaScript and by keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';
import { content } from './site.ts';

const TIMELINE = '/timeline/';
const events = [...content.entities.values()].flatMap((entity) =>
  entity.data.events.map((event) => ({ entity, ...event })),
);
const items = (page: Page) => page.locator('main ol > li');

test('the timeline lists the named events oldest first, each with its date and entity', async ({ page }) => {
  await page.goto(TIMELINE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Timeline');
  await expect(items(page)).toHaveCount(events.length + content.articles.length);
  const texts = await items(page).allInnerTexts();
  const at = (...words: string[]) => texts.findIndex((text) => words.every((word) => text.includes(word)));
  const named = [
    at('2000s', 'Chinese government', 'Red Flag Linux'),
    at('2018', '2018 open-source AI white paper'),
    at('2019', 'Huawei', 'consumer software group'),
    at('2020–2023', 'VeriSilicon', '242 million RMB'),
    at('2023', 'Liang Wenfeng', 'In a 2023 interview'),
    at('2025', 'Five-Year Plan for the Development of Software', 'by 2025'),
    // Under the heading 2025, the date gives only what the heading does not.
    at('c. February', 'Published: DeepSeek, Open Source, and the Chinese State'),
  ];
  expect(
    named.every((index) => index >= 0),
    JSON.stringify(named),
  ).toBe(true);
  expect(named).toEqual([...named].sort((a, b) => a - b));
  // Years are headings, in order; dates carry their machine-readable value at their own precision.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    '2000s',
    '2018',
    '2019',
    '2020',
    '2023',
    '2025',
    '2026',
  ]);
  const verisilicon = items(page).filter({ hasText: 'VeriSilicon' });
  await expect(verisilicon.locator('time')).toHaveText(['2020', '2023']);
  await expect(verisilicon.locator('time').first()).toHaveAttribute('datetime', '2020');
  await expect(items(page).filter({ hasText: 'Published:' }).locator('time')).toHaveAttribute('datetime', '2025-02');
  await expect(verisilicon.getByRole('link', { name: 'VeriSilicon' })).toHaveAttribute(
    'href',
    '/organizations/verisilicon/',
  );
  await expect(verisilicon.locator('.kind-badge')).toHaveText('Organization');
});

test('each year is said once, as its heading, and the article is named once per run of its events', async ({
  page,
}) => {
  await page.goto(TIMELINE);
  const sections = page.locator('main section');
  await expect(sections).toHaveCount(7);
  for (const section of await sections.all()) {
    const year = await section.getByRole('heading', { level: 2 }).innerText();
    for (const item of await section.locator('li').all()) {
      const dates = await item.locator('time').allInnerTexts();
      // Only a range that runs past the heading's year repeats it.
      if (dates.length < 2) expect(dates.join(''), year).not.toContain(year);
    }
    // Every event of the seed comes from its one article: its title once in each year, every quote still linked.
    const quoted = section.locator('li').filter({ has: page.getByRole('link', { name: /^“/ }) });
    await expect(section.locator('cite'), year).toHaveCount((await quoted.count()) > 0 ? 1 : 0);
    for (const link of await quoted.getByRole('link', { name: /^“/ }).all())
      await expect(link).toHaveAttribute('href', /^\/articles\/deepseek-and-open-source\/#p-/);
  }
  await expect(page.getByRole('heading', { level: 2, name: '2019' })).toBeVisible();
  const huawei = items(page).filter({ hasText: 'Huawei’s consumer software group' }).first();
  await expect(huawei.locator('time')).toHaveCount(0);
  const published = items(page).filter({ hasText: 'Published:' });
  await expect(published.locator('time')).toHaveText('c. February');
  await expect(published.locator('time')).toHaveAttribute('datetime', '2025-02');
  await expect(items(page).filter({ hasText: 'VeriSilicon' }).locator('time')).toHaveText(['2020', '2023']);
});

test('every source link lands on the paragraph that holds its quote', async ({ page }) => {
  await page.goto(TIMELINE);
  const first = events[0]!;
  // One by a real click, the rest by their addresses.
  await page.getByRole('link', { name: `“${first.source.quote}”` }).click();
  await expect(page).toHaveURL(/\/articles\/deepseek-and-open-source\/#p-/);
  await expect(page.locator(':target')).toContainText(first.source.quote);
  await expect(page.locator(':target')).toBeInViewport();
  await page.goto(TIMELINE);
  const hrefs = await Promise.all(
    events.map((event) => page.getByRole('link', { name: `“${event.source.quote}”` }).getAttribute('href')),
  );
  for (const [i, href] of hrefs.entries()) {
    await page.goto(href!);
    await expect(page.locator(':target'), href!).toContainText(events[i]!.source.quote);
  }
});

test('an entity page shows its own events, each date leading to its place on the timeline', async ({ page }) => {
  await page.goto('/organizations/huawei/');
  const section = page.getByRole('region', { name: 'Timeline' });
  await expect(section.locator('li')).toHaveCount(1);
  await expect(section).toContainText('warns that without its own OS community');
  await expect(
    section.getByRole('link', { name: '“In 2019, the president of Huawei’s consumer software group warned”' }),
  ).toHaveAttribute('href', /^\/articles\/deepseek-and-open-source\/#p-huawei-exemplifies/);
  await section.getByRole('link', { name: '2019', exact: true }).click();
  await expect(page).toHaveURL(/\/timeline\/#event-huawei-2019$/);
  await expect(page.locator(':target')).toContainText('Huawei');
  // An entity without dated events has no empty section.
  await page.goto('/organizations/deepseek/');
  await expect(page.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
});

test('the timeline works without JavaScript, and adds no script of its own', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(TIMELINE);
  await expect(items(page)).toHaveCount(events.length + content.articles.length);
  await page.getByRole('link', { name: '2019', exact: true }).click();
  await expect(page.locator(':target')).toHaveText('2019');
  await page.getByRole('link', { name: /^“In 2019, the president of Huawei/ }).click();
  await expect(page.locator(':target')).toContainText(
    'In 2019, the president of Huawei’s consumer software group warned',
  );
  await context.close();

  // The scripts every page loads (previews, permalinks, the search shortcut), and nothing more.
  const scripts = async (path: string) => {
    const other = await browser.newPage();
    await other.goto(path);
    const sources = await other
      .locator('script[src]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src')));
    await other.close();
    return sources;
  };
  expect(await scripts(TIMELINE)).toEqual(await scripts('/articles/'));
});

for (const { name, viewport } of [
  { name: 'a phone', viewport: { width: 390, height: 844 } },
  { name: 'a laptop', viewport: { width: 1280, height: 800 } },
]) {
  test(`on ${name}, the keyboard reaches the timeline and its passages, with a visible focus`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/');
    const tabTo = async (name: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const style = getComputedStyle(element);
          return {
            text: element.textContent?.trim() ?? '',
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          };
        });
        if (focused.text.startsWith(name)) return focused;
      }
      throw new Error(`the keyboard never reached ${name}`);
    };
    expect((await tabTo('Timeline')).outline).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/timeline\/$/);
    expect((await tabTo('“In 2019, the president of Huawei')).outline).toBe(true);
    await expect(page.locator(':focus')).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator(':target')).toContainText(
      'In 2019, the president of Huawei’s consumer software group warned',
    );
    // Nothing wider than the screen.
    await page.goto(TIMELINE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await context.close();
  });
}
