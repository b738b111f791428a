/**
 * Broken content as the editor meets it: each case, laid over a small content folder that builds
 * (fixtures/bad-content), stops the site index with a ContentError. Its message is what `npm run build` prints
 * when it stops, naming the file (under the content folder as given), the field or line, and what was expected.
 * That a real build stops on such a folder, and leaves the last good site alone, is in e2e/build.e2e.ts.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../content/content-errors.ts';
import { buildSiteIndex } from './site-index.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/bad-content/', import.meta.url));

/** A content folder: the base, with a case's files laid over it. */
function contentFolder(caseName?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-content-'));
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  if (caseName) cpSync(join(FIXTURES, 'cases', caseName), dir, { recursive: true });
  return dir;
}

const index = (contentRoot: string, trustCode = false) =>
  buildSiteIndex({ contentRoot, linkMode: 'article', base: '/', linking: true, trustCode });

/** The lines the build prints for the content error, one per problem. */
function printed(contentRoot: string): string[] {
  try {
    index(contentRoot);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const [head, ...problems] = error.message.split('\n');
    expect(head).toBe(
      `Dossier found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} in the content:`,
    );
    return problems;
  }
  throw new Error(`${contentRoot} built, with no content error`);
}

/** Each case and the problems it must print (the content folder written <root>); others may follow from them. */
const failures: [string, string[]][] = [
  [
    'malformed-yaml',
    [
      '<root>/entities/organizations/deepseek.md:5: the YAML frontmatter is malformed: missed comma between flow collection entries',
    ],
  ],
  ['missing-name', ['<root>/entities/people/liang-wenfeng.md: field "name": is required (expected name as text)']],
  [
    'wrong-type',
    ['<root>/entities/organizations/deepseek.md: field "founded": expected number, got string "twenty twenty-three"'],
  ],
  [
    'unknown-kind',
    [
      '<root>/entities/companies/baidu.md: is not in an entity kind folder; expected content/entities/<kind>/<id>.md with <kind> one of organizations, people, policies, concepts, products, places',
    ],
  ],
  [
    'duplicate-id',
    [
      '<root>/entities/people/deepseek.md: uses the id "deepseek", already taken by <root>/entities/organizations/deepseek.md; ids are unique across kinds',
    ],
  ],
  [
    'duplicate-alias',
    [
      '<root>/entities/organizations/deepseek.md: field "aliases": claims "深度求索", which is already an alias of "deepseek-chat" (entities/organizations/deepseek-chat.md); expected each strong alias to name one entity: remove it from one of the two, or make both weak',
    ],
  ],
  [
    'unknown-related',
    [
      '<root>/entities/people/liang-wenfeng.md: field "related.0": names "deepsek", which is no entity; expected the id (file name) of a file in content/entities/, like "deepseek"',
    ],
  ],
  ['empty-alias', ['<root>/entities/organizations/deepseek.md: field "aliases.0": expected a non-empty alias']],
  [
    'article-unknown-entity',
    [
      '<root>/articles/note.mdx: field "entities.0": names "jordan-schneider", which is no entity; expected the id (file name) of a file in content/entities/',
    ],
  ],
  [
    'invalid-date',
    [
      '<root>/articles/note.mdx: field "date": expected a date written YYYY-MM-DD, like 2025-02-03, got string "early 2025"',
    ],
  ],
  [
    'unclosed-mdx-tag',
    [
      '<root>/articles/note.mdx:9:1: the MDX does not parse: Expected a closing tag for `<Aside>`; expected every component closed (<Aside>…</Aside>) or self-closing (<Poem />), and braces and angle brackets in text escaped (\\{, \\<)',
    ],
  ],
  [
    'unknown-component',
    [
      '<root>/articles/note.mdx:9: uses <Chart>, which is no article component; expected one of Aside, Comment, Interview, Poem, Quote, or, in a trusted article, an import of the component',
      '<root>/articles/note.mdx:11: <Aside> has no text in its attribute label; expected label="…" with some text',
    ],
  ],
  [
    'quote-unknown-speaker',
    [
      '<root>/articles/note.mdx:9: <Quote> has by="liang-wenfen", which is no entity; expected the id (file name) of a file in content/entities/, like "liang-wenfeng"',
    ],
  ],
  ['not-utf8', ['<root>/entities/organizations/cafe.md: is not valid UTF-8 text; save it as UTF-8']],
  [
    'event-invalid-date',
    [
      '<root>/entities/people/liang-wenfeng.md: field "events.0.date": expected a date written 2019, 2019-05 or 2019-05-16, a decade like 2000s, or a range of two of these like 2020/2023, got "May 2023"',
    ],
  ],
  [
    'event-unknown-article',
    [
      '<root>/entities/people/liang-wenfeng.md: field "events.0.source.article": names "notes", which is no article; expected the slug (file name) of a file in content/articles/, like "note"',
    ],
  ],
  [
    'event-quote-not-found',
    [
      '<root>/entities/people/liang-wenfeng.md: field "events.0.source.quote": is in no paragraph of <root>/articles/note.mdx; expected words copied exactly from one paragraph of the article',
    ],
  ],
  [
    'event-quote-ambiguous',
    [
      '<root>/entities/people/liang-wenfeng.md: field "events.0.source.quote": is in 2 paragraphs of <root>/articles/note.mdx (#p-deepseek-on-the-other-hand, #p-liang-answered-questions); expected words found in exactly one paragraph: quote more of the passage',
    ],
  ],
  [
    'untrusted-code',
    [
      '<root>/articles/code.mdx:9: has code: an import (the first of 2 places with code); an article with code builds only when an editor trusts it: add "trusted: true" to its front matter, or set DOSSIER_TRUST_CODE=1 for the whole site',
    ],
  ],
  [
    'javascript-link',
    [
      '<root>/articles/links.mdx:9: links to "javascript:alert(document.cookie)"; expected an http(s) or mailto URL, a relative path or a #fragment (a javascript:, vbscript: or data: URL, outside images, is never published)',
    ],
  ],
  [
    'javascript-source-url',
    [
      '<root>/articles/links.mdx: field "source.url": expected an http(s) or mailto URL, like https://example.com/page, got "javascript:alert(1)"',
    ],
  ],
  [
    'javascript-fact-source',
    [
      '<root>/entities/organizations/deepseek.md: field "outsideFacts.founded.source": expected an http(s) or mailto URL, like https://example.com/page, got "javascript:alert(1)"',
    ],
  ],
  [
    'outside-fact-unknown',
    [
      '<root>/entities/organizations/deepseek.md: field "outsideFacts.founded": marks "founded" as from outside the articles, but gives no founded; expected the fact itself beside the mark',
      '<root>/entities/organizations/deepseek.md: field "outsideFacts.released": marks "released" as from outside the articles, which is no fact of an organization; expected one of orgType, country, founded, founders, parent, website',
    ],
  ],
  [
    'name-repeats-native',
    [
      '<root>/entities/organizations/deepseek.md: field "name": has the name "DeepSeek (深度求索)", which repeats its native name "深度求索"; the page shows the native name beside the name, so leave it out of the name',
    ],
  ],
  [
    'redirect-in-trusted-article',
    [
      '<root>/articles/redirect.mdx:10: uses <meta http-equiv>, which can send the reader to another site; it is refused even in a trusted article',
    ],
  ],
  [
    'corrupt-ledger',
    [
      '<root>/ledger.json: is not a ledger of published ids (is not JSON: Unterminated string in JSON at position 56 (line 4 column 29)); the build writes it and it is never edited by hand: recover the last committed one with "git checkout <root>/ledger.json", then build again',
    ],
  ],
  [
    'unknown-extensions',
    [
      '<root>/articles/notes.txt: is not a file Dossier reads (.txt); expected an article, articles/<slug>.mdx, or an entity, entities/<kind>/<id>.md, and nothing else in the content folder',
      '<root>/articles/second.MDX: has the extension ".MDX"; expected it in lower case, ".mdx"',
      '<root>/articles/third.markdown: is not a file Dossier reads (.markdown); expected an article, articles/<slug>.mdx, or an entity, entities/<kind>/<id>.md, and nothing else in the content folder',
    ],
  ],
];

