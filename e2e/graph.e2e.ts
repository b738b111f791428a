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

/** The widths the drawing is checked at: a small phone, a phone, a laptop. */
const WIDTHS = [360, 390, 1280];
/** Entity pages whose neighbourhoods are checked: the largest hub, a person with few connections, a place. */
const NEIGHBOURHOODS = ['/organizations/deepseek/', '/people/robin-li/', '/places/china/'];

/**
 * What collides in the drawing as the browser draws it, in the site's fonts: each label's box (its text as laid
 * out) against every other label and every other node's shape, and shapes against shapes. Boxes are widened by half
 * the labels' halo (a 3 px stroke), so labels that only touch count too.
 */
async function renderedCollisions(graph: Locator): Promise<string[]> {
  return graph.evaluate(async (svg) => {
    await document.fonts.ready;
    const HALO = 1.5;
    const nodes = [...svg.querySelectorAll('path[data-kind]')]
      .map((shape) => shape.parentElement!)
      .filter((node) => node.getAttribute('display') !== 'none')
      .map((node) => {
        const label = node.querySelector('text')!.getBoundingClientRect();
        return {
          name: node.querySelector('text')!.textContent!,
          label: {
            left: label.left - HALO,
            right: label.right + HALO,
            top: label.top - HALO,
            bottom: label.bottom + HALO,
          },
          shape: node.querySelector('path')!.getBoundingClientRect(),
        };
      });
    type Box = { left: number; right: number; top: number; bottom: number };
    const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const found: string[] = nodes.length ? [] : ['no node drawn'];
    nodes.forEach((a, i) =>
      nodes.forEach((b, j) => {
        if (i < j && overlap(a.label, b.label)) found.push(`label ${a.name} / label ${b.name}`);
        if (i !== j && overlap(a.label, b.shape)) found.push(`label ${a.name} / node ${b.name}`);
        if (i < j && overlap(a.shape, b.shape)) found.push(`node ${a.name} / node ${b.name}`);
      }),
    );
    return found;
  });
}

/**
 * What of the drawing a reader cannot see without scrolling its frame sideways: labels and shapes outside the
 * frame's visible box, and whether the frame scrolls at all (a hidden scroll cuts labels off silently).
 */
async function cutOff(graph: Locator): Promise<{ outside: string[]; scrolls: boolean }> {
  return graph.evaluate((svg) => {
    const frame = svg.closest('figure')!;
    const box = frame.getBoundingClientRect();
    const [left, right] = [Math.max(0, box.left), Math.min(document.documentElement.clientWidth, box.right)];
    const nodes = [...svg.querySelectorAll('path[data-kind]')].map((shape) => shape.parentElement!);
    const outside = (nodes.length ? [] : ['no node drawn']).concat(
      nodes.flatMap((node) =>
        [node.querySelector('text')!, node.querySelector('path')!]
          .filter((part) => {
            const drawn = part.getBoundingClientRect();
            return drawn.left < left - 0.5 || drawn.right > right + 0.5;
          })
          .map((part) => `${part.tagName} ${node.querySelector('text')!.textContent}`),
      ),
    );
    return { outside, scrolls: frame.scrollWidth > frame.clientWidth };
  });
}

