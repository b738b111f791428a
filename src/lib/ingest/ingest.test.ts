import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { normalizeSpace, seedSentences } from '../../../e2e/site.ts';
import { toHast } from '../content/markdown.ts';
import { loadContent, surfaceForms } from '../content/registry.ts';
import { acceptedFile, draftFile, guessedFacts, placeholdersOf } from './drafts.ts';
import { readSource } from './read.ts';
import {
  findGluedMarkers,
  isBoilerplate,
  isHeadingLike,
  isInterview,
  shapeArticle,
  sourceTexts,
  speakerLabel,
  speakersOf,
} from './shape.ts';
import { undeclaredSpeakers } from './speakers.ts';
import { suggestEntities } from './suggest.ts';
import { articleFile, toMdx } from './write.ts';
import { seededRandom } from '../../cli/seeded-random.ts';

const SEED = readFileSync(new URL('../../../e2e/fixtures/chinatalk-deepseek-open-source.txt', import.meta.url), 'utf8');
const CURATED = readFileSync(
  new URL('../../../content/articles/deepseek-and-open-source.mdx', import.meta.url),
  'utf8',
);

const ingestText = (text: string, format: 'text' | 'markdown' | 'html' = 'text') =>
  shapeArticle(readSource(text, format));
const mdxOf = (text: string, format: 'text' | 'markdown' | 'html' = 'text') => {
  const shaped = ingestText(text, format);
  return articleFile({ title: shaped.meta.title ?? 'T', dek: 'D', source: { publication: 'P' } }, shaped.tree);
};

const BLOCKS = new Set([
  'p',
  'li',
  'ol',
  'ul',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'div',
  'aside',
  'hr',
  'br',
]);

/** Visible text of an MDX article as the site renders it (frontmatter left out). */
function renderedText(mdx: string): string {
  const tree = toHast(mdx.replace(/^---\n[\s\S]*?\n---\n/, ''), 'mdx');
  const parts: string[] = [];
  const walk = (node: {
    type: string;
    value?: unknown;
    children?: unknown[];
    tagName?: string;
    properties?: Record<string, unknown>;
  }) => {
    if (node.type === 'text') parts.push(String(node.value));
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') parts.push(' ');
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    if (node.type === 'element' && BLOCKS.has(node.tagName ?? '')) parts.push(' ');
  };
  walk(tree as never);
  return normalizeSpace(parts.join(''));
}

const headings = (mdx: string) => [...mdx.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1]);

