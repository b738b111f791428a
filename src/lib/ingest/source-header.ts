/**
 * The header a Markdown source states about itself: YAML (`---`, Jekyll, Hugo, Astro), TOML (`+++`, Zola, Hugo) or
 * the `Title:` / `URL Source:` / `Markdown Content:` lines of a web-to-Markdown export. Its fields become the
 * article's metadata; the header itself is never article text. Only YAML and TOML are read, never a JavaScript
 * front matter: a source is data.
 */
import { parse as parseToml } from 'smol-toml';
import { FrontmatterError, readFrontmatter, type Frontmatter } from '../content/frontmatter.ts';
import { SourceError, type SourceMeta } from './source.ts';

export interface FrontMatter {
  meta: SourceMeta;
  /** The text after the header. */
  body: string;
  /** How many lines of the file come before `body`: positions in the body are shifted by this. */
  lineOffset: number;
  /** What the header said that the ingest notes (a draft flag, the kind of header). */
  notes: string[];
}

const YAML_OPEN = /^---[^\n]*\n/;
const TOML_OPEN = /^\+\+\+[ \t]*\n/;
/** A web export: `Title: …` first, then `Key: value` lines up to `Markdown Content:`. */
const EXPORT_HEADER = /^Title: .*\n(?:(?:[A-Z][\w ]{1,30}: .*)?\n){0,24}?Markdown Content:[ \t]*\n/;

export function splitFrontMatter(text: string, file: string): FrontMatter {
  if (YAML_OPEN.test(text)) {
    // The registry's own reader: YAML data only, never `---js`, impossible dates kept as the text written.
    let header: Frontmatter;
    try {
      header = readFrontmatter(text);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      throw new SourceError(
        `${file}:${error.line ?? 1}: ${error.message}; ingest reads YAML (---) or TOML (+++) front matter`,
      );
    }
    return fromHeader(header.data, text.slice(0, text.length - header.body.length), text, 'YAML front matter');
  }
  if (TOML_OPEN.test(text)) {
    const end = /\n\+\+\+[ \t]*(?:\n|$)/.exec(text.slice(3));
    if (!end)
      throw new SourceError(
        `${file}:1: the TOML front matter opened with +++ is never closed; expected a closing +++ line`,
      );
    const header = text.slice(0, 3 + end.index + end[0].length);
    let data: Record<string, unknown>;
    try {
      data = parseToml(header.slice(header.indexOf('\n') + 1, 3 + end.index)) as Record<string, unknown>;
    } catch (error) {
      const line = (error as { line?: number }).line;
      throw new SourceError(
        `${file}:${(line ?? 0) + 1}: the TOML front matter does not parse (${firstLine(error)}); expected key = value lines between the +++ lines`,
      );
    }
    return fromHeader(data, header, text, 'TOML front matter');
  }
  const exported = EXPORT_HEADER.exec(text);
  if (exported) {
    const data: Record<string, unknown> = {};
    for (const [, key, value] of exported[0].matchAll(/^([A-Z][\w ]{1,30}): (.*)$/gm))
      data[key!.toLowerCase().replace(/ (\w)/g, (_, c: string) => c.toUpperCase())] = value!.trim();
    data.url ??= data.urlSource;
    data.date ??= data.publishedTime;
    return fromHeader(data, exported[0], text, 'a web export’s header (Title:, URL Source:, Markdown Content:)');
  }
  return { meta: {}, body: text, lineOffset: 0, notes: [] };
}

function fromHeader(data: Record<string, unknown>, header: string, text: string, kind: string): FrontMatter {
  const notes = [`${kind}: read as the article’s metadata`];
  if (data.draft === true) notes.push('the front matter marks this article a draft');
  return {
    meta: metaOf(data, header),
    body: text.slice(header.length),
    lineOffset: header.split('\n').length - 1,
    notes,
  };
}

const firstLine = (error: unknown) =>
  String((error as Error).message ?? error)
    .split('\n')[0]!
    .trim();

const DEK_KEYS = ['dek', 'subtitle', 'description', 'summary', 'excerpt'];
const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'published', 'publishedAt', 'publishedTime', 'created'];
const URL_KEYS = ['url', 'canonical', 'canonicalURL', 'canonical_url', 'canonicalUrl', 'permalink', 'link'];

/** The article's metadata from a header's fields; a field of the wrong shape is left out, not guessed. */
export function metaOf(data: Record<string, unknown>, header = ''): SourceMeta {
  const meta: SourceMeta = {};
  const text = (key: string) =>
    typeof data[key] === 'string' && (data[key] as string).trim() ? (data[key] as string).trim() : undefined;
  const title = text('title');
  if (title) meta.title = title;
  const dek = DEK_KEYS.map(text).find(Boolean);
  if (dek) meta.dek = dek;
  for (const key of DATE_KEYS) {
    const value = data[key];
    const date =
      literalDate(header, key) ??
      (value instanceof Date
        ? value.toISOString().slice(0, 10)
        : typeof value === 'string'
          ? parseDate(value)
          : undefined);
    if (date) {
      meta.date = date;
      break;
    }
  }
  const authors = namesOf(data.authors ?? data.author);
  if (authors.length) meta.authors = authors;
  const publication = text('publication') ?? text('site_name') ?? text('siteName');
  if (publication) meta.publication = publication;
  const url = URL_KEYS.map(text).find((value) => value && /^https?:\/\/\S+$/.test(value));
  if (url) meta.url = url;
  return meta;
}

/** A date as the header wrote it (`date: 2025-04-29T04:00:00+08:00` is 29 April where it was written, not in UTC). */
function literalDate(header: string, key: string): string | undefined {
  const match = new RegExp(`^\\s*${key}\\s*[:=]\\s*["']?(\\d{4}-\\d{2}-\\d{2})`, 'm').exec(header);
  return match && isCalendarDate(match[1]!) ? match[1] : undefined;
}

function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .map((entry) =>
      typeof entry === 'string'
        ? entry
        : typeof entry === 'object' && entry && typeof (entry as { name?: unknown }).name === 'string'
          ? (entry as { name: string }).name
          : '',
    )
    .map((name) => name.trim())
    .filter(Boolean);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const value = new Date(Date.UTC(year, month - 1, day));
  return value.getUTCFullYear() === year && value.getUTCMonth() === month - 1 && value.getUTCDate() === day;
}

/**
 * A publication date as sources write it: ISO (`2025-01-27T14:05:14+00:00`, `2020-01-02 17:11`), `Jul 15, 2025`,
 * `15 July 2025`, `2025年4月29日`. Undefined for anything else, and for a day the calendar does not have.
 */
export function parseDate(text: string): string | undefined {
  const value = text.trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  const checked = (year: number, month: number, day: number) => {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    return month >= 1 && month <= 12 && isCalendarDate(date) ? date : undefined;
  };
  let match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(value);
  if (match) return checked(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(value) ?? null;
  if (match && MONTHS.includes(match[1]!.slice(0, 3).toLowerCase()))
    return checked(Number(match[3]), MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1, Number(match[2]));
  match = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(value);
  if (match && MONTHS.includes(match[2]!.slice(0, 3).toLowerCase()))
    return checked(Number(match[3]), MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase()) + 1, Number(match[1]));
  return undefined;
}
