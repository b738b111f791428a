import { describe, expect, it } from 'vitest';
import { toHast } from './markdown.ts';
import { isSafeUrl, unsafeUrls } from './safe-url.ts';

describe('isSafeUrl', () => {
  it.each([
    'https://example.com/a?b#c',
    'http://example.com',
    'mailto:editor@example.com',
    '/organizations/deepseek/',
    '../x/',
    'page',
    '#p-intro',
    '//example.com/',
    'HTTPS://EXAMPLE.COM',
  ])('publishes %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:x',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('allows data: for images only, and only pictures', () => {
    expect(isSafeUrl('data:image/png;base64,iVBORw0KGgo=', { image: true })).toBe(true);
    expect(isSafeUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
    expect(isSafeUrl('data:text/html,hi', { image: true })).toBe(false);
  });
});

describe('unsafeUrls', () => {
  it('finds them in links, images, autolinks and reference links, with their lines', () => {
    const markdown = [
      '[a link](javascript:alert(1)) and a [good one](https://example.com/).',
      '',
      '![a picture](vbscript:x) and ![an inline one](data:image/png;base64,AAAA)',
      '',
      '<javascript:alert(2)>',
      '',
      'A [reference][evil].',
      '',
      '[evil]: data:text/html,hi',
    ].join('\n');
    // MDX has no <autolinks> (an angle bracket opens an element), so it reads line 5 as text.
    expect(
      unsafeUrls(toHast(markdown.replace('<javascript:alert(2)>', 'Text.'), 'mdx')).map((found) => found.url),
    ).toEqual(['javascript:alert(1)', 'vbscript:x', 'data:text/html,hi']);
    {
      expect(unsafeUrls(toHast(markdown, 'md'))).toEqual([
        { url: 'javascript:alert(1)', line: 1 },
        { url: 'vbscript:x', line: 3 },
        { url: 'javascript:alert(2)', line: 5 },
        { url: 'data:text/html,hi', line: 7 },
      ]);
    }
  });

  it('sees through character references, as the browser would', () => {
    expect(
      unsafeUrls(toHast('[x](javascript&#58;alert(1)) and <a href="&#106;avascript:alert(2)">y</a>', 'mdx')).map(
        (found) => found.url,
      ),
    ).toEqual(['javascript:alert(1)', 'javascript:alert(2)']);
  });

  it('finds them in the attributes of MDX elements', () => {
    expect(
      unsafeUrls(toHast('Text.\n\n<a href="javascript:alert(1)">x</a>\n\n<iframe src="data:text/html,hi" />', 'mdx')),
    ).toEqual([
      { url: 'javascript:alert(1)', line: 3 },
      { url: 'data:text/html,hi', line: 5 },
    ]);
  });
});
