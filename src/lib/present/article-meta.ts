/** How an article's byline facts read on the page, honest about what the source does not give. */
import type { ArticleData } from '../content/content-schema.ts';
import { formatEventDate } from '../content/event-date.ts';
import { publicationDate } from '../index/timeline.ts';

/** "3 February 2025", "February 2025", "c. February 2025", or undefined when the source gives no date. */
export function displayDate(data: Pick<ArticleData, 'date' | 'datePrecision'>): string | undefined {
  const date = publicationDate(data);
  return date && formatEventDate(date);
}

/** "Alice and Bob", "A, B and C", or undefined. */
export function displayAuthors(authors: string[]): string | undefined {
  if (!authors.length) return undefined;
  return authors.length === 1 ? authors[0] : `${authors.slice(0, -1).join(', ')} and ${authors.at(-1)}`;
}

/** Sort order for article lists: newest first, undated last, then by title. */
export function newestFirst(
  a: { data: Pick<ArticleData, 'date' | 'title'> },
  b: { data: Pick<ArticleData, 'date' | 'title'> },
): number {
  const time = (x: typeof a) => x.data.date?.getTime() ?? -Infinity;
  return time(b) - time(a) || a.data.title.localeCompare(b.data.title);
}

/**
 * How many articles the feed carries, newest first, each in full. A feed reader polls the whole file again and
 * again, and needs only what is new: an archive of a thousand articles in full would be a feed of tens of megabytes.
 */
export const FEED_LENGTH = 50;

/** The articles of the feed: the newest `FEED_LENGTH`. */
export function feedArticles<T extends { data: Pick<ArticleData, 'date' | 'title'> }>(articles: T[]): T[] {
  return [...articles].sort(newestFirst).slice(0, FEED_LENGTH);
}

/**
 * What an article's page says about its text beside the byline, in a note the reader opens: what this site's
 * editors wrote, and what the source does not give or gives only roughly. Empty when the source gives it all.
 */
export function aboutNotes(
  data: Pick<ArticleData, 'authors' | 'date' | 'datePrecision' | 'dateNote' | 'titleIsEditorial' | 'dekIsEditorial'>,
): string[] {
  const notes: string[] = [];
  const editorial =
    data.titleIsEditorial && data.dekIsEditorial ? 'Title and summary' : data.titleIsEditorial ? 'Title' : 'Summary';
  if (data.titleIsEditorial || data.dekIsEditorial)
    notes.push(`${editorial} written by this site’s editors; the source gives none.`);
  if (!data.authors.length) notes.push('Author not given in the source.');
  if (!data.date) notes.push('Date not given in the source.');
  else if (data.datePrecision === 'approximate')
    notes.push(data.dateNote ? `Date approximate: ${data.dateNote}` : 'Date approximate: the source gives none.');
  return notes;
}