/** Footnote number → its text, with `editorial` for the notes the source does not give. */
function footnotes(mdx: string): Map<string, string> {
  const notes = new Map<string, string>();
  for (const match of mdx.matchAll(/^\[\^(\d+)\]: ([\s\S]*?)(?=\n\[\^|\n*$)/gm)) {
    const text = normalizeSpace(match[2]!.replace(/\\/g, ''));
    notes.set(match[1]!, text.startsWith('*Editorial note') ? 'editorial' : text);
  }
  return notes;
}

/** Where each footnote marker sits: the words just before it. */
const markers = (mdx: string) =>
  [...mdx.matchAll(/(\S{1,20})\[\^(\d+)\](?!:)/g)].map((match) => `${match[1]}[^${match[2]}]`);

describe('ingesting the seed, compared with the curated article', () => {
  const ingested = mdxOf(SEED);

  it('finds the same section headings', () => {
    expect(headings(ingested)).toEqual(headings(CURATED));
    expect(headings(ingested)).toEqual([
      'Beijing’s approach to open source',
      'How it could all go wrong',
      'The uncertain future of DeepSeek and open source',
      'Reader comments',
    ]);
  });

  it('attaches the same notes to the same markers, and marks the markers the source gives no note for', () => {
    expect(footnotes(ingested)).toEqual(footnotes(CURATED));
    expect(markers(ingested)).toEqual(markers(CURATED));
    expect(markers(ingested)).toContain('plans[^3]');
  });

  it('keeps every sentence of the source, character for character', () => {
    const text = renderedText(ingested);
    const missing = seedSentences().filter((sentence) => !text.includes(sentence));
    expect(missing).toEqual([]);
  });

  it('sets apart the newsletter’s boilerplate, the interview, the quotes and the comments as the curated article does', () => {
    expect(ingested).toMatch(/<Aside label="From the newsletter">\s+We released a new podcast/);
    expect(ingested).toMatch(
      /<Aside label="From the newsletter">\s+Subscribe to ChinaTalk[^<]+We’re looking for advertisers/,
    );
    expect(ingested).toMatch(/<Interview>\s+\*\*Liang:\*\* I’m unsure/);
    expect(ingested).toMatch(/\n> Open source is a kind of IQ tax 智商税\.\.\.\n>\n> When you rationally/);
    expect(ingested).toMatch(/<Aside label="Editor’s aside">\s+\\\[Jordan: Beyond/);
    expect(ingested.match(/<Comment>/g)).toHaveLength(2);
  });

  it('reports where it was unsure', () => {
    const { findings, meta } = ingestText(SEED);
    const unsure = findings.filter((finding) => finding.level === 'unsure').map((finding) => finding.line);
    expect(unsure).toEqual(expect.arrayContaining([21, 27, 41, 55])); // a quote's end, two notes missing, a lost poem
    expect(meta.publication).toBe('ChinaTalk');
  });

  it('suggests at least 90% of the curated entities, from an empty content folder', () => {
    const { entities } = suggestEntities(sourceTexts(ingestText(SEED).tree));
    const curated = [...loadContent('content').entities.values()];
    const key = (form: string) => form.toLowerCase().replace(/’/g, "'");
    const covered = curated.filter((entity) => {
      const forms = new Set(surfaceForms(entity.data).map((form) => key(form.text)));
      return entities.some((suggestion) =>
        [suggestion.name, ...suggestion.aliases, ...suggestion.weakAliases].some((form) => forms.has(key(form))),
      );
    });
    const correct = entities.filter((suggestion) =>
      curated.some((entity) =>
        surfaceForms(entity.data).some((form) =>
          [suggestion.name, ...suggestion.aliases, ...suggestion.weakAliases].some(
            (own) => key(own) === key(form.text),
          ),
        ),
      ),
    );
    const coverage = covered.length / curated.length;
    const precision = correct.length / entities.length;
    console.log(
      `entity suggestions for the seed: coverage ${covered.length}/${curated.length} = ${coverage.toFixed(3)}, precision ${correct.length}/${entities.length} = ${precision.toFixed(3)}`,
    );
    expect(coverage).toBeGreaterThanOrEqual(0.9);
  });
});

describe('structure from plain text', () => {
  it('takes a footnote marker only in sequence, and never from a number or a name', () => {
    const body = ingestText(
      'Revenue grew 3.5 times with Qwen2 and R1.\nIt grew.1 Then plans2 and more.\nA note.\nAnother note.',
    ).tree;
    expect(toMdx(body)).toContain('It grew.[^1] Then plans[^2] and more.');
    expect(toMdx(body)).toContain('3.5 times with Qwen2 and R1.');
    expect(findGluedMarkers(readSource('Version 2 of it.3', 'text').tree.children)).toEqual([]);
  });

  it('reads numbered notes by their numbers', () => {
    const mdx = toMdx(
      ingestText(
        'The title\nFirst claim.1 Second claim.2\nMiddle paragraph that is long enough to be a paragraph of the body.\n1. The first note.\n2. The second note.',
      ).tree,
    );
    expect(mdx).toContain('[^1]: The first note.');
    expect(mdx).toContain('[^2]: The second note.');
  });

  it('takes an interview only where two speakers take turns at least twice each; labelled paragraphs stay paragraphs', () => {
    expect(toMdx(ingestText('Intro paragraph.\nJordan: So, R1 is good.\nMore text.').tree)).not.toContain(
      '<Interview>',
    );
    expect(toMdx(ingestText('Intro.\nQ: Why?\nA: Because.\nQ: Really?\nA: Yes.').tree)).toContain('<Interview>');
    const labelled = toMdx(
      ingestText('Intro.\nRegulatory Localization: rules differ by city.\nPolicy Support: grants for startups.\nOutro.')
        .tree,
    );
    expect(labelled).not.toContain('<Interview>');
    expect(labelled).toContain('**Regulatory Localization:** rules differ by city.');
    expect(isInterview(['Liang', 'Waves', 'Liang', 'Waves', 'Liang'])).toBe(true);
    expect(isInterview(['Seed-X', 'Seed-Prover', 'Seed Diffusion'])).toBe(false);
    expect(isInterview(['A', 'A', 'B', 'B'])).toBe(false);
    expect(speakerLabel('Liang Wenfeng: It is.')).toBe('Liang Wenfeng');
    expect(speakerLabel('Note: this is a sentence with a colon')).toBe('Note');
  });

  it('reads headings only where a short bare line stands before the text it heads', () => {
    expect(isHeadingLike('How it could all go wrong')).toBe(true);
    expect(isHeadingLike('DeepSeek, on the other hand, has no near-term profit strategy.')).toBe(false);
    expect(isHeadingLike('Waves: There is a sense of spiritual reward in it')).toBe(false);
    expect(isHeadingLike('Open source is a kind of IQ tax 智商税...')).toBe(false);
  });

  it('flags boilerplate without dropping it', () => {
    expect(isBoilerplate('Subscribe to ChinaTalk as we continue to follow this story.')).toBe(true);
    expect(
      isBoilerplate(
        'The debate over whether users subscribe to closed models or build on open ones is the whole question of this long essay, and it goes on and on for many more words than any newsletter footer would ever use, so it is not boilerplate at all but an argument that continues across the paragraph and beyond what a footer says.',
      ),
    ).toBe(false);
  });

  it('quotes only after a lead-in that names speech, and says where it is unsure', () => {
    const shaped = ingestText(
      'He put it bluntly:\nWe will never do it...\nWhen you look at it, it is clear.\nThe company said no more.\nTwo things are true:\nFirst thing is this long sentence.',
    );
    const mdx = toMdx(shaped.tree);
    expect(mdx).toContain(
      '> We will never do it...\n>\n> When you look at it, it is clear.\n\nThe company said no more.',
    );
    expect(mdx).toContain('Two things are true:\n\nFirst thing');
    expect(shaped.findings.some((finding) => finding.level === 'unsure' && finding.line === 4)).toBe(true);
  });

  it('joins hard-wrapped lines into one paragraph, Chinese without spaces', () => {
    const text =
      'This paragraph was wrapped by the newsletter platform at a fixed\nwidth of about sixty-five characters so that it reads well in an\nemail client.\n\nSecond paragraph.';
    expect(toMdx(readSource(text, 'text').tree)).toBe(
      'This paragraph was wrapped by the newsletter platform at a fixed width of about sixty-five characters so that it reads well in an email client.\n\nSecond paragraph.\n',
    );
  });
});

describe('structure from HTML and Markdown', () => {
  const html = `<!doctype html><html><head><title>Site</title><meta property="og:title" content="A Title"><meta property="og:site_name" content="ChinaTalk">
    <meta name="description" content="The dek."><meta property="article:published_time" content="2025-02-01T10:00:00Z"><link rel="canonical" href="https://example.com/p/a"></head>
    <body><nav>Home · Archive</nav><article><h1>A Title</h1>
    <p>DeepSeek is <em>open</em>, says <a href="https://example.com/x">a <strong>source</strong></a>.<a class="footnote-anchor" id="footnote-anchor-1" href="#footnote-1">1</a></p>
    <h2>A section</h2><blockquote><p>Quoted words.</p></blockquote><img src="https://cdn.example.com/x.png" alt="A chart">
    <p>Subscribe to ChinaTalk for more.</p>
    <div class="footnote"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number">1</a><div class="footnote-content"><p>The note, with <em>emphasis</em>.</p></div></div>
    </article><footer>© 2025</footer><script>alert(1)</script></body></html>`;

  it('keeps links, emphasis, headings and quotes; turns platform footnotes into footnotes; reads the metadata', () => {
    const shaped = ingestText(html, 'html');
    const mdx = toMdx(shaped.tree);
    expect(mdx).toContain('DeepSeek is *open*, says [a **source**](https://example.com/x).[^1]');
    expect(mdx).toContain('## A section');
    expect(mdx).toContain('> Quoted words.');
    expect(mdx).toContain('[^1]: The note, with *emphasis*.');
    expect(mdx).toMatch(/<Aside label="From the newsletter">\s+Subscribe to ChinaTalk/);
    expect(mdx).not.toMatch(/Home|©|alert|A Title|cdn\.example/);
    expect(shaped.meta).toEqual({
      title: 'A Title',
      dek: 'The dek.',
      date: '2025-02-01',
      publication: 'ChinaTalk',
      url: 'https://example.com/p/a',
    });
    expect(shaped.findings.some((finding) => finding.level === 'flagged' && finding.message.includes('A chart'))).toBe(
      true,
    );
  });

  it('reads a Markdown newsletter: frontmatter and a leading title, footnotes as written', () => {
    const shaped = ingestText(
      '---\nauthor: Jordan Schneider\ndate: 2025-02-01\n---\n# The title\n\nText with a note.[^a]\n\n[^a]: The note.\n',
      'markdown',
    );
    expect(shaped.meta).toMatchObject({ title: 'The title', authors: ['Jordan Schneider'], date: '2025-02-01' });
    expect(toMdx(shaped.tree)).toBe('Text with a note.[^a]\n\n[^a]: The note.\n');
  });
});

describe('the MDX written', () => {
  // Characters that mean something to Markdown or MDX, in the places they would.
  const hostile = [
    '{x}',
    '<b>',
    '*emphasis*',
    '_under_',
    '[link](x)',
    '# not a heading',
    '- not a list',
    '1. not a list',
    '> not a quote',
    '`code`',
    '&amp;',
    '\\back',
    '~~strike~~',
    '|a|b|',
    'a < b > c',
    '---',
    '[^1]',
    '<!-- c -->',
    'https://example.com',
  ];

  it('keeps any text exactly as it was: nothing in it reads as syntax', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        random() < 0.5
          ? hostile[Math.floor(random() * hostile.length)]
          : ['DeepSeek', '开源', 'open', 'source.', '智商税'][Math.floor(random() * 5)],
      );
      const text = words.join(random() < 0.8 ? ' ' : '');
      const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
      expect(renderedText(toMdx(tree)), text).toBe(normalizeSpace(text));
    }
  });
});

