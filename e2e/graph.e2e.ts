/** The entity graph: every entity a link, readable labels, keyboard and phone, and each entity's neighbourhood. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { NEIGHBOURHOOD_SIZE, connectionsOf } from '../src/lib/present/graph.ts';
import { buildSiteIndex } from '../src/lib/index/site-index.ts';
import { entityPages } from './site.ts';

const index = buildSiteIndex({ contentRoot: 'content', linkMode: 'section', base: '/', linking: true });
const PHONE = { width: 390, height: 844 };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A node: a link named by its title, which starts with the entity's name and kind. */
const node = (graph: Locator, name: string) => graph.getByRole('link', { name: new RegExp(`^${escape(name)}, `) });
const visibleGraph = (page: Page) => page.locator('.graph:visible svg');

/** Pairs of labels whose drawn boxes overlap, as the browser measures the text. */
async function overlappingLabels(graph: Locator): Promise<string[]> {
  return graph.evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text')].map((text) => ({
      text: text.textContent ?? '',
      box: text.getBoundingClientRect(),
    }));
    const found: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (
          a.box.left < b.box.right &&
          b.box.left < a.box.right &&
          a.box.top < b.box.bottom &&
          b.box.top < a.box.bottom
        )
          found.push(`${a.text} / ${b.text}`);
      }),
    );
    return found;
  });
}

test('the graph page shows every entity as a link to its page, with labels that do not collide', async ({ page }) => {
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  await expect(graph).toHaveCount(1);
  await expect(graph.getByRole('link')).toHaveCount(entityPages.length);
  for (const { name, path } of entityPages) await expect(node(graph, name)).toHaveAttribute('href', path);
  expect(await overlappingLabels(graph)).toEqual([]);
  // The key names each kind in words beside its shape.
  const key = page.getByRole('list').filter({ hasText: 'Larger: named in more passages' });
  await expect(key).toContainText('Organization');
  await expect(key).toContainText('Policy document');
  await expect(key).toContainText('Place');
  await expect(node(graph, 'China')).toHaveAttribute('href', '/places/china/');
});

test('the strongest co-mention, DeepSeek and open source, is the thickest line and joins their nodes', async ({
  page,
}) => {
  await page.goto('/graph/');
  const ends = await visibleGraph(page).evaluate((svg) => {
    const lines = [...svg.querySelectorAll('line')];
    const thickest = lines.reduce((a, b) =>
      Number(b.getAttribute('stroke-width')) > Number(a.getAttribute('stroke-width')) ? b : a,
    );
    const at = (x: number, y: number) =>
      [...svg.querySelectorAll('path')]
        .find((path) => path.isPointInFill(new DOMPoint(x, y)))
        ?.closest('a')
        ?.querySelector('title')
        ?.textContent?.split(',')[0];
    return [
      at(thickest.x1.baseVal.value, thickest.y1.baseVal.value),
      at(thickest.x2.baseVal.value, thickest.y2.baseVal.value),
    ].sort();
  });
  expect(ends).toEqual(['DeepSeek', 'Open source']);
  await expect(
    page
      .getByRole('region', { name: 'Connections' })
      .getByRole('listitem')
      .filter({ hasText: /^DeepSeek\s*Organization/ }),
  ).toContainText(`with Open source (${new Map<string, number>(index.coMentions.get('deepseek')).get('open-source')})`);
});

test('clicking a node opens the entity page', async ({ page }) => {
  await page.goto('/graph/');
  await node(visibleGraph(page), 'Liang Wenfeng').click();
  await expect(page).toHaveURL(/\/people\/liang-wenfeng\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Liang Wenfeng');
});

test('the keyboard reaches the nodes in reading order, with a visible focus, and Enter opens one', async ({ page }) => {
  await page.goto('/graph/');
  await page.getByRole('link', { name: 'listed in words' }).focus();
  await page.keyboard.press('Tab');
  const first = page.locator(':focus');
  await expect(first).toHaveCount(1);
  expect(await first.evaluate((element) => element.closest('svg') !== null)).toBe(true);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const element = document.activeElement!;
    const style = getComputedStyle(element);
    return {
      href: element.getAttribute('href'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      stroke: getComputedStyle(element.querySelector('path')!).strokeWidth,
    };
  });
  expect(focused.outline).toBe(true);
  expect(focused.stroke).toBe('3px');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${escape(focused.href!)}$`));
});

test('each entity page shows its neighbourhood: its strongest connections as links around it', async ({ page }) => {
  await page.goto('/organizations/deepseek/');
  const neighbourhood = page.getByRole('region', { name: 'Named alongside' });
  const graph = neighbourhood.locator('svg');
  const expected = connectionsOf(index, 'deepseek').slice(0, NEIGHBOURHOOD_SIZE);
  await expect(graph.getByRole('link')).toHaveCount(expected.length);
  for (const { id } of expected) {
    const { name } = entityPages.find((e) => e.id === id)!;
    await expect(node(graph, name)).toHaveAttribute('href', entityPages.find((e) => e.id === id)!.path);
  }
  for (const name of ['Open source', 'Liang Wenfeng', 'Chinese government'])
    await expect(node(graph, name)).toBeVisible();
  // The page's own entity is the centre, not a link to itself.
  await expect(graph.locator('g[font-weight="bold"]')).toHaveText('DeepSeek');
  await expect(node(graph, 'DeepSeek')).toHaveCount(0);
  expect(await overlappingLabels(graph)).toEqual([]);
  await node(graph, 'Liang Wenfeng').click();
  await expect(page).toHaveURL(/\/people\/liang-wenfeng\/$/);
  await expect(
    page.getByRole('region', { name: 'Named alongside' }).getByRole('link', { name: /^DeepSeek, / }),
  ).toBeVisible();
});

test('an entity named with no other has no neighbourhood', async ({ page }) => {
  await page.goto('/organizations/chinatalk/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ChinaTalk');
  await expect(page.getByRole('region', { name: 'Named alongside' })).toHaveCount(0);
});

test('on a phone the graph is laid out narrow, pans inside its frame, and nothing widens the page', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  await expect(graph).toHaveCount(1);
  await expect(graph.getByRole('link')).toHaveCount(entityPages.length);
  expect(await overlappingLabels(graph)).toEqual([]);
  const frame = page.locator('.graph:visible');
  const { scrollWidth, clientWidth } = await frame.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(scrollWidth).toBeLessThan(clientWidth * 1.6);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  // A node off to the side is scrolled into view when tapped.
  const far = graph.getByRole('link').last();
  await far.scrollIntoViewIfNeeded();
  await expect(far).toBeInViewport();

  await page.goto('/organizations/deepseek/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  const neighbourhood = page.getByRole('region', { name: 'Named alongside' }).locator('svg');
  // Shrunk to fit, but no further than keeps its labels legible (13px at full size).
  const scale = await neighbourhood.evaluate(
    (svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')),
  );
  expect(scale).toBeGreaterThan(0.6);
  await context.close();
});

test('the graph works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  await expect(graph.getByRole('link')).toHaveCount(entityPages.length);
  await node(graph, 'High-Flyer Quant').click();
  await expect(page).toHaveURL(/\/organizations\/high-flyer\/$/);
  await node(page.getByRole('region', { name: 'Named alongside' }).locator('svg'), 'DeepSeek').click();
  await expect(page).toHaveURL(/\/organizations\/deepseek\/$/);
  await context.close();
});

test('the navigation links to the graph from every page', async ({ page }) => {
  await page.goto('/articles/deepseek-and-open-source/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Graph' }).click();
  await expect(page).toHaveURL(/\/graph\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Graph');
});
