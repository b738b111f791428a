import { expect, test } from '@playwright/test';
import { content } from './site.ts';
import { paths } from '../src/lib/content/kinds.ts';

const ARTICLE = '/articles/deepseek-and-open-source/';

test('the DeepSeek page shows the passage on its profit strategy, and its link lands on that paragraph', async ({
  page,
}) => {
  await page.goto('/organizations/deepseek/');
  const passages = page.getByRole('region', { name: 'In the articles' });
  const passage = passages
    .getByRole('listitem')
    .filter({ hasText: 'DeepSeek, on the other hand, has no near-term profit strategy.' });
  await expect(passage).toHaveCount(1);
  await expect(passage.locator('mark')).toHaveText('DeepSeek');
  await passage.getByRole('link', { name: /^Read in context/ }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}#p-deepseek-on-the-other-hand$`));
  const target = page.locator(':target');
  await expect(target).toHaveText('DeepSeek, on the other hand, has no near-term profit strategy.');
  await expect(target).toBeInViewport();
});

test('the High-Flyer page shows where it says it is not in it for finance', async ({ page }) => {
  await page.goto('/organizations/high-flyer/');
  await expect(page.getByRole('region', { name: 'In the articles' })).toContainText(
    'It has nothing to do with finance',
  );
});

test('passages are grouped by article and section', async ({ page }) => {
  await page.goto('/organizations/huawei/');
  const article = page
    .getByRole('region', { name: 'In the articles' })
    .getByRole('region', { name: 'DeepSeek, Open Source, and the Chinese State' });
  await expect(article.getByRole('heading', { level: 4 })).toContainText(['Beijing’s approach to open source']);
});

test('every entity the article mentions is linked from it, with the kind on the link', async ({ page }) => {
  await page.goto(ARTICLE);
  const links = page.locator('.article-body a.entity-link');
  const found = await links.evaluateAll((as) =>
    as.map((a) => ({
      // The entity's page is /<kind folder>/<id>/.
      id: a.getAttribute('href')!.split('/').at(-2),
      kind: a.getAttribute('data-kind'),
      href: a.getAttribute('href'),
    })),
  );
  const linked = new Set(found.map((l) => l.id));
  // Entities named only through a shared plural ("five-year plans") are mentioned but never a link.
  const mentioned = await page
    .locator('#in-this-article li a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const linkedHrefs = new Set(found.map((l) => l.href));
  const unlinked = mentioned.filter((href) => !linkedHrefs.has(href));
  expect(unlinked.every((href) => href!.startsWith('/policies/14th-fyp-'))).toBe(true);
  for (const { id, kind, href } of found) {
    const entity = content.entities.get(id!);
    expect(entity, `link to unknown entity ${id}`).toBeDefined();
    expect(kind).toBe(entity!.kind);
    expect(href).toBe(paths.entity(entity!.kind, id!));
  }
  for (const id of [
    'deepseek',
    'baidu',
    'alibaba',
    'minimax',
    'high-flyer',
    'liang-wenfeng',
    'robin-li',
    'iq-tax',
    'c-core-technology',
    'waves',
    'jordan-schneider',
  ]) {
    expect(linked.has(id), `${id} is linked`).toBe(true);
  }
});

test('the interview’s speaker label and the bracketed aside link to their people', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(
    page.getByRole('group', { name: 'Interview excerpt' }).locator('a.entity-link[href$="/waves/"]'),
  ).toHaveText('Waves');
  await expect(
    page.getByRole('note', { name: 'Editor’s aside' }).locator('a.entity-link[href$="/jordan-schneider/"]'),
  ).toHaveText('Jordan');
});

test('an entity page never links to itself, and its description links to others', async ({ page }) => {
  await page.goto('/organizations/deepseek/');
  await expect(page.locator('.article-body a.entity-link[href$="/deepseek/"]')).toHaveCount(0);
  await expect(page.locator('.article-body a.entity-link[href$="/liang-wenfeng/"]')).toHaveCount(1);
});

