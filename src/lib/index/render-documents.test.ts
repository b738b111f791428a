import { describe, expect, it } from 'vitest';
import { problemsOf } from '../content/content-errors.ts';
import { parseContent, type ContentFile } from '../content/registry.ts';
import type { AnnotatedBlock } from '../link/annotate.ts';
import type { Redirect } from '../link/ledger.ts';
import { Matcher } from '../link/matcher.ts';
import { renderDocuments, type Publish, type RenderOptions } from './render-documents.ts';
import { aliasPatterns } from './index-content.ts';

const encoder = new TextEncoder();
const file = (path: string, text: string): ContentFile => ({ path, bytes: encoder.encode(text) });
const article = (slug: string, frontmatter: string, body: string) =>
  file(
    `articles/${slug}.mdx`,
    `---\ntitle: ${slug}\ndek: D.\nsource: { publication: X }\n${frontmatter}---\n\n${body}\n`,
  );
const entities = [
  file(
    'entities/organizations/deepseek.md',
    '---\nname: DeepSeek\nsummary: S.\norgType: company\n---\nDeepSeek was founded by Liang Wenfeng.\n',
  ),
  file('entities/people/liang-wenfeng.md', '---\nname: Liang Wenfeng\nsummary: S.\nroles: [CEO]\n---\nHe runs it.\n'),
];
const note = article(
  'note',
  '',
  'DeepSeek, on the other hand, has no near-term profit strategy.\n\n<Aside label="From the newsletter">\n\nLiang Wenfeng answered.\n\n</Aside>',
);
const options: RenderOptions = {
  contentRoot: 'site',
  linkMode: 'section',
  base: '/kb/',
  linking: true,
  trustCode: false,
};

/** Renders the files; `redirects` stands in for the ledger. Returns what was rendered and what was published. */
function render(files: ContentFile[], given: Partial<RenderOptions> = {}, redirects: Redirect[] = []) {
  const content = parseContent([...entities, ...files]);
  const published: [string, AnnotatedBlock[]][] = [];
  const publish: Publish = (page, blocks) => {
    published.push([page, blocks]);
    return page.startsWith('/articles/') ? redirects : [];
  };
  const rendered = renderDocuments(content, new Matcher(aliasPatterns(content)), { ...options, ...given }, publish);
  return { ...rendered, published };
}

describe('renderDocuments', () => {
  it('links an article and writes it out as HTML, its components expanded', () => {
    const { articles } = render([note]);
    const [{ article: entry, blocks, html }] = articles as [(typeof articles)[number]];
    expect(entry.slug).toBe('note');
    expect(blocks.map((block) => [block.id, block.mentions.map((mention) => mention.entityId)])).toEqual([
      ['p-deepseek-on-the-other-hand', ['deepseek']],
      ['p-liang-wenfeng-answered', ['liang-wenfeng']],
    ]);
    expect(html).toContain(
      '<a href="/kb/organizations/deepseek/" class="entity-link" data-kind="organization">DeepSeek</a>',
    );
    expect(html).toContain('<a href="#p-deepseek-on-the-other-hand" class="permalink"');
    expect(html).toContain('<aside role="note" aria-label="From the newsletter"');
    expect(html).not.toContain('<Aside');
  });

  it('renders each entity description, never linking the entity to itself', () => {
    const { entities: described } = render([note]);
    expect(
      described.map(({ entity, blocks }) => [entity.id, blocks.flatMap((b) => b.mentions.map((m) => m.entityId))]),
    ).toEqual([
      ['deepseek', ['liang-wenfeng']],
      ['liang-wenfeng', []],
    ]);
    expect(described[0]?.html).toContain('href="/kb/people/liang-wenfeng/"');
  });

  it('publishes every page and marks each block with the retired ids that land on it', () => {
    const moved: Redirect = { from: 'p-deepseek-says', to: 'p-deepseek-on-the-other-hand', why: 'edited' };
    const { articles, published } = render([note], {}, [moved]);
    expect(published.map(([page, blocks]) => [page, blocks.length])).toEqual([
      ['/articles/note/', 2],
      ['/organizations/deepseek/', 1],
      ['/people/liang-wenfeng/', 1],
    ]);
    expect(articles[0]?.redirects).toEqual([moved]);
    expect(articles[0]?.html).toMatch(
      /<p id="p-deepseek-on-the-other-hand"[^>]*><span id="p-deepseek-says" class="retired-id"><\/span>/,
    );
  });

  it('without linking, leaves out blocks, ids and links, and publishes nothing', () => {
    const { articles, published } = render([note], { linking: false });
    expect(articles[0]?.blocks).toEqual([]);
    expect(articles[0]?.html).not.toContain('entity-link');
    expect(published).toEqual([]);
  });

  it('leaves a trusted article with code to MDX: linked, but no HTML', () => {
    const code = article('figures', 'trusted: true\n', 'DeepSeek has {40 + 2} figures.');
    const { articles } = render([code]);
    expect(articles[0]?.html).toBeUndefined();
    expect(articles[0]?.blocks.map((block) => block.id)).toHaveLength(1);
    expect(
      render([article('figures', '', 'DeepSeek has {40 + 2} figures.')], { trustCode: true }).articles[0]?.html,
    ).toBeUndefined();
  });

  it('stops on every problem of every body at once, naming the file and the line in it', () => {
    const problems = problemsOf(() =>
      render([
        article('links', '', 'A [link](javascript:alert(1)).'),
        article('code', '', 'Fine.\n\nThe build runs {1 + 1}.'),
        article('quote', '', '<Quote by="liang-wenfen">\n\nWords.\n\n</Quote>'),
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^site\/articles\/code\.mdx:9: has code: an \{expression\}/),
      expect.stringMatching(/^site\/articles\/links\.mdx:7: links to "javascript:alert\(1\)"/),
      expect.stringMatching(
        /^site\/articles\/quote\.mdx:7: <Quote> has by="liang-wenfen", which is no entity; .*like "liang-wenfeng"/,
      ),
    ]);
  });
});
