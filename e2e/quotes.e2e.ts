/** Who said what: quotes on their speakers' pages, captioned on the article, counted by meaning; reader comments apart. */
import { expect, test, type Page } from '@playwright/test';

const ARTICLE = '/articles/deepseek-and-open-source/';

const SPEAKERS = [
  {
    path: '/people/robin-li/',
    name: 'Robin Li',
    first: 'p-open-source-is-a-kind',
    opens: 'Open source is a kind of IQ tax 智商税...',
    ends: 'This is why I said that open-source models cannot beat closed-source models.',
  },
  {
    path: '/people/kevin-xu/',
    name: 'Kevin Xu',
    first: 'p-most-engineers-are-thrilled-if',
    opens: 'Most engineers are thrilled if their open-source projects',
    ends: 'some nationalism, some engineering pride.',
  },
  {
    path: '/people/jordan-schneider/',
    name: 'Jordan Schneider',
    first: 'p-were-not-far-from-a',
    opens: 'We’re not far from a world where',
    ends: 'or the West for that matter, will accept.',
  },
  {
    path: '/policies/government-statement-on-deepseek/',
    name: 'Chinese government statement on DeepSeek',
    first: 'p-deepseeks-greatest-strength-lies-in',
    opens: 'DeepSeek’s greatest strength lies in its open-source approach',
    ends: 'no barriers—no matter how high or deep—can halt its development.',
  },
];

const theirWords = (page: Page) => page.getByRole('region', { name: 'In their words' });
/** An entity's line in the graph page's list of connections. */
const connections = (page: Page, name: string) =>
  page
    .locator('#connections ~ ul > li')
    .filter({ has: page.locator('a.font-semibold', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) });

for (const speaker of SPEAKERS) {
  test(`${speaker.name}’s page shows the quote in full under "In their words", linking to its paragraph`, async ({
    page,
  }) => {
    await page.goto(speaker.path);
    const words = theirWords(page);
    await expect(words.locator('blockquote')).toContainText(speaker.opens);
    await expect(words.locator('blockquote')).toContainText(speaker.ends);
    await expect(words).toContainText('DeepSeek, Open Source, and the Chinese State');
    await words
      .getByRole('link', { name: /^Read in context/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE}#${speaker.first}$`));
    await expect(page.locator(':target')).toContainText(speaker.opens.slice(0, 20));
    await expect(page.locator(':target')).toBeInViewport();
  });
}

test('"In their words" comes before the passages, with the section a quote is in', async ({ page }) => {
  await page.goto('/people/jordan-schneider/');
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('In their words')).toBeLessThan(headings.indexOf('In the articles'));
  await expect(theirWords(page).getByRole('link', { name: 'How it could all go wrong' })).toHaveAttribute(
    'href',
    `${ARTICLE}#how-it-could-all-go-wrong`,
  );
});

test('on the article, each quote is a figure captioned with its speaker: a link, or the described source', async ({
  page,
}) => {
  await page.goto(ARTICLE);
  for (const { path, name, opens } of SPEAKERS) {
    const figure = page.locator('figure').filter({ hasText: opens });
    await expect(figure.locator('blockquote')).toContainText(opens);
    await expect(figure.locator('figcaption').getByRole('link', { name, exact: true })).toHaveAttribute('href', path);
  }
  // A statement and a post are works: cited; a person is named.
  await expect(
    page.locator('figure').filter({ hasText: 'DeepSeek’s greatest strength' }).locator('figcaption cite'),
  ).toHaveText('Chinese government statement on DeepSeek');
  await expect(
    page.locator('figure').filter({ hasText: 'Dario raises a critical question' }).locator('figcaption cite'),
  ).toHaveText('an engineer’s viral post');
  await expect(
    page.locator('figure').filter({ hasText: 'Open source is a kind of IQ tax' }).locator('figcaption cite'),
  ).toHaveCount(0);
  await page.getByRole('link', { name: 'Kevin Xu', exact: true }).last().click();
  await expect(page).toHaveURL(/\/people\/kevin-xu\/$/);
});