describe('drafts', () => {
  const suggestion = suggestEntities([
    'Baidu founder Robin Li 李彦宏 put it bluntly.',
    'Robin Li said so again -- twice.',
  ]).entities.find((entity) => entity.name === 'Robin Li')!;

  it('pre-fills both scripts, guesses the kind and its facts, and quotes the passages for review', () => {
    expect(suggestion).toMatchObject({
      id: 'robin-li',
      kind: 'person',
      aliases: ['李彦宏', '李彥宏'],
      native: { name: '李彦宏', script: 'zh-Hans' },
    });
    expect(guessedFacts(suggestion, 'T')).toEqual({ roles: ['Baidu founder'] });
    const draft = draftFile(suggestion, [{ title: 'T', slug: 't' }]);
    expect(draft).toContain('> Baidu founder Robin Li 李彦宏 put it bluntly.');
    expect(draft).toContain('npm run ingest -- --accept robin-li');
    expect(draft).not.toMatch(/-- twice/); // a comment cannot hold "--"
  });

  it('become entity files without their review note', () => {
    const accepted = acceptedFile(draftFile(suggestion, [{ title: 'T', slug: 't' }]), 'person');
    expect(accepted.text).not.toContain('review');
    expect(accepted.text).toMatch(/^---\nname: Robin Li\n/);
    expect(accepted.dropped).toEqual([]);
  });

  it('moved to another kind folder, drop the old kind’s facts and guess the new kind’s', () => {
    const asOrganization = acceptedFile(
      draftFile({ ...suggestion, kind: 'organization' }, [{ title: 'T', slug: 't' }]),
      'person',
    );
    expect(asOrganization.dropped).toEqual(['orgType']);
    expect(asOrganization.guessed).toEqual(['roles']);
    expect(asOrganization.text).not.toContain('orgType');
  });

  it('are refused while they hold placeholders', () => {
    const draft = draftFile(suggestion, [
      { title: 'T', slug: 't' },
      { title: 'U', slug: 'u' },
    ]);
    expect(draft).toContain('summary: Named in “T” and 1 other article.');
    expect(placeholdersOf(draft)).toEqual([
      'the summary is still “Named in “T” and 1 other article.”',
      'there is no description',
    ]);
    const reviewed = draft
      .replace(/summary: .*/, 'summary: The founder of Baidu.')
      .replace('-->', '-->\n\nThe founder of Baidu, quoted on open source.');
    expect(placeholdersOf(reviewed)).toEqual([]);
  });

  it('are not suggested for names an entity has; new forms of it are suggested as aliases', () => {
    const { entities, aliases } = suggestEntities(
      ['Kai-fu Lee’s 李開復 start-up released it.'],
      [{ id: 'kai-fu-lee', forms: ['Kai-fu Lee'] }],
    );
    expect(entities).toEqual([]);
    expect(aliases).toEqual([
      { entityId: 'kai-fu-lee', aliases: ['李開復'], passages: ['Kai-fu Lee’s 李開復 start-up released it.'] },
    ]);
  });
});

