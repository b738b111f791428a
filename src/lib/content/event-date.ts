/**
 * Event dates as an editor writes them (`2019`, `2019-05`, `2019-05-16`, `2000s`, `2020/2023`): read and checked
 * for the schema, ordered for the timeline, and shown on the page. A date is data with an explicit precision, never
 * read out of prose. No import from the schema or the timeline: both read their dates from here.
 */

/** How precisely a point in time is known, coarsest first (the sort order of points that start on the same day). */
const PRECISIONS = ['decade', 'year', 'month', 'day'] as const;
export type DatePrecision = (typeof PRECISIONS)[number];

/** One point in time, known to a precision: the 2000s, 2019, May 2019, 16 May 2019. */
export interface CalendarPoint {
  precision: DatePrecision;
  /** For a decade, its first year (2000 for the 2000s). */
  year: number;
  /** 1-12, for month and day precision. */
  month?: number;
  day?: number;
}

export interface EventDate {
  start: CalendarPoint;
  /** The last point of a range (`2020/2023`); absent for a single point. */
  end?: CalendarPoint;
  /** Only an estimate (an article's `datePrecision: approximate`), shown as "c. February 2025". */
  approximate: boolean;
}

/** What an editor may write as an event date, for messages and the README. */
export const EVENT_DATE_FORMS =
  'a date written 2019, 2019-05 or 2019-05-16, a decade like 2000s, or a range of two of these like 2020/2023';