test('a speaker’s structured data has a Quotation for each quote, with its creator', async ({ page }) => {
  const quotations = async (path: string) => {
    await page.goto(path);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    return (
      Object.values(data['@reverse'])[0] as {
        '@type': string;
        text: string;
        url: string;
        creator?: { name: string };
        spokenByCharacter?: { name: string };
        isBasedOn?: { name: string };
      }[]
    ).filter((q) => q['@type'] === 'Quotation');
  };
  const [robin] = await quotations('/people/robin-li/');
  expect(robin).toMatchObject({
    creator: { name: 'Robin Li' },
    spokenByCharacter: { name: 'Robin Li' },
    url: expect.stringMatching(/\/articles\/deepseek-and-open-source\/#p-open-source-is-a-kind$/),
  });
  expect(robin!.text).toMatch(/^Open source is a kind of IQ tax 智商税[\s\S]*cannot beat closed-source models\.$/);
  const [statement] = await quotations('/policies/government-statement-on-deepseek/');
  expect(statement).toMatchObject({
    creator: { name: 'Chinese government' },
    isBasedOn: { name: 'Chinese government statement on DeepSeek' },
  });
  const [waves] = await quotations('/organizations/waves/');
  expect(waves).toMatchObject({
    spokenByCharacter: { name: 'Waves' },
    text: expect.stringMatching(/^There is a sense of spiritual reward in it\./),
  });
});

test('"In the articles" shows a lead-in passage with the quote it introduces, never stopping at the colon', async ({
  page,
}) => {
  await page.goto('/people/kevin-xu/');
  const passage = page
    .getByRole('region', { name: 'In the articles' })
    .locator('.passage')
    .filter({ hasText: 'explains well:' });
  await expect(passage.locator('blockquote')).toContainText(
    'They’d tack on free labor on top of already free software',
  );
  await expect(passage.locator('figcaption')).toHaveText('— Kevin Xu');
  await page.goto('/organizations/deepseek/');
  const interview = page
    .getByRole('region', { name: 'In the articles' })
    .locator('.passage')
    .filter({ hasText: 'Liang’s response was telling:' });
  await expect(interview.locator('blockquote')).toContainText(
    'Waves: Do you think curiosity-driven madness lasts long-term?',
  );
});

test('the graph follows meaning: Robin Li is named with IQ tax, Waves with Liang', async ({ page }) => {
  await page.goto('/graph/');
  const entry = (name: string) => connections(page, name);
  await expect(entry('Robin Li').getByRole('link', { name: 'IQ tax', exact: true })).toBeVisible();
  await expect(entry('Waves').getByRole('link', { name: 'Liang Wenfeng', exact: true })).toBeVisible();
  await page.goto('/people/robin-li/');
  await expect(
    page.getByRole('region', { name: 'Named alongside' }).getByRole('link', { name: /^IQ tax, / }),
  ).toBeVisible();
});

test('reader comments are linked on the article, apart on entity pages, and add no edge to the graph', async ({
  page,
}) => {
  await page.goto(ARTICLE);
  await expect(page.locator('.comment').getByRole('link', { name: 'Ferrari' })).toHaveAttribute(
    'href',
    '/organizations/ferrari/',
  );

  await page.goto('/organizations/ferrari/');
  await expect(page.getByRole('region', { name: 'In the articles' })).toContainText('only reader comments do');
  const comments = page.getByRole('region', { name: 'In reader comments' });
  await expect(comments).toContainText('A bit like Ferrari building autos to go racing.');
  await expect(page.getByRole('region', { name: 'Named alongside' })).toHaveCount(0);

  await page.goto('/people/xi-jinping/');
  await expect(page.getByRole('region', { name: 'In reader comments' })).toContainText("under 'Xi' these days");

  await page.goto('/organizations/chinese-government/');
  await expect(page.getByRole('region', { name: 'In reader comments' })).toContainText('Chinese government');
  await expect(page.getByRole('region', { name: 'In the articles' })).not.toContainText('Very interesting indeed');

  await page.goto('/graph/');
  for (const name of ['Ferrari', 'Xi Jinping'])
    await expect(connections(page, name)).toContainText('named with no other entity');
  await expect(connections(page, 'Chinese government')).toHaveCount(1);
  await expect(connections(page, 'Chinese government').getByRole('link', { name: 'Ferrari' })).toHaveCount(0);
});

test('without JavaScript, a speaker’s page shows their words and the article its captions', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/people/robin-li/');
  await expect(theirWords(page).locator('blockquote')).toContainText('Open source is a kind of IQ tax 智商税...');
  await page.goto(ARTICLE);
  await expect(page.locator('figcaption').getByRole('link', { name: 'Robin Li', exact: true })).toBeVisible();
  await context.close();
});