describe('quotes and their speakers', () => {
  it('attributes the seed’s quotes as the curated article does, from the lead-ins and the content’s entities', () => {
    const speakers = [...loadContent('content').entities.values()].map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      forms: surfaceForms(entity.data).filter((form) => !form.shared),
    }));
    const shaped = shapeArticle(readSource(SEED, 'text'), {}, { speakers });
    const written = toMdx(shaped.tree);
    const curatedSpeakers = [...CURATED.matchAll(/<Quote by="([^"]+)">/g)].map((match) => match[1]);
    expect([...written.matchAll(/<Quote by="([^"]+)">/g)].map((match) => match[1])).toEqual(curatedSpeakers);
    expect(written).toContain('<Quote source="a viral post by an engineer">');
    expect(shaped.findings).toContainEqual(
      expect.objectContaining({
        level: 'detected',
        message: expect.stringContaining(
          'quote attributed to robin-li: the lead-in names “Robin Li” as the one speaking (line 5)',
        ),
      }),
    );
    // Who speaks only by a short form the article never introduces (Jordan) is among the entities the curated article
    // declares; Waves speaks by its own name, which introduces it.
    const { labels, quoted } = speakersOf(shaped.tree);
    const declared = /^entities: \[(.*)\]$/m.exec(CURATED)![1]!.split(', ');
    const undeclared = undeclaredSpeakers(labels, quoted, sourceTexts(shaped.tree).join('\n'), speakers).map(
      ({ id }) => id,
    );
    expect(undeclared).toEqual(expect.arrayContaining(['jordan-schneider']));
    expect(undeclared).not.toContain('waves');
    for (const id of undeclared) expect(declared).toContain(id);
    // Turned off, the quotes stay as they were.
    expect(toMdx(shapeArticle(readSource(SEED, 'text'), { speakers: false }, { speakers }).tree)).not.toContain(
      '<Quote',
    );
  });
});
