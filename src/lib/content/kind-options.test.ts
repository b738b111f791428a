import { afterEach, describe, expect, it } from 'vitest';
import { readSettings } from '../build/site-config.ts';
import { problemsOf } from './content-errors.ts';
import { resolveKinds, type KindsOption } from './kind-options.ts';
import { BUILT_IN_KINDS, useKinds } from './kinds.ts';
import { parseContent, type ContentFile } from './registry.ts';
import { entityFacts } from '../present/facts.ts';
import { entityType } from '../present/structured-data.ts';

afterEach(() => useKinds(BUILT_IN_KINDS));

const event = {
  folder: 'events',
  singular: 'Event',
  plural: 'Events',
  colour: { light: '#7a4100', dark: '#f2b872' },
  shape: 'pentagon',
  schemaType: 'Event',
  fields: {
    venue: 'text',
    startYear: { type: 'year', required: true },
    organisers: { type: 'entities', label: 'Organised by' },
    programme: 'url',
  },
} satisfies NonNullable<KindsOption>[string];

const resolved = (option: KindsOption) => {
  const problems: string[] = [];
  const table = resolveKinds(option, problems);
  return { table, problems };
};

describe('the kinds option', () => {
  it('adds a kind after the built-in ones, with defaults for what it leaves out', () => {
    const { table, problems } = resolved({ event: { ...event, shape: undefined, schemaType: undefined } });
    expect(problems).toEqual([]);
    expect(Object.keys(table)).toEqual([...Object.keys(BUILT_IN_KINDS), 'event']);
    expect(table.event).toMatchObject({ folder: 'events', shape: 'circle', schemaType: 'Thing', work: false });
    expect(table.event!.fields).toEqual({
      venue: { type: 'text', label: 'Venue', required: false },
      startYear: { type: 'year', label: 'Start year', required: true },
      organisers: { type: 'entities', label: 'Organised by', required: false },
      programme: { type: 'url', label: 'Programme', required: false },
    });
  });

  it('changes a built-in kind where it says, leaves one out with false, and keeps the built-in order', () => {
    const { table, problems } = resolved({
      place: false,
      person: { singular: 'Speaker', plural: 'Speakers', fields: { party: 'entity' } },
    });
    expect(problems).toEqual([]);
    expect(Object.keys(table)).toEqual(['organization', 'person', 'policy', 'concept', 'product']);
    expect(table.person).toMatchObject({ folder: 'people', singular: 'Speaker', colour: BUILT_IN_KINDS.person.colour });
    expect(table.person!.fields.party).toEqual({ type: 'entity', label: 'Party', required: false });
  });

  it('names every problem with the option and what was expected', () => {
    const { table, problems } = resolved({
      gig: { singular: 'Gig', plural: 'Gigs' },
      venue: { ...event, folder: 'people' },
      talk: { ...event, folder: 'graph', colour: { light: '#ffee00', dark: '#f2b872' } },
      fair: { ...event, folder: 'fairs', colour: { light: '#1F5FA8', dark: '#8cb8ee' } },
      person: { fields: { roles: 'text', name: 'text' } },
      town: false,
    });
    const fields = 'name, summary, aliases, weakAliases, native, related, events, outsideFacts, roles, affiliations';
    expect(problems).toEqual([
      'the option kinds.gig is a new kind, so it needs folder, singular, plural, colour; it has no folder, colour',
      `the option kinds.person.fields.roles names a field every person has already; expected a name other than ${fields}`,
      `the option kinds.person.fields.name names a field every person has already; expected a name other than ${fields}`,
      'the option kinds.town is false, which leaves out a built-in kind; "town" is none (organization, person, policy, concept, product, place)',
      'the option kinds.venue.folder is "people", already the folder of person; expected a folder of its own',
      'the option kinds.talk.folder is "graph", which is the address of the site\'s own pages; expected another folder than articles, tags, timeline, graph, search, cards, previews, pagefind, 404',
      'the option kinds.talk.colour.light is "#ffee00", which reads at 1.2:1 on the light paper (#fdfcf9); expected a contrast of at least 4.5:1 (WCAG AA)',
      'the option kinds.fair.colour.light is "#1F5FA8", already the colour of organization; expected a colour of its own, so readers tell the kinds apart',
    ]);
    // The built-in table stands in, so the problems are all the build reports.
    expect(table).toBe(BUILT_IN_KINDS);
  });

  it('refuses to leave no kind at all', () => {
    const none = Object.fromEntries(Object.keys(BUILT_IN_KINDS).map((kind) => [kind, false as const]));
    expect(resolved(none).problems).toEqual([
      'the option kinds leaves out every kind; expected at least one kind of entity',
    ]);
  });

  it('is checked with the other options, each problem on a line of its own', () => {
    expect(() => readSettings({}, { kinds: { event: { ...event, shape: 'blob' } } })).toThrow(
      /the option kinds\.event\.shape is wrong: expected one of "square"\|"circle"/,
    );
    expect(readSettings({}, { kinds: { event } }).kinds.event?.folder).toBe('events');
  });
});

