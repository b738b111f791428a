import { describe, expect, it } from 'vitest';
import { siteUrl, withBase } from './site-url.ts';

describe('addresses under the base path', () => {
  it.each([
    ['/', '/people/robin-li/', '/people/robin-li/'],
    ['/kb/', '/people/robin-li/', '/kb/people/robin-li/'],
    ['/docs/kb/', '/rss.xml', '/docs/kb/rss.xml'],
    ['/kb/', '/', '/kb/'],
    ['/', '/', '/'],
    ['/kb', '/*', '/kb/*'],
  ])('put %j and %j together as %j, with one slash between', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });

  it('make absolute URLs on the site’s address', () => {
    expect(siteUrl('https://dossier.example', '/', '/sitemap-index.xml')).toBe(
      'https://dossier.example/sitemap-index.xml',
    );
    expect(siteUrl(new URL('https://dossier.example/'), '/kb/', '/cards/index.png')).toBe(
      'https://dossier.example/kb/cards/index.png',
    );
    expect(siteUrl('https://dossier.example', '/kb/', '/')).toBe('https://dossier.example/kb/');
  });
});