test('the graph page shows every entity as a link to its page, with labels that do not collide', async ({ page }) => {
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  await expect(graph).toHaveCount(1);
  await expect(graph.getByRole('link')).toHaveCount(entityPages.length);
  for (const { name, path } of entityPages) await expect(node(graph, name)).toHaveAttribute('href', path);
  expect(await renderedCollisions(graph)).toEqual([]);
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
  // First the key's checkboxes, one per kind, then the drawing.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Organization' })).toBeFocused();
  await page.getByRole('checkbox').last().focus();
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
  expect(await renderedCollisions(graph)).toEqual([]);
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

for (const width of WIDTHS) {
  test(`at ${width} px, on the graph page and on entity pages, no label covers another or a node, and nothing is cut off`, async ({
    browser,
  }) => {
    const phone = width < 768;
    const context = await browser.newContext({ viewport: { width, height: 844 }, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    for (const path of ['/graph/', ...NEIGHBOURHOODS]) {
      await page.goto(path);
      const graph = visibleGraph(page);
      await expect(graph).toHaveCount(1);
      expect.soft(await renderedCollisions(graph), `${path} at ${width}`).toEqual([]);
      expect.soft(await cutOff(graph), `${path} at ${width}`).toEqual({ outside: [], scrolls: false });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (path === '/graph/') await expect(graph.getByRole('link')).toHaveCount(entityPages.length);
      // Drawn at its own size, or nearly: labels stay legible (12 and 13 px at full size).
      const scale = await graph.evaluate(
        (svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')),
      );
      expect(scale, `${path} at ${width}`).toBeGreaterThan(0.9);
    }
    await context.close();
  });
}

test('on a phone the graph is the one laid out tall and narrow', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/graph/');
  await expect(page.locator('.graph-narrow')).toBeVisible();
  await expect(page.locator('.graph-wide')).toBeHidden();
  const { width, height } = await visibleGraph(page).evaluate((svg) => svg.getBoundingClientRect());
  expect(height).toBeGreaterThan(2 * width);
  await context.close();
});

test('a layout hidden when the page loaded dims by its own lines once shown (a phone turned, a window narrowed)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/graph/');
  await page.setViewportSize({ width: 390, height: 844 });
  const graph = visibleGraph(page);
  await expect(graph).toHaveCount(1);
  await node(graph, 'DeepSeek').hover();
  const lit = await graph.evaluate((svg) =>
    [...svg.querySelectorAll('path[data-kind]')]
      .filter((shape) => getComputedStyle(shape.parentElement!).opacity === '1')
      .map((shape) => shape.parentElement!.getAttribute('href')),
  );
  const strongest = connectionsOf(index, 'deepseek')
    .slice(0, 5)
    .map(({ id }) => entityPages.find((e) => e.id === id)!.path);
  expect(lit).toEqual(expect.arrayContaining(['/organizations/deepseek/', ...strongest]));
  expect(lit.length).toBeLessThan((await graph.locator('path[data-kind]').count()) / 2);
});

test('pointing at a node, or focusing it, dims every node but it and its neighbours', async ({ page }) => {
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  const opacities = () =>
    graph.evaluate((svg) =>
      Object.fromEntries(
        [...svg.querySelectorAll('path[data-kind]')].map((shape) => [
          shape.parentElement!.querySelector('text')!.textContent,
          Number(getComputedStyle(shape.parentElement!).opacity),
        ]),
      ),
    );
  const strongest = connectionsOf(index, 'deepseek')
    .slice(0, 5)
    .map(({ id }) => entityPages.find((e) => e.id === id)!.name);
  await node(graph, 'DeepSeek').hover();
  const hovered = await opacities();
  expect(hovered['DeepSeek']).toBe(1);
  for (const name of strongest) expect(hovered[name], name).toBe(1);
  // ChinaTalk is named with nothing, Ferrari only far from DeepSeek.
  for (const name of ['ChinaTalk', 'Ferrari']) expect(hovered[name], name).toBeLessThan(0.5);
  const dimmed = Object.values(hovered).filter((opacity) => opacity < 1).length;
  expect(dimmed).toBeGreaterThan(Object.keys(hovered).length / 2);
  // The lines that stay are DeepSeek's own.
  const lines = await graph.evaluate((svg) => {
    const deepseek = svg.querySelector<SVGPathElement>('a[href="/organizations/deepseek/"] path')!;
    return [...svg.querySelectorAll('line')].map((line) => ({
      own: [
        [line.x1, line.y1],
        [line.x2, line.y2],
      ].some(([x, y]) => deepseek.isPointInFill(new DOMPoint(x!.baseVal.value, y!.baseVal.value))),
      lit: getComputedStyle(line).opacity === '1',
    }));
  });
  expect(lines.filter((line) => line.own !== line.lit)).toEqual([]);
  expect(lines.filter((line) => line.lit).length).toBeGreaterThanOrEqual(5);
  // Away from the nodes, everything is back.
  await page.mouse.move(5, 5);
  expect(Object.values(await opacities()).every((opacity) => opacity === 1)).toBe(true);

  await node(graph, 'Liang Wenfeng').focus();
  const focused = await opacities();
  expect(focused['Liang Wenfeng']).toBe(1);
  expect(focused['DeepSeek']).toBe(1);
  expect(focused['ChinaTalk']).toBeLessThan(0.5);
  await page.getByRole('link', { name: 'listed in words' }).focus();
  expect(Object.values(await opacities()).every((opacity) => opacity === 1)).toBe(true);
});

test('the key’s checkboxes hide a kind’s nodes and their lines, and show them again', async ({ page }) => {
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  const people = entityPages.filter((e) => e.kind === 'person');
  const person = page.getByRole('group', { name: 'Kinds in the graph' }).getByRole('checkbox', { name: 'Person' });
  await expect(person).toBeChecked();
  await person.uncheck();
  for (const { name } of people) await expect(node(graph, name)).toBeHidden();
  await expect(node(graph, 'DeepSeek')).toBeVisible();
  // Hidden, they are out of the keyboard's way and of what a screen reader reads.
  await expect(graph.getByRole('link')).toHaveCount(entityPages.length - people.length);
  // No line is left leading to a hidden node.
  const dangling = await graph.evaluate((svg) => {
    const hidden = [...svg.querySelectorAll<SVGPathElement>('[display="none"] > path')];
    return [...svg.querySelectorAll<SVGLineElement>('line:not([display="none"])')].filter((line) =>
      [
        [line.x1, line.y1],
        [line.x2, line.y2],
      ].some(([x, y]) => hidden.some((shape) => shape.isPointInFill(new DOMPoint(x!.baseVal.value, y!.baseVal.value)))),
    ).length;
  });
  expect(dangling).toBe(0);
  expect(await graph.locator('line[display="none"]').count()).toBeGreaterThan(0);
  expect(await renderedCollisions(graph)).toEqual([]);
  await person.check();
  for (const { name } of people) await expect(node(graph, name)).toBeVisible();
});

test('the graph works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/graph/');
  const graph = visibleGraph(page);
  await expect(graph.getByRole('link')).toHaveCount(entityPages.length);
  for (const { name, path } of entityPages) await expect(node(graph, name)).toHaveAttribute('href', path);
  // Every kind shows, and no checkbox offers what only a script could do.
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  expect(await graph.getByRole('link').filter({ visible: true }).count()).toBe(entityPages.length);
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
