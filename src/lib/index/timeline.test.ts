import { describe, expect, it } from 'vitest';
import type { AnnotatedBlock } from '../link/annotate.ts';
import { problemsOf } from '../content/content-errors.ts';
import { parseContent, type ContentFile } from '../content/registry.ts';
import { buildSiteIndex } from './site-index.ts';
import { dateParts, formatEventDate, parseEventDate } from '../content/event-date.ts';
import {
  buildTimeline,
  findQuote,
  groupByYear,
  publicationDate,
  quoteFragment,
  type TimelineEvent,
} from './timeline.ts';

describe('an article on the timeline', () => {
  it('dates an article by its publication, as precisely as the source gives it', () => {
    const date = new Date('2025-02-01T00:00:00Z');
    expect(formatEventDate(publicationDate({ date, datePrecision: 'day' })!)).toBe('1 February 2025');
    expect(formatEventDate(publicationDate({ date, datePrecision: 'month' })!)).toBe('February 2025');
    expect(dateParts(publicationDate({ date, datePrecision: 'approximate' })!)).toEqual([
      { text: 'c. February 2025', datetime: '2025-02' },
    ]);
    expect(publicationDate({ date: undefined, datePrecision: 'day' })).toBeUndefined();
  });
});

const block = (id: string, text: string, role: AnnotatedBlock['role'] = 'paragraph'): AnnotatedBlock => ({
  id,
  role,
  text,
  mentions: [],
});
const blocks = [
  block('how-it-went', 'How it went in 2019', 'heading'),
  block(
    'p-in-2019-huawei',
    'In 2019, the president of Huawei’s consumer software group warned that without   its own OS community, China would suffer.',
  ),
  block('p-huawei-again', 'Huawei again, with its own OS community.'),
];

describe('finding the passage a quote comes from', () => {
  it('finds the one paragraph holding the quote, however the spaces fall', () => {
    expect(findQuote(blocks, 'warned that without its own\nOS community')).toEqual({ blockId: 'p-in-2019-huawei' });
  });

  it('reports a quote held by several paragraphs, with their ids', () => {
    expect(findQuote(blocks, 'its own OS community')).toEqual({
      found: 'several',
      blockIds: ['p-in-2019-huawei', 'p-huawei-again'],
    });
  });

  it('never takes a heading for a passage', () => {
    expect(findQuote(blocks, 'How it went')).toEqual({ found: 'nowhere', loosely: false });
  });

  it('writes the quote as a text fragment that highlights it, commas and hyphens escaped', () => {
    expect(quoteFragment('In 2018, a (since-deleted)\n white paper')).toBe(
      ':~:text=In%202018%2C%20a%20(since%2Ddeleted)%20white%20paper',
    );
  });

  it('tells a quote that misses only by its apostrophes from one that is not there at all', () => {
    expect(findQuote(blocks, "president of Huawei's consumer software group")).toEqual({
      found: 'nowhere',
      loosely: true,
    });
    expect(findQuote(blocks, 'president of Huawei’s hardware group')).toEqual({ found: 'nowhere', loosely: false });
  });
});

const encoder = new TextEncoder();
const file = (path: string, text: string): ContentFile => ({ path, bytes: encoder.encode(text) });
const article = file(
  'articles/note.mdx',
  '---\ntitle: A note\ndek: D.\ndate: 2019-06-01\ndatePrecision: month\nsource: { publication: X }\n---\nBody.\n',
);
const huawei = (events: string) =>
  file(
    'entities/organizations/huawei.md',
    `---\nname: Huawei\nsummary: S.\norgType: company\nevents:\n${events}\n---\nHuawei.\n`,
  );
const event = (date: string, description: string, quote: string) =>
  `  - { date: ${date}, description: "${description}", source: { article: note, quote: "${quote}" } }`;