test('an entity page has one Related section: the drawing, then each related entity once, with its reason', async ({
  page,
}) => {
  await page.goto('/organizations/deepseek/');
  await expect(page.getByRole('heading', { level: 2, name: 'Related' })).toHaveCount(1);
  for (const gone of ['Also mentioned alongside', 'Listed as related; mentioned together'])
    await expect(page.getByText(gone)).toHaveCount(0);
  const related = page.getByRole('region', { name: 'Related', exact: true });
  // The neighbourhood drawing comes first, inside the section.
  await expect(related.getByRole('region', { name: 'Named alongside' }).locator('svg')).toBeVisible();
  const list = related.getByRole('list', { name: 'Related to DeepSeek' });
  const items = list.getByRole('listitem');
  const linked = await items.evaluateAll((lis) => lis.map((li) => li.querySelector('a')!.textContent!.trim()));
  expect(linked.length).toBeGreaterThan(12);
  expect(new Set(linked).size).toBe(linked.length);
  // Strongest first: named together in the most passages and listed by the editor.
  await expect(items.first()).toContainText('Open source');
  await expect(items.first()).toContainText(/Listed as related; named together in \d+ passages/);
  // The role the content gives, in words, rather than "listed as related".
  await expect(items.filter({ hasText: 'Liang Wenfeng' })).toContainText('Listed as its founder');
  await expect(items.filter({ hasText: 'High-Flyer Quant' })).toContainText('Listed as its parent organization');
  await expect(items.filter({ hasText: 'DeepSeek-R1' })).toContainText('Lists DeepSeek as its maker');
  // Named with it in passages, but listed by neither file.
  const government = items.filter({ has: page.getByRole('link', { name: 'Chinese government', exact: true }) });
  await expect(government).toContainText(/Named together in \d+ passages$/);
});

test('"Mentioned on" lists only the pages naming the entity that Related does not already list', async ({ page }) => {
  await page.goto('/organizations/deepseek/');
  const related = page.getByRole('region', { name: 'Related', exact: true });
  const listed = await related
    .getByRole('list', { name: 'Related to DeepSeek' })
    .getByRole('listitem')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('a')!.getAttribute('href')));
  const mentionedOn = related.getByRole('region', { name: 'Mentioned on' });
  await expect(mentionedOn.getByRole('link', { name: 'Qwen', exact: true })).toBeVisible();
  const pages = await mentionedOn.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.filter((href) => listed.includes(href))).toEqual([]);
  // Liang Wenfeng's page: DeepSeek's description names him, but DeepSeek is already related, so no "Mentioned on".
  await page.goto('/people/liang-wenfeng/');
  await expect(
    page.getByRole('list', { name: 'Related to Liang Wenfeng' }).getByRole('link', { name: 'DeepSeek', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mentioned on' }).getByRole('link', { name: 'DeepSeek' })).toHaveCount(
    0,
  );
});

test('the infobox leaves the kind to the badge and marks the facts from outside the articles', async ({ page }) => {
  await page.goto('/organizations/deepseek/');
  const facts = page.getByRole('complementary', { name: 'Facts' });
  await expect(facts.locator('dt')).not.toContainText(['Kind']);
  const row = (label: string) => facts.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(row('Founded')).toContainText('2023');
  await expect(row('Founded')).toContainText('not from the articles');
  const source = row('Founded').getByRole('link', { name: 'source' });
  await expect(source).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/DeepSeek');
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(row('Type')).not.toContainText('not from the articles');
});

test('an entity whose name has a native form shows the native name once beside it', async ({ page }) => {
  await page.goto('/organizations/waves/');
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toContainText('Waves');
  expect((await title.textContent())!.split('暗涌').length - 1).toBe(1);
});

test('the article lists the entities in it, by kind, with mention counts', async ({ page }) => {
  await page.goto(ARTICLE);
  const panel = page.getByRole('complementary', { name: 'In this article' });
  const organizations = panel.getByRole('region', { name: 'Organizations' });
  await expect(organizations.getByRole('listitem').first()).toContainText('DeepSeek');
  await expect(organizations.getByRole('listitem').first()).toContainText(/· \d+ mentions/);
  await page.getByRole('link', { name: /entities in this article/ }).click();
  await expect(panel).toBeInViewport();
});

test('an entity in a page of passages and a few more shows them all on one page, every one reachable', async ({
  page,
  request,
}) => {
  // Open source is named in 31 passages: one more than a page holds, too few for a second page of its own.
  await page.goto('/concepts/open-source/');
  const region = page.getByRole('region', { name: 'In the articles' });
  const passages = region.locator('li.passage');
  const summary = region.locator('p').first();
  await expect(summary).toHaveText(/^(\d+) passages in 1 article\.$/);
  const total = Number(/(\d+) passages/.exec((await summary.textContent()) ?? '')![1]);
  expect(total).toBeGreaterThan(30);
  await expect(passages).toHaveCount(total);
  await expect(region.getByRole('navigation', { name: /^Pages of passages/ })).toHaveCount(0);
  expect((await request.get('/concepts/open-source/passages/2/')).status()).toBe(404);
  await passages
    .last()
    .getByRole('link', { name: /^Read in context/ })
    .click();
  await expect(page.locator(':target')).toBeInViewport();
  await expect(page.locator(':target mark, :target a.entity-link').first()).toBeVisible();
});
