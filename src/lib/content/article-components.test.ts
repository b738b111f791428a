import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { codeProblems, expandComponents, hasCode, TRUST_HINT, type ComponentSite } from './article-components.ts';
import { toHast } from './markdown.ts';

const site: ComponentSite = {
  entity: (id) =>
    ({
      'robin-li': { name: 'Robin Li', href: '/people/robin-li/', kind: 'person', isWork: false },
      statement: { name: 'A statement', href: '/policies/statement/', kind: 'policy', isWork: true },
    })[id],
  closestId: (id) => (id.startsWith('robin') ? 'robin-li' : undefined),
};

function render(mdx: string) {
  const tree = toHast(mdx, 'mdx');
  const problems = expandComponents(tree, site);
  return { html: toHtml(tree), problems };
}

describe('expandComponents', () => {
  it('renders an aside as a labelled note around its Markdown', () => {
    const { html, problems } = render(
      'Before.\n\n<Aside label="From the newsletter">\n\nSubscribe **now**.\n\n</Aside>\n\nAfter.',
    );
    expect(problems).toEqual([]);
    expect(html).toContain('<aside role="note" aria-label="From the newsletter" class="my-8');
    expect(html).toMatch(
      /<p class="mb-0! [^"]*" aria-hidden="true">From the newsletter<\/p>\s*<p>Subscribe <strong>now<\/strong>.<\/p>\s*<\/aside>/,
    );
    expect(html).toMatch(/^<p>Before.<\/p>/);
  });

  it('renders interviews and reader comments around their paragraphs', () => {
    const { html } = render(
      '<Interview>\n\n**Liang:** It is like walking.\n\n</Interview>\n\n<Comment>\n\nGreat piece.\n\n</Comment>',
    );
    expect(html).toMatch(
      /<div class="interview [^"]*" role="group" aria-label="Interview excerpt">\s*<p><strong>Liang:<\/strong> It is like walking.<\/p>\s*<\/div>/,
    );
    expect(html).toMatch(/<blockquote class="comment text-base">\s*<p>Great piece.<\/p>\s*<\/blockquote>/);
  });

  it('says so when a poem comes without its text, and never leaves a component inside a paragraph', () => {
    const { html } = render(
      '<Poem title="The Unlicensed Sky" />\n\n<Poem title="Two" /> <Poem title="Three">\nA line.\n</Poem>',
    );
    expect(html).toContain(
      '<section class="poem my-8" aria-label="Poem: The Unlicensed Sky"><h3>The Unlicensed Sky</h3><p class="font-sans text-sm text-muted">The text of this poem is not included',
    );
    expect(html).not.toMatch(/<p>\s*<section/);
    expect(html).toContain('<div class="italic"><p>A line.</p></div>');
  });

  it('reports, each with its line, a component nothing defines and attributes that are not text', () => {
    const { problems } = render(
      [
        '<Chart data="x" />',
        '',
        '<Aside>',
        '',
        'x',
        '',
        '</Aside>',
        '',
        '<Poem title="A" lang="en" />',
        '',
        '<Aside label="" />',
      ].join('\n'),
    );
    expect(problems).toEqual([
      {
        bodyLine: 1,
        message:
          'uses <Chart>, which is no article component; expected one of Aside, Comment, Interview, Poem, Quote, or, in a trusted article, an import of the component',
      },
      { bodyLine: 3, message: '<Aside> has no text in its attribute label; expected label="…" with some text' },
      {
        bodyLine: 9,
        message: '<Poem> has the attribute lang, which it does not take; expected title="…" with some text',
      },
      { bodyLine: 11, message: '<Aside> has no text in its attribute label; expected label="…" with some text' },
    ]);
  });

  it('leaves an article with code to MDX: its own components and code stay, the article components are expanded', () => {
    const mdx =
      'import Chart from "./chart.astro";\n\n<Chart data={[1, 2]} />\n\n<Aside label="Note">\n\nIn {2024}.\n\n</Aside>';
    const tree = toHast(mdx, 'mdx');
    expect(hasCode(tree)).toBe(true);
    expect(hasCode(toHast('<Aside label="Note">\n\nPlain.\n\n</Aside>', 'mdx'))).toBe(false);
    expect(expandComponents(tree)).toEqual([]);
    const types = tree.children
      .map((node) => (node.type === 'element' ? node.tagName : node.type))
      .filter((type) => type !== 'text');
    expect(types).toEqual(['mdxjsEsm', 'mdxJsxFlowElement', 'aside']);
  });

  it('renders a quote as a figure whose caption names its speaker: a link to a person, a citation of a work or a described source', () => {
    const person = render('<Quote by="robin-li">\n\n> Open source is a kind of IQ tax.\n\n</Quote>');
    expect(person.problems).toEqual([]);
    expect(person.html).toMatch(
      /^<figure class="quotation"><blockquote>\s*<p>Open source is a kind of IQ tax.<\/p>\s*<\/blockquote><figcaption [^>]*>— <a href="\/people\/robin-li\/" class="entity-link" data-kind="person">Robin Li<\/a><\/figcaption><\/figure>$/,
    );
    expect(render('<Quote by="statement">\n\n> Good for the world.\n\n</Quote>').html).toContain(
      '<figcaption class="pl-5 font-sans text-sm text-muted">— <cite><a href="/policies/statement/"',
    );
    const described = render('<Quote source="an engineer’s viral post">\n\nWords without a marker.\n\n</Quote>');
    expect(described.html).toMatch(
      /<blockquote>\s*<p>Words without a marker.<\/p>\s*<\/blockquote><figcaption [^>]*>— <cite>an engineer’s viral post<\/cite><\/figcaption>/,
    );
  });

  it('asks a quote for exactly one of by and source, and for a by that names an entity, with the line', () => {
    const { problems } = render(
      [
        '<Quote by="robin-lee">',
        '',
        '> x',
        '',
        '</Quote>',
        '',
        '<Quote>',
        '',
        '> y',
        '',
        '</Quote>',
        '',
        '<Quote by="robin-li" source="z">',
        '',
        '> w',
        '',
        '</Quote>',
      ].join('\n'),
    );
    expect(problems).toEqual([
      {
        bodyLine: 1,
        message:
          '<Quote> has by="robin-lee", which is no entity; expected the id (file name) of a file in content/entities/, like "robin-li"',
      },
      {
        bodyLine: 7,
        message:
          '<Quote> has both by and source, or neither; expected by="…" with the speaker\'s entity id, or source="…" describing a source that has no page',
      },
      {
        bodyLine: 13,
        message:
          '<Quote> has both by and source, or neither; expected by="…" with the speaker\'s entity id, or source="…" describing a source that has no page',
      },
    ]);
  });

  it('asks for an article component’s attributes written as text', () => {
    expect(render('<Aside label={name}>\n\nx\n\n</Aside>').problems).toEqual([
      {
        bodyLine: 1,
        message: '<Aside> has an attribute that is not written as name="text"; expected label="…" with some text',
      },
    ]);
  });

  it('keeps the text of a component it cannot render, so nothing is lost while the editor fixes it', () => {
    const { html } = render('<Chart>\n\nThe figures.\n\n</Chart>');
    expect(html).toContain('<p>The figures.</p>');
  });
});