describe('the timeline of a content folder', () => {
  it('merges entity events and publications in chronological order, each event on its paragraph', () => {
    const content = parseContent([
      article,
      huawei(
        [
          event('2019-05-16', 'Warns.', 'software group warned'),
          event('2019', 'A year.', 'How it went'),
          event('2000s', 'Earlier.', 'China would suffer'),
        ].join('\n'),
      ),
    ]);
    const headingless = blocks
      .filter((b) => b.role !== 'heading')
      .concat(block('p-how-it-went', 'How it went, as a paragraph.'));
    const timeline = buildTimeline(content, () => headingless);
    expect(timeline.map((e) => [e.id, formatEventDate(e.date), e.description])).toEqual([
      ['event-huawei-2000s', '2000s', 'Earlier.'],
      ['event-huawei-2019', '2019', 'A year.'],
      ['event-huawei-2019-05-16', '16 May 2019', 'Warns.'],
      ['published-note', 'June 2019', 'A note'],
    ]);
    expect(timeline[2]).toMatchObject({
      type: 'entity',
      entityId: 'huawei',
      articleSlug: 'note',
      blockId: 'p-in-2019-huawei',
      quote: 'software group warned',
    });
    expect(timeline[3]).toMatchObject({ type: 'publication', articleSlug: 'note' });
  });

  it('numbers the ids of two events of one entity on one date', () => {
    const content = parseContent([
      article,
      huawei([event('2019', 'First.', 'software group warned'), event('2019', 'Second.', 'Huawei again')].join('\n')),
    ]);
    expect(buildTimeline(content, () => blocks).map((e) => e.id)).toEqual([
      'event-huawei-2019',
      'event-huawei-2019-2',
      'published-note',
    ]);
  });

  it('stops on every quote that names no paragraph or several, naming the file, the field and what was expected', () => {
    const content = parseContent([
      article,
      huawei(
        [
          event('2019', 'Fine.', 'software group warned'),
          event('2019', 'Lost.', 'no such words'),
          event('2020', 'Vague.', 'its own OS community'),
        ].join('\n'),
      ),
    ]);
    expect(problemsOf(() => buildTimeline(content, () => blocks, 'content'))).toEqual([
      'content/entities/organizations/huawei.md: field "events.1.source.quote": is in no paragraph of content/articles/note.mdx; expected words copied exactly from one paragraph of the article',
      'content/entities/organizations/huawei.md: field "events.2.source.quote": is in 2 paragraphs of content/articles/note.mdx (#p-in-2019-huawei, #p-huawei-again); expected words found in exactly one paragraph: quote more of the passage',
    ]);
  });

  it('leaves quotes unresolved in a build without blocks (no linking)', () => {
    const content = parseContent([article, huawei(event('2019', 'Warns.', 'no such words'))]);
    expect(buildTimeline(content, () => undefined)[0]).not.toHaveProperty('blockId');
  });

  it('groups events under their year, and a decade under its own heading', () => {
    const at = (date: string) => ({ date: parseEventDate(date) }) as TimelineEvent;
    const groups = groupByYear([at('2000s'), at('2019'), at('2019-05'), at('2020/2023')]);
    expect(groups.map(({ id, year, events }) => [id, year, events.length])).toEqual([
      ['year-2000s', '2000s', 1],
      ['year-2019', '2019', 2],
      ['year-2020', '2020', 1],
    ]);
  });

  it('shows each date without the year its heading gives, and names an article once per run of its events', () => {
    const at = (date: string, articleSlug = 'a') => ({ date: parseEventDate(date), articleSlug }) as TimelineEvent;
    const groups = groupByYear([at('2000s'), at('2019'), at('2019-05-16', 'b'), at('2019-05/2019-06', 'b')]);
    const shown = groups.map(({ entries }) =>
      entries.map(({ date, namesArticle }) => [date.map((part) => part.text).join(''), namesArticle]),
    );
    expect(shown).toEqual([
      [['', true]],
      [
        ['', true],
        ['16 May', true],
        ['May–June', false],
      ],
    ]);
    // The machine-readable value keeps the year the text leaves to the heading.
    expect(groups[1]!.entries[1]!.date).toEqual([{ text: '16 May', datetime: '2019-05-16' }]);
    // A range past its heading's year, and an estimated year, are shown whole.
    const [range, estimate] = groupByYear([
      at('2020/2023'),
      { ...at('2021'), date: { ...parseEventDate('2021'), approximate: true } },
    ]);
    expect(range!.entries[0]!.date.map((part) => part.text).join('')).toBe('2020–2023');
    expect(estimate!.entries[0]!.date.map((part) => part.text).join('')).toBe('c. 2021');
    const published = publicationDate({ date: new Date('2025-02-01'), datePrecision: 'approximate' })!;
    expect(groupByYear([{ date: published, articleSlug: 'a' } as TimelineEvent])[0]!.entries[0]!.date).toEqual([
      { text: 'c. February', datetime: '2025-02' },
    ]);
  });
});

describe('the timeline of the real content', () => {
  const { timeline, articles } = buildSiteIndex({
    contentRoot: 'content',
    linkMode: 'section',
    base: '/',
    linking: true,
  });

  it('has the events the issue names, in chronological order', () => {
    const find = (entityId: string) => timeline.findIndex((e) => e.type === 'entity' && e.entityId === entityId);
    const order = [
      'open-source-ai-white-paper-2018',
      'huawei',
      'verisilicon',
      'liang-wenfeng',
      '14th-fyp-software-and-it-services',
    ].map(find);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('lands every entity event on a paragraph that holds its quote', () => {
    const blocks = articles.get('deepseek-and-open-source')!.blocks;
    for (const event of timeline) {
      if (event.type !== 'entity') continue;
      const text = blocks.find((b) => b.id === event.blockId)?.text.replace(/\s+/g, ' ');
      expect(text, event.id).toContain(event.quote);
    }
  });
});