describe('bad content stops the build with a message naming the file, the field and what was expected', () => {
  it('unless the content is good: the base builds', () => {
    expect(index(contentFolder()).articles.has('note')).toBe(true);
  });

  it('a content folder that is not there', () => {
    const missing = join(contentFolder(), 'nowhere');
    expect(printed(missing)).toEqual([
      `  - ${missing}: does not exist; expected the content folder, with articles/ and entities/ in it (DOSSIER_CONTENT names another folder)`,
    ]);
  });

  for (const [name, expected] of failures) {
    it(name, () => {
      const root = contentFolder(name);
      const problems = printed(root);
      for (const problem of expected) expect(problems).toContain(`  - ${problem.replaceAll('<root>', root)}`);
    });
  }
});

describe('an article with code', () => {
  const untrusted = () => {
    const root = contentFolder('article-with-code');
    const article = join(root, 'articles/figures.mdx');
    writeFileSync(article, readFileSync(article, 'utf8').replace('trusted: true\n', ''));
    return root;
  };

  it('is indexed when its front matter trusts it, and left for MDX to compile', () => {
    const article = index(contentFolder('article-with-code')).articles.get('figures')!;
    expect(article.html).toBeUndefined();
    expect(article.blocks.map((block) => block.id)).toContain('p-in-deepseek-had-no-near');
  });

  it('stops the build when nothing trusts it', () => {
    const root = untrusted();
    expect(printed(root)).toContain(
      `  - ${root}/articles/figures.mdx:8: has code: an export (the first of 3 places with code); an article with code builds only when an editor trusts it: add "trusted: true" to its front matter, or set DOSSIER_TRUST_CODE=1 for the whole site`,
    );
  });

  it('is indexed when the whole site trusts code (DOSSIER_TRUST_CODE=1), marked or not', () => {
    expect(index(untrusted(), true).articles.get('figures')!.html).toBeUndefined();
  });
});
