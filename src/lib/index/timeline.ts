/**
 * The timeline: dated events from the entities' `events` and the articles' publication dates, in one chronological
 * order. Dates are data with an explicit precision, never read out of prose. Each entity event names the passage it
 * comes from by a short exact quote, which the build resolves to the paragraph's block id: ids follow a paragraph's
 * words and change when it is edited, so content never stores them.
 */
import type { AnnotatedBlock } from '../link/annotate.ts';
import { ContentError, type ContentProblem } from '../content/content-errors.ts';
import type { ArticleData, ArticleSlug, EntityId } from '../content/content-schema.ts';
import {
  canonicalDate,
  compareEventDates,
  datePartsUnder,
  parseEventDate,
  type DatePart,
  type CalendarPoint,
  type EventDate,
} from '../content/event-date.ts';
import { articleOf, type Content } from '../content/registry.ts';

/** An article's publication as an event date, if the source gives one. */
export function publicationDate({
  date,
  datePrecision,
}: Pick<ArticleData, 'date' | 'datePrecision'>): EventDate | undefined {
  if (!date) return undefined;
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  const start: CalendarPoint =
    datePrecision === 'day' ? { precision: 'day', year, month, day } : { precision: 'month', year, month };
  return { start, approximate: datePrecision === 'approximate' };
}

const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Text with its quotation marks and apostrophes made plain and its capitals small: for a hint, never a match. */
const loosely = (text: string) =>
  normalizeSpace(text)
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .toLowerCase();

export type QuoteMatch =
  { blockId: string } | { found: 'nowhere'; loosely: boolean } | { found: 'several'; blockIds: string[] };

/**
 * The one paragraph (or list item, or table cell: any block but a heading) whose text holds the quote, spaces
 * aside. `loosely` says whether some paragraph holds it with other quotation marks, apostrophes or capitals.
 */
export function findQuote(blocks: AnnotatedBlock[], quote: string): QuoteMatch {
  const passages = blocks.filter((block) => block.role !== 'heading');
  const holders = passages.filter((block) => normalizeSpace(block.text).includes(normalizeSpace(quote)));
  if (holders.length === 1) return { blockId: holders[0]!.id };
  if (holders.length > 1) return { found: 'several', blockIds: holders.map((block) => block.id) };
  return { found: 'nowhere', loosely: passages.some((block) => loosely(block.text).includes(loosely(quote))) };
}

/**
 * A text fragment (`:~:text=…`) after a paragraph's id: browsers that know it highlight the quoted words inside the
 * paragraph, the others ignore it, and the paragraph is the target either way. Commas and hyphens are syntax there.
 */
export function quoteFragment(quote: string): string {
  return `:~:text=${encodeURIComponent(normalizeSpace(quote)).replaceAll('-', '%2D')}`;
}

interface EventCommon {
  /**
   * Unique on the timeline page, and stable while the event's entity and date stay the same. Prefixed, as ids must
   * begin with a letter and entity ids and slugs need not (`14th-fyp-…`).
   */
  id: string;
  date: EventDate;
  description: string;
  articleSlug: ArticleSlug;
}

/** An event of an entity's `events`, with the paragraph its quote was found in. */
export interface EntityEvent extends EventCommon {
  type: 'entity';
  entityId: EntityId;
  quote: string;
  /** Absent only in a build without linking (the bench's baseline), which has no blocks. */
  blockId?: string;
}

/** An article's publication; its description is the article's title. */
export interface PublicationEvent extends EventCommon {
  type: 'publication';
  /** Why the date is what it is, when it is approximate. */
  dateNote?: string;
}

export type TimelineEvent = EntityEvent | PublicationEvent;

/** Same-date events: entities' before publications, then by description, so the order never depends on file order. */
function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    compareEventDates(a.date, b.date) ||
    Number(a.type === 'publication') - Number(b.type === 'publication') ||
    a.description.localeCompare(b.description) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Every dated event of the content, in chronological order. `blocksOf` gives an article's blocks, or nothing in a
 * build without linking, where quotes stay unresolved. A quote found in no paragraph, or in several, is a content
 * problem: all of them are collected, then thrown as one ContentError. `root` prefixes file names in messages.
 */
export function buildTimeline(
  content: Content,
  blocksOf: (slug: ArticleSlug) => AnnotatedBlock[] | undefined,
  root = 'content',
): TimelineEvent[] {
  const problems: ContentProblem[] = [];
  const events: TimelineEvent[] = [];
  for (const entity of content.entities.values()) {
    entity.data.events.forEach(({ description, source, ...written }, i) => {
      const date = parseEventDate(written.date);
      const id = `event-${entity.id}-${canonicalDate(date).replace('/', '-')}`;
      const event: EntityEvent = {
        type: 'entity',
        id,
        date,
        description,
        articleSlug: source.article,
        entityId: entity.id,
        quote: source.quote,
      };
      const blocks = blocksOf(source.article);
      if (blocks) {
        const match = findQuote(blocks, source.quote);
        if ('blockId' in match) event.blockId = match.blockId;
        else
          problems.push({
            file: `${root}/${entity.file}`,
            field: `events.${i}.source.quote`,
            message: quoteProblem(match, `${root}/${articleOf(content, source.article).file}`),
          });
      }
      events.push(event);
    });
  }
  for (const article of content.articles) {
    const date = publicationDate(article.data);
    if (!date) continue;
    const { title, dateNote } = article.data;
    events.push({
      type: 'publication',
      id: `published-${article.slug}`,
      date,
      description: title,
      articleSlug: article.slug,
      ...(date.approximate && dateNote ? { dateNote } : {}),
    });
  }
  if (problems.length) throw new ContentError(problems);
  events.sort(compareEvents);
  // Two events of one entity on one date would share an id: the later one takes a number.
  const taken = new Set<string>();
  for (const event of events) {
    let id = event.id;
    for (let n = 2; taken.has(id); n++) id = `${event.id}-${n}`;
    taken.add((event.id = id));
  }
  return events;
}

function quoteProblem(match: Exclude<QuoteMatch, { blockId: string }>, articleFile: string): string {
  if (match.found === 'several') {
    return `is in ${match.blockIds.length} paragraphs of ${articleFile} (${match.blockIds.map((id) => `#${id}`).join(', ')}); expected words found in exactly one paragraph: quote more of the passage`;
  }
  const hint = match.loosely
    ? '; a paragraph has these words with other quotation marks, apostrophes or capitals: copy them as the article writes them'
    : '';
  return `is in no paragraph of ${articleFile}; expected words copied exactly from one paragraph of the article${hint}`;
}

/** An event as the timeline shows it under its year: its date without that year, and whether it names its article. */
export interface TimelineEntry {
  event: TimelineEvent;
  /** The date as shown under the year's heading: nothing where the heading says it all. */
  date: DatePart[];
  /** The first of a run of events from one article names it; the rest of the run only quote it. */
  namesArticle: boolean;
}

/** Events grouped under their year (a decade under its own heading), in the order given, with an id for each year. */
export function groupByYear(
  events: TimelineEvent[],
): { id: string; year: string; events: TimelineEvent[]; entries: TimelineEntry[] }[] {
  const yearOf = ({ start }: EventDate) => (start.precision === 'decade' ? `${start.year}s` : String(start.year));
  return [...Map.groupBy(events, (event) => yearOf(event.date))].map(([year, list]) => ({
    id: `year-${year}`,
    year,
    events: list,
    entries: list.map((event, i) => ({
      event,
      date: datePartsUnder(year, event.date),
      namesArticle: i === 0 || list[i - 1]!.articleSlug !== event.articleSlug,
    })),
  }));
}