const POINT = /^(?:(\d{3})0s|(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?)$/;

function readPoint(text: string): CalendarPoint | 'malformed' | 'no-such-day' {
  const match = POINT.exec(text);
  if (!match) return 'malformed';
  const [, decade, year, month, day] = match;
  if (decade) return { precision: 'decade', year: Number(decade) * 10 };
  const point: CalendarPoint = { precision: day ? 'day' : month ? 'month' : 'year', year: Number(year) };
  if (month) point.month = Number(month);
  if (day) point.day = Number(day);
  if (point.month !== undefined && (point.month < 1 || point.month > 12)) return 'no-such-day';
  if (point.day !== undefined && (point.day < 1 || point.day > daysInMonth(point.year, point.month!)))
    return 'no-such-day';
  return point;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads an event date written as the README documents it, or says what is wrong with it, in the schema's terms. */
export function readEventDate(text: string): { date: EventDate } | { problem: string } {
  const sides = text.split('/');
  const points = sides.map(readPoint);
  if (sides.length > 2 || points.includes('malformed')) return { problem: `${EVENT_DATE_FORMS}, got "${text}"` };
  if (points.includes('no-such-day')) return { problem: `a date that exists in the calendar, got "${text}"` };
  const [start, end] = points as CalendarPoint[];
  if (end && lastDay(start!) >= firstDay(end))
    return { problem: `a range whose start ends before its end begins, like 2020/2023, got "${text}"` };
  return { date: end ? { start: start!, end, approximate: false } : { start: start!, approximate: false } };
}

/** An event date the schema has already checked. */
export function parseEventDate(text: string): EventDate {
  const result = readEventDate(text);
  if ('problem' in result) throw new Error(`unchecked event date: expected ${result.problem}`);
  return result.date;
}

/** Midnight UTC of the first and of the last day a point covers, in milliseconds. */
function firstDay({ precision, year, month = 1, day = 1 }: CalendarPoint): number {
  return Date.UTC(year, precision === 'decade' || precision === 'year' ? 0 : month - 1, precision === 'day' ? day : 1);
}
function lastDay({ precision, year, month = 1, day = 1 }: CalendarPoint): number {
  if (precision === 'decade') return Date.UTC(year + 9, 11, 31);
  if (precision === 'year') return Date.UTC(year, 11, 31);
  return Date.UTC(year, month - 1, precision === 'day' ? day : daysInMonth(year, month));
}

/**
 * Chronological order: by the day a date starts; a coarser date first among those starting on the same day (2019
 * before January 2019 before 1 January 2019: the year as a whole before what is known within it); then the one that
 * ends sooner (2020 before 2020/2023).
 */
export function compareEventDates(a: EventDate, b: EventDate): number {
  return (
    firstDay(a.start) - firstDay(b.start) ||
    PRECISIONS.indexOf(a.start.precision) - PRECISIONS.indexOf(b.start.precision) ||
    lastDay(a.end ?? a.start) - lastDay(b.end ?? b.start)
  );
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The point as the editor writes it: `2000s`, `2019`, `2019-05`, `2019-05-16`. */
function pointKey({ precision, year, month = 1, day = 1 }: CalendarPoint): string {
  if (precision === 'decade') return `${year}s`;
  if (precision === 'year') return pad(year, 4);
  return precision === 'month' ? `${pad(year, 4)}-${pad(month)}` : `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The date in the form the schema accepts and stores: `2019-05`, `2020/2023`. */
export function canonicalDate({ start, end }: EventDate): string {
  return end ? `${pointKey(start)}/${pointKey(end)}` : pointKey(start);
}

function pointText({ precision, year, month = 1, day }: CalendarPoint): string {
  if (precision === 'decade') return `${year}s`;
  if (precision === 'year') return String(year);
  return precision === 'month' ? `${MONTHS[month - 1]} ${year}` : `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The start of a range written short where the end says the rest: "March–June 2020", "3–16 May 2019". */
function shortStart(start: CalendarPoint, end: CalendarPoint): string | undefined {
  if (start.precision !== end.precision || start.year !== end.year) return undefined;
  const month = MONTHS[start.month! - 1];
  if (start.precision === 'month') return month;
  if (start.precision === 'day') return start.month === end.month ? String(start.day) : `${start.day} ${month}`;
  return undefined;
}

/** A piece of a date as shown: a point with its machine-readable value, or the dash between two. */
export interface DatePart {
  text: string;
  /** The `datetime` of a `<time>` element; absent for the dash, and for a decade, which HTML has no form for. */
  datetime?: string;
}

/** A date for the page: "2019", "May 2019", "16 May 2019", "2000s", "2020–2023", "c. February 2025". */
export function dateParts({ start, end, approximate }: EventDate): DatePart[] {
  const part = (point: CalendarPoint, text: string): DatePart =>
    point.precision === 'decade' ? { text } : { text, datetime: pointKey(point) };
  const prefix = approximate ? 'c. ' : '';
  if (!end) return [part(start, prefix + pointText(start))];
  const startText = shortStart(start, end) ?? pointText(start);
  // A dash between like terms stays closed up (2020–2023, 3–16 May), between unlike ones it is spaced (May 2019 – June 2020).
  const spaced = startText.includes(' ') || start.precision !== end.precision;
  return [part(start, prefix + startText), { text: spaced ? ' – ' : '–' }, part(end, pointText(end))];
}

/**
 * A date under a heading that already gives its year ("2019", or a decade's "2000s"): without the year, as "16 May",
 * "March–June" or "c. February"; nothing where the year is all the date says. A date the heading does not hold
 * whole (2020–2023 under 2020) or an estimated year ("c. 2019") is shown in full.
 */
export function datePartsUnder(heading: string, date: EventDate): DatePart[] {
  const { start, end, approximate } = date;
  const inHeading = (point: CalendarPoint) =>
    point.precision === 'decade' ? `${point.year}s` === heading : String(point.year) === heading;
  if (!inHeading(start) || (end && !inHeading(end))) return dateParts(date);
  if (start.precision === 'decade' || start.precision === 'year') return end || approximate ? dateParts(date) : [];
  const part = (point: CalendarPoint, text: string): DatePart => ({ text, datetime: pointKey(point) });
  const withoutYear = (point: CalendarPoint) =>
    point.precision === 'day' ? `${point.day} ${MONTHS[point.month! - 1]}` : MONTHS[point.month! - 1]!;
  const prefix = approximate ? 'c. ' : '';
  if (!end) return [part(start, prefix + withoutYear(start))];
  const startText = shortStart(start, end) ?? withoutYear(start);
  const spaced = startText.includes(' ') || start.precision !== end.precision;
  return [part(start, prefix + startText), { text: spaced ? ' – ' : '–' }, part(end, withoutYear(end))];
}

export function formatEventDate(date: EventDate): string {
  return dateParts(date)
    .map((part) => part.text)
    .join('');
}
