import { describe, expect, it } from 'vitest';
import { articleSchema, entitySchema } from './content-schema.ts';

const base = { name: 'DeepSeek', summary: 'A Chinese AI lab.' };

describe('entitySchema', () => {
  it.each([
    ['organization', { orgType: 'company', founders: ['liang-wenfeng'] }],
    ['person', { roles: ['CEO of DeepSeek'] }],
    ['policy', { policyType: 'white-paper', year: 2018, status: 'since-deleted' }],
    ['concept', { field: 'software' }],
    ['product', { productType: 'ai-model', maker: 'deepseek' }],
    ['place', { placeType: 'city', country: 'china' }],
  ])('accepts a %s with its own facts', (kind, facts) => {
    const result = entitySchema().safeParse({ kind, ...base, ...facts });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('fills defaults an editor may leave out', () => {
    const data = entitySchema().parse({ kind: 'concept', ...base });
    expect(data).toMatchObject({ aliases: [], weakAliases: [], related: [] });
  });

  it('takes aliases as plain strings or as objects that opt out of case sensitivity', () => {
    const data = entitySchema().parse({
      kind: 'concept',
      ...base,
      aliases: ['open source', { text: 'Open Source', ignoreCase: true }],
    });
    expect(data.aliases).toEqual(['open source', { text: 'Open Source', ignoreCase: true, shared: false }]);
  });

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['a blank alias', { aliases: ['  '] }, 'aliases.0'],
    ['a native name without a valid script', { native: { name: '李開復', script: 'zh-TW' } }, 'native.script'],
    ['a related id that is not an id', { related: ['High Flyer'] }, 'related.0'],
    ['a summary that is far too long', { summary: 'x'.repeat(241) }, 'summary'],
    ['a field of another kind', { roles: ['CEO'] }, ''],
  ])('rejects %s, naming the field', (_, change, field) => {
    const result = entitySchema().safeParse({ kind: 'concept', ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it.each([
    ['a place without its type', {}, 'placeType', 'expected one of "country"'],
    ['a place of an unknown type', { placeType: 'continent' }, 'placeType', 'expected one of "country"'],
    [
      'a country written as a name, not an id',
      { placeType: 'city', country: 'People’s Republic of China' },
      'country',
      'an id of lowercase letters',
    ],
  ])('rejects %s, naming the field', (_, facts, field, expected) => {
    const result = entitySchema().safeParse({ kind: 'place', ...base, ...facts });
    const issue = result.error?.issues.find((i) => i.path.join('.') === field);
    expect(issue?.message).toContain(expected);
  });

  it.each(['law', 'report', 'statement', 'initiative'])('takes a policy document that is a %s', (policyType) => {
    expect(entitySchema().safeParse({ kind: 'policy', ...base, policyType }).success).toBe(true);
  });

  it('marks facts from outside the articles, with or without their source', () => {
    const data = entitySchema().parse({
      kind: 'organization',
      ...base,
      orgType: 'company',
      founded: 2023,
      website: 'https://example.com/',
      outsideFacts: { founded: true, website: { source: 'https://example.com/about' } },
    });
    expect(data.outsideFacts).toEqual({ founded: {}, website: { source: 'https://example.com/about' } });
  });

  it.each([
    ['a javascript: URL', { founded: { source: 'javascript:alert(1)' } }, 'an http(s) or mailto URL'],
    ['a source that is no URL', { founded: { source: 'the company website' } }, 'a URL, like https://'],
    ['a mark that is neither true nor a source', { founded: 'yes' }, 'true, or a source'],
  ])('rejects an outside fact with %s, naming the field', (_, outsideFacts, expected) => {
    const result = entitySchema().safeParse({ kind: 'organization', ...base, orgType: 'company', outsideFacts });
    const issue = result.error?.issues.find((i) => i.path.join('.').startsWith('outsideFacts.founded'));
    expect(issue?.message).toContain(expected);
  });

  it('requires the facts of the kind', () => {
    const result = entitySchema().safeParse({ kind: 'person', ...base });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['roles']);
  });
});

describe('entity events', () => {
  const source = { article: 'deepseek-and-open-source', quote: 'In 2019, the president' };
  const withEvent = (date: unknown, change: Record<string, unknown> = {}) =>
    entitySchema().safeParse({
      kind: 'concept',
      ...base,
      events: [{ date, description: 'Warns.', source, ...change }],
    });

  it.each([
    [2019, '2019'],
    ['2019-05-16', '2019-05-16'],
    ['2019-05', '2019-05'],
    [' 2000s ', '2000s'],
    ['2020/2023', '2020/2023'],
  ])('takes the date %s as the front matter gives it and keeps it as %s', (date, stored) => {
    const result = withEvent(date);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    expect(result.data!.events[0]!.date).toBe(stored);
    // Astro's content layer checks stored data again: the stored form must pass unchanged.
    expect(entitySchema().parse(result.data).events[0]!.date).toBe(stored);
  });

  it.each([
    ['a date in words', { date: 'May 2019' }, 'events.0.date', 'a date written 2019, 2019-05 or 2019-05-16'],
    ['a date with a time', { date: '2019-05-16 10:00' }, 'events.0.date', 'a date written 2019'],
    [
      'a range the wrong way round',
      { date: '2023/2020' },
      'events.0.date',
      'a range whose start ends before its end begins',
    ],
    [
      'a description over several lines',
      { description: 'One.\nTwo.' },
      'events.0.description',
      'a description on one line',
    ],
    ['a source without a quote', { source: { article: 'x' } }, 'events.0.source.quote', 'quote'],
    [
      'a quote far too long',
      { source: { ...source, quote: 'x'.repeat(201) } },
      'events.0.source.quote',
      'a quote of at most 200 characters',
    ],
    ['a block id written into content', { source: { ...source, blockId: 'p-in-2019' } }, 'events.0.source', ''],
  ])('rejects %s, naming the field', (_, change, field, expected) => {
    const result = withEvent((change as { date?: unknown }).date ?? '2019', change);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === field);
    expect(issue?.message).toContain(expected);
  });
});

describe('articleSchema', () => {
  const article = { title: 'T', dek: 'D', source: { publication: 'ChinaTalk' } };

  it('reads dates and keeps how precisely they are known', () => {
    const data = articleSchema.parse({ ...article, date: '2025-02-01', datePrecision: 'approximate' });
    expect(data.date?.toISOString().slice(0, 10)).toBe('2025-02-01');
    expect(data.datePrecision).toBe('approximate');
  });

  it('leaves the date absent when the source gives none', () => {
    expect(articleSchema.parse(article).date).toBeUndefined();
  });

  it.each([
    ['an invalid date', { date: 'early 2025' }, 'date'],
    ['a source without a publication', { source: {} }, 'source.publication'],
    ['a source URL that is not a URL', { source: { publication: 'X', url: 'chinatalk' } }, 'source.url'],
  ])('rejects %s', (_, change, field) => {
    const result = articleSchema.safeParse({ ...article, ...change });
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
