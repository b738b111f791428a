import { describe, expect, it } from 'vitest';
import {
  canonicalDate,
  compareEventDates,
  dateParts,
  formatEventDate,
  parseEventDate,
  readEventDate,
} from './event-date.ts';

describe('event dates', () => {
  it.each([
    ['2019', { start: { precision: 'year', year: 2019 } }],
    ['2019-05', { start: { precision: 'month', year: 2019, month: 5 } }],
    ['2019-05-16', { start: { precision: 'day', year: 2019, month: 5, day: 16 } }],
    ['2000s', { start: { precision: 'decade', year: 2000 } }],
    ['2020/2023', { start: { precision: 'year', year: 2020 }, end: { precision: 'year', year: 2023 } }],
    [
      '2019-11/2020-02-29',
      {
        start: { precision: 'month', year: 2019, month: 11 },
        end: { precision: 'day', year: 2020, month: 2, day: 29 },
      },
    ],
  ])('reads %s with its precision, and writes it back the same', (text, expected) => {
    const date = parseEventDate(text);
    expect(date).toEqual({ ...expected, approximate: false });
    expect(canonicalDate(date)).toBe(text);
  });

  it.each([
    ['May 2019', 'a date written 2019, 2019-05 or 2019-05-16'],
    ['2019-5', 'a date written 2019'],
    ['19', 'a date written 2019'],
    ['2005s', 'a date written 2019'],
    ['2019/2020/2021', 'a date written 2019'],
    ['2020–2023', 'a date written 2019'],
    ['2019-13', 'a date that exists in the calendar, got "2019-13"'],
    ['2019-02-29', 'a date that exists in the calendar'],
    ['2023/2020', 'a range whose start ends before its end begins, like 2020/2023, got "2023/2020"'],
    ['2020/2020-06', 'a range whose start ends before its end begins'],
    ['2020/2020', 'a range whose start ends before its end begins'],
  ])('rejects %s, saying what was expected', (text, problem) => {
    const result = readEventDate(text);
    expect('problem' in result && result.problem).toContain(problem);
  });

  it('orders mixed precisions: by first day, the coarser first on the same day, then the one that ends sooner', () => {
    const written = [
      '2020/2023',
      '2019-05-16',
      '2020',
      '2019-05',
      '2019',
      '2000s',
      '2000',
      '2019-01',
      '2019-01-01',
      '2018/2019',
      '2026/2027',
    ];
    const sorted = written.map(parseEventDate).sort(compareEventDates).map(canonicalDate);
    expect(sorted).toEqual([
      '2000s',
      '2000',
      '2018/2019',
      '2019',
      '2019-01',
      '2019-01-01',
      '2019-05',
      '2019-05-16',
      '2020',
      '2020/2023',
      '2026/2027',
    ]);
  });

  it.each([
    ['2019', '2019'],
    ['2019-05', 'May 2019'],
    ['2019-05-16', '16 May 2019'],
    ['2000s', '2000s'],
    ['2020/2023', '2020–2023'],
    ['2020-03/2020-06', 'March–June 2020'],
    ['2019-05-03/2019-05-16', '3–16 May 2019'],
    ['2019-05-03/2019-06-16', '3 May – 16 June 2019'],
    ['2019-05/2020-06', 'May 2019 – June 2020'],
    ['2019/2020-06', '2019 – June 2020'],
  ])('shows %s as "%s"', (text, shown) => {
    expect(formatEventDate(parseEventDate(text))).toBe(shown);
  });

  it('gives each point of a date its machine-readable value, and a decade none (HTML has no form for it)', () => {
    expect(dateParts(parseEventDate('2020-03/2020-06'))).toEqual([
      { text: 'March', datetime: '2020-03' },
      { text: '–' },
      { text: 'June 2020', datetime: '2020-06' },
    ]);
    expect(dateParts(parseEventDate('2019-05-16'))).toEqual([{ text: '16 May 2019', datetime: '2019-05-16' }]);
    expect(dateParts(parseEventDate('2000s'))).toEqual([{ text: '2000s' }]);
  });
});