describe('codeProblems', () => {
  const problems = (mdx: string, trusted = false) => codeProblems(toHast(mdx, 'mdx'), trusted);

  it.each([
    ['an import', 'Text.\n\nimport { execSync } from "node:child_process";', 3],
    ['an export', 'export const year = 2024;', 1],
    ['an {expression}', 'Text.\n\nIn {alert(1)}.', 3],
    ['the element <iframe>', '<iframe src="https://example.com/" />', 1],
    ['the element <script>', 'Before.\n\n<script>{"alert(1)"}</script>', 3],
  ])('refuses %s in an article nobody trusted, naming its line and how to allow it', (what, mdx, bodyLine) => {
    expect(problems(mdx)[0]).toEqual({
      bodyLine,
      message: `has code: ${what}${what === 'the element <script>' ? ' (the first of 2 places with code)' : ''}; ${TRUST_HINT}`,
    });
    expect(problems(mdx, true)).toEqual([]);
  });

  it('lets through an article of text and article components', () => {
    expect(problems('Text with a [link](https://example.com/).\n\n<Aside label="Note">\n\nMore.\n\n</Aside>')).toEqual(
      [],
    );
  });

  it('refuses redirects, <base> and event handlers even in a trusted article', () => {
    const mdx = [
      '<meta http-equiv="refresh" content="1;url=https://evil.example/" />',
      '',
      '<base href="https://evil.example/" />',
      '',
      '<img src="x.png" onError="alert(1)" />',
      '',
      'A <b onclick="alert(1)">bold</b> word.',
    ].join('\n');
    expect(problems(mdx, true)).toEqual([
      {
        bodyLine: 1,
        message:
          'uses <meta http-equiv>, which can send the reader to another site; it is refused even in a trusted article',
      },
      {
        bodyLine: 3,
        message:
          'uses <base>, which would send every link of the page elsewhere; it is refused even in a trusted article',
      },
      {
        bodyLine: 5,
        message:
          "gives <img> the event handler onError=, which runs script in the reader's browser; it is refused even in a trusted article",
      },
      {
        bodyLine: 7,
        message:
          "gives <b> the event handler onclick=, which runs script in the reader's browser; it is refused even in a trusted article",
      },
    ]);
  });
});
