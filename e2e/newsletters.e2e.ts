/** What a reader arriving from a newsletter or a pasted link gets: previews, cards, structured data, feeds. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const html = (path: string) => readFileSync(`dist${path}index.html`, 'utf8');
const meta = (page: string, attribute: 'name' | 'property', key: string) =>
  new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`).exec(page)?.[1];

/** Width and height from a PNG's header. */
function pngSize(path: string) {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const [path, title, type] of [
  ['/articles/deepseek-and-open-source/', 'DeepSeek, Open Source, and the Chinese State', 'article'],
  ['/people/robin-li/', 'Robin Li', 'profile'],
  ['/organizations/deepseek/', 'DeepSeek', 'profile'],
] as const) {
  test(`${path} has a full link preview: title, description, canonical URL, a 1200x630 card`, () => {
    const page = html(path);
    expect(page).toContain(`<title>${title} · Dossier</title>`);
    expect(meta(page, 'name', 'description')?.length).toBeGreaterThan(40);
    // This build has no public address: the canonical URL is the placeholder, marked so the ¶ button knows.
    expect(page).toContain(`<link rel="canonical" href="https://dossier.example${path}" data-placeholder>`);
    expect(meta(page, 'property', 'og:url')).toBe(`https://dossier.example${path}`);
    expect(meta(page, 'property', 'og:type')).toBe(type);
    expect(meta(page, 'property', 'og:title')).toBe(title);
    expect(meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
    const image = meta(page, 'property', 'og:image')!;
    expect(image).toBe(`https://dossier.example/cards${path.replace(/\/$/, '')}.png`);
    expect(pngSize(`dist${new URL(image).pathname}`)).toEqual({ width: 1200, height: 630 });
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]!);
    expect(jsonLd).toMatchObject({ '@context': 'https://schema.org', url: `https://dossier.example${path}` });
  });
}

test('structured data names the kind of thing each page is about', () => {
  const ld = (path: string) =>
    JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html(path))![1]!);
  expect(ld('/articles/deepseek-and-open-source/')).toMatchObject({
    '@type': 'Article',
    headline: 'DeepSeek, Open Source, and the Chinese State',
    publisher: { name: 'ChinaTalk' },
  });
  expect(ld('/articles/deepseek-and-open-source/').datePublished).toBeUndefined(); // the date is only approximate
  expect(ld('/people/kai-fu-lee/')).toMatchObject({
    '@type': 'Person',
    name: 'Kai-fu Lee',
    alternateName: expect.arrayContaining(['李開復', '李开复']),
  });
  expect(ld('/organizations/miit/')['@type']).toBe('GovernmentOrganization');
  expect(ld('/policies/open-source-ai-white-paper-2018/')['@type']).toBe('Report');
  expect(ld('/concepts/iq-tax/')['@type']).toBe('DefinedTerm');
  expect(ld('/places/china/')).toMatchObject({
    '@type': 'Place',
    name: 'China',
    alternateName: expect.arrayContaining(['中国']),
  });
  // The article says what it is about in the same types.
  expect(ld('/articles/deepseek-and-open-source/').about).toContainEqual({
    '@type': 'Place',
    name: 'China',
    url: 'https://dossier.example/places/china/',
  });
});

test('a card draws Chinese with real glyphs: two different names give two different pictures', async ({ page }) => {
  await page.goto('/');
  // The native name sits under the title; compare that band of two cards pixel by pixel.
  const result = await page.evaluate(async () => {
    const band = async (src: string) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 630;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return context.getImageData(90, 230, 400, 80).data;
    };
    const [robin, liang] = await Promise.all([
      band('/cards/people/robin-li.png'),
      band('/cards/people/liang-wenfeng.png'),
    ]);
    let inked = 0;
    let different = 0;
    for (let i = 0; i < robin.length; i += 4) {
      if (robin[i]! < 160) inked++;
      if (Math.abs(robin[i]! - liang[i]!) > 60) different++;
    }
    return { inked: inked / (robin.length / 4), different: different / (robin.length / 4) };
  });
  // Ink is there (not blank), and 李彦宏 and 梁文锋 do not look alike (tofu boxes would).
  expect(result.inked).toBeGreaterThan(0.03);
  expect(result.different).toBeGreaterThan(0.03);
});

test('the feed carries every article in full, with links that work outside the site', () => {
  const feed = readFileSync('dist/rss.xml', 'utf8');
  expect(feed).toContain('<link>https://dossier.example/articles/deepseek-and-open-source/</link>');
  expect(feed).toContain('DeepSeek, on the other hand, has no near-term profit strategy.');
  expect(feed).toContain('href=&quot;https://dossier.example/organizations/deepseek/&quot;');
  expect(feed).not.toMatch(/href=&quot;(\/|#)/);
  expect(html('/')).toContain('<link rel="alternate" type="application/rss+xml" title="Dossier" href="/rss.xml">');
});

test('the sitemap lists every page worth finding, and robots.txt points to it', () => {
  const sitemap = readFileSync('dist/sitemap-0.xml', 'utf8');
  for (const path of [
    '/',
    '/articles/deepseek-and-open-source/',
    '/people/robin-li/',
    '/policies/',
    '/tags/',
    '/tags/open-source/',
  ]) {
    expect(sitemap).toContain(`<loc>https://dossier.example${path}</loc>`);
  }
  expect(sitemap).not.toContain('/search/');
  expect(readFileSync('dist/robots.txt', 'utf8')).toContain('Sitemap: https://dossier.example/sitemap-index.xml');
});

test('a favicon of the site’s own', async ({ request }) => {
  expect(html('/')).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  expect((await request.get('/favicon.svg')).ok()).toBe(true);
});