describe('an entity of the site’s own kind', () => {
  const encoder = new TextEncoder();
  const file = (path: string, text: string): ContentFile => ({ path, bytes: encoder.encode(text) });
  const expo = (frontmatter: string) =>
    file(
      'entities/events/expo-2025.md',
      `---\nname: Expo 2025\nsummary: A fair.\n${frontmatter}\n---\nA description.\n`,
    );
  const host = file(
    'entities/organizations/bie.md',
    '---\nname: BIE\nsummary: A body.\norgType: alliance\n---\nText.\n',
  );
  const withEvents = () => useKinds(resolved({ event }).table);

  it('is read from its folder, checked against its fields, and shows them in the infobox', () => {
    withEvents();
    const { entities } = parseContent([
      host,
      expo('startYear: 2025\nvenue: Osaka\norganisers: [bie]\nprogramme: https://expo.example/programme'),
    ]);
    const entity = entities.get('expo-2025')!;
    expect(entity.kind).toBe('event');
    expect(entityFacts(entity.data)).toEqual([
      { label: 'Venue', value: { text: 'Osaka' } },
      { label: 'Start year', value: { text: '2025' } },
      { label: 'Organised by', value: { entityIds: ['bie'] } },
      { label: 'Programme', value: { url: 'https://expo.example/programme' } },
    ]);
    expect(entityType(entity.data)).toBe('Event');
  });

  it('names a missing required field, a wrong type, an unknown entity and an unknown field', () => {
    withEvents();
    expect(problemsOf(() => parseContent([host, expo('venue: 3\norganisers: [bei]')]))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /entities\/events\/expo-2025\.md: field "startYear": is required \(expected a year, like 2023\)/,
        ),
        expect.stringMatching(/entities\/events\/expo-2025\.md: field "venue": expected text/),
      ]),
    );
    expect(problemsOf(() => parseContent([host, expo('startYear: 2025\norganisers: [bei]')]))).toEqual([
      expect.stringMatching(/field "organisers\.0": names "bei", which is no entity; .*like "bie"/),
    ]);
    expect(problemsOf(() => parseContent([host, expo('startYear: 2025\nvenu: Osaka')]))).toEqual([
      expect.stringMatching(/field "venu": .*venue/),
    ]);
  });

  it('is in no kind folder when the site leaves its kind out', () => {
    useKinds(resolved({ place: false }).table);
    const paris = file('entities/places/paris.md', '---\nname: Paris\nsummary: A city.\nplaceType: city\n---\nText.\n');
    expect(problemsOf(() => parseContent([paris]))).toEqual([
      expect.stringMatching(
        /entities\/places\/paris\.md: is not in an entity kind folder; .* one of organizations, people, policies, concepts, products$/,
      ),
    ]);
  });
});
