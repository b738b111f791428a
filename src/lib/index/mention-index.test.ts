import { describe, expect, it } from 'vitest';
import { parseContent } from '../content/registry.ts';
import type { AnnotatedBlock, BlockMention } from '../link/annotate.ts';
import { excerptOf, gatherMentions, mentionedOn } from './mention-index.ts';

const encoder = new TextEncoder();
const content = parseContent(
  ['deepseek', 'liang', 'huawei', 'baidu'].map((id) => ({
    path: `entities/concepts/${id}.md`,
    bytes: encoder.encode(`---\nname: ${id}\nsummary: S.\n---\n`),
  })),
);
const id = (text: string) => content.entities.get(text)!.id;
/** A map of the index looked up by plain text, as the pages do. */
const byText = <V>(map: ReadonlyMap<string, V>) => map;

/** A block naming each entity where its name occurs in the text. */
const block = (id: string, text: string, names: Record<string, string>, more: Partial<AnnotatedBlock> = {}) => {
  const mentions: BlockMention[] = Object.entries(names).flatMap(([name, entityId]) =>
    [...text.matchAll(new RegExp(name, 'g'))].map((match) => ({
      entityId,
      start: match.index,
      end: match.index + name.length,
      linked: false,
    })),
  );
  return { id, role: 'paragraph', text, mentions, ...more } as AnnotatedBlock;
};
const names = { DeepSeek: 'deepseek', Liang: 'liang', Huawei: 'huawei', Baidu: 'baidu' };
const section = { id: 'money', title: 'Money' };

const first = {
  slug: 'first',
  blocks: [
    block('money', 'DeepSeek and money', names, { role: 'heading' }),
    block('p-deepseek', 'DeepSeek, says Liang, needs no money. DeepSeek again.', names, { section }),
    block('p-huawei', 'Huawei alone.', names, { section }),
    block('p-reader', 'A reader: Baidu and DeepSeek are alike.', names, { voice: { kind: 'comment' } }),
  ],
};
const second = {
  slug: 'second',
  blocks: [
    block('p-put-it', 'Liang put it bluntly:', names),
    block('p-quote', 'We are not in it for Huawei.', names, { voice: { kind: 'quote', unit: 'p-quote', by: 'liang' } }),
  ],
};

describe('gatherMentions', () => {
  const index = gatherMentions(content, [first, second]);

  it('gives each entity its passages, in article order, with the mentions marked and the section', () => {
    expect(byText(index.passages).get('deepseek')).toEqual([
      {
        articleSlug: 'first',
        blockId: 'p-deepseek',
        section,
        excerpt: {
          text: 'DeepSeek, says Liang, needs no money. DeepSeek again.',
          marks: [
            [0, 8],
            [38, 46],
          ],
        },
      },
    ]);
    expect(
      byText(index.passages)
        .get('liang')
        ?.map((passage) => passage.blockId),
    ).toEqual(['p-deepseek', 'p-put-it']);
  });

  it('never takes a heading for a passage', () => {
    expect(
      byText(index.passages)
        .get('deepseek')
        ?.some((passage) => passage.blockId === 'money'),
    ).toBe(false);
  });

  it('keeps reader comments apart, counted in the article but never as co-mentions', () => {
    expect(byText(index.passages).has('baidu')).toBe(false);
    expect(
      byText(index.commentPassages)
        .get('baidu')
        ?.map((passage) => passage.blockId),
    ).toEqual(['p-reader']);
    expect(byText(index.coMentions).has('baidu')).toBe(false);
    expect(index.articles[0]?.mentionCounts).toEqual(
      new Map([
        ['deepseek', 3],
        ['liang', 1],
        ['huawei', 1],
        ['baidu', 1],
      ]),
    );
  });

  it('counts co-mentions both ways, a quote naming its speaker', () => {
    expect(byText(index.coMentions).get('deepseek')).toEqual(new Map([['liang', 1]]));
    expect(byText(index.coMentions).get('liang')).toEqual(
      new Map([
        ['deepseek', 1],
        ['huawei', 1],
      ]),
    );
    expect(byText(index.coMentions).get('huawei')).toEqual(new Map([['liang', 1]]));
  });

  it('gathers quotations by speaker, and shows a lead-in with the quote it introduces', () => {
    expect(
      byText(index.quotations)
        .get('liang')
        ?.map((quotation) => [quotation.articleSlug, quotation.blockId]),
    ).toEqual([['second', 'p-quote']]);
    expect(index.articles[1]?.quotations).toEqual(byText(index.quotations).get('liang'));
    const leadIn = byText(index.passages)
      .get('liang')
      ?.find((passage) => passage.blockId === 'p-put-it');
    expect(leadIn?.introduces).toEqual({
      blockId: 'p-quote',
      speaker: { entityId: 'liang' },
      paragraphs: ['We are not in it for Huawei.'],
    });
  });

  it('counts no id that names no entity of the content', () => {
    const stray = block('p-stray', 'Nobody and DeepSeek.', { ...names, Nobody: 'nobody' });
    const { passages, coMentions } = gatherMentions(content, [{ slug: 'stray', blocks: [stray] }]);
    expect([...passages.keys()]).toEqual(['deepseek']);
    expect(coMentions.size).toBe(0);
  });

  it('gives each article back with its own mentions', () => {
    expect(index.articles.map((article) => [article.slug, article.blocks])).toEqual([
      ['first', first.blocks],
      ['second', second.blocks],
    ]);
  });
});

describe('mentionedOn', () => {
  it('lists, for each entity, the descriptions that mention it, once each', () => {
    const on = mentionedOn(content, [
      { id: id('deepseek'), blocks: [block('p-a', 'Founded by Liang, Liang says.', names)] },
      { id: id('huawei'), blocks: [block('p-b', 'Liang and DeepSeek.', names)] },
    ]);
    expect(on).toEqual(
      new Map([
        ['liang', ['deepseek', 'huawei']],
        ['deepseek', ['huawei']],
      ]),
    );
  });
});

describe('excerptOf', () => {
  it('keeps a short block whole', () => {
    expect(excerptOf('DeepSeek rose.', [[0, 8]])).toEqual({ text: 'DeepSeek rose.', marks: [[0, 8]] });
  });

  it('cuts a long block around the first mention at word boundaries and moves the marks', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[100] = 'DeepSeek';
    const text = words.join(' ');
    const start = text.indexOf('DeepSeek');
    const { text: excerpt, marks } = excerptOf(text, [[start, start + 8]]);
    expect(excerpt.startsWith('… w')).toBe(true);
    expect(excerpt.endsWith(' …')).toBe(true);
    expect(excerpt.slice(marks[0]![0], marks[0]![1])).toBe('DeepSeek');
  });

  it('keeps the end of a block that leads into a quote', () => {
    const text = `${'word '.repeat(150)}DeepSeek ${'word '.repeat(150)}put it so:`;
    const start = text.indexOf('DeepSeek');
    expect(excerptOf(text, [[start, start + 8]], true).text.endsWith('put it so:')).toBe(true);
  });
});
