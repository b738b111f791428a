import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ARTICLE_COLOUR,
  BUILT_IN_KINDS,
  builtInKinds,
  contrast,
  entityKinds,
  kindCss,
  kindInfo,
  kindOfFolder,
  MAX_PASSAGE_PAGES,
  PAPER,
  passagePage,
  paths,
  PASSAGES_PER_PAGE,
  useKinds,
} from './kinds.ts';

afterEach(() => useKinds(BUILT_IN_KINDS));

describe('the kinds table', () => {
  const css = readFileSync(new URL('../../styles/global.css', import.meta.url), 'utf8');
  /** A colour of global.css, light and dark: `--color-x: light-dark(#light, #dark)`. */
  const colour = (name: string) => {
    const [, light, dark] = new RegExp(`--color-${name}:\\s*light-dark\\((#[0-9a-f]{6}),\\s*(#[0-9a-f]{6})\\)`).exec(
      css,
    )!;
    return { light, dark };
  };

  it('reads its colours against the paper global.css draws', () => {
    expect(colour('paper')).toEqual(PAPER);
  });

  it('gives articles the site’s accent colour', () => {
    expect(colour('accent')).toEqual(ARTICLE_COLOUR);
  });

  it('keeps every built-in kind colour readable as text on the paper of each mode (WCAG AA, 4.5:1)', () => {
    for (const { colour } of [...Object.values(BUILT_IN_KINDS), { colour: ARTICLE_COLOUR }]) {
      expect(contrast(colour.light, PAPER.light)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour.dark, PAPER.dark)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives each built-in kind its own folder, colour and shape', () => {
    for (const field of ['folder', 'shape'] as const)
      expect(new Set(builtInKinds.map((kind) => BUILT_IN_KINDS[kind][field])).size).toBe(builtInKinds.length);
    for (const mode of ['light', 'dark'] as const)
      expect(new Set(builtInKinds.map((kind) => BUILT_IN_KINDS[kind].colour[mode])).size).toBe(builtInKinds.length);
  });

  it('writes each kind’s colour, light and dark, as the --kind its badges and shapes draw with', () => {
    const rules = kindCss();
    for (const kind of builtInKinds) {
      const { light, dark } = BUILT_IN_KINDS[kind].colour;
      expect(rules).toContain(`[data-kind='${kind}'] {\n    --kind: light-dark(${light}, ${dark});`);
    }
  });
});

describe('the site’s kinds', () => {
  const event = {
    folder: 'events',
    singular: 'Event',
    plural: 'Events',
    colour: { light: '#7a4100', dark: '#f2b872' },
    shape: 'pentagon',
    schemaType: 'Event',
    work: false,
    speaks: false,
    fields: {},
  } as const;

  it('are the built-in ones until the site names its own', () => {
    expect(entityKinds()).toEqual(builtInKinds);
    expect(kindOfFolder('people')).toBe('person');
  });

  it('are what the site set, everywhere: folders, addresses, labels, colours', () => {
    useKinds({ person: BUILT_IN_KINDS.person, event });
    expect(entityKinds()).toEqual(['person', 'event']);
    expect(kindOfFolder('events')).toBe('event');
    expect(kindOfFolder('places')).toBeUndefined();
    expect(paths.entity('event', 'expo-2025')).toBe('/events/expo-2025/');
    expect(kindInfo('event').plural).toBe('Events');
    expect(kindCss()).toContain("[data-kind='event'] {\n    --kind: light-dark(#7a4100, ");
    expect(() => kindInfo('place')).toThrow('"place" is no entity kind of this site; expected one of person, event');
  });
});

describe('pages of passages', () => {
  // Two pages and a remainder too long for the last of them to take in.
  const passages = Array.from({ length: PASSAGES_PER_PAGE * 2 + 13 }, (_, index) => index);

  it('splits every passage over pages, none lost, none twice', () => {
    const { pages } = passagePage(passages, 1);
    expect(pages).toBe(3);
    const all = Array.from({ length: pages }, (_, index) => passagePage(passages, index + 1).items).flat();
    expect(all).toEqual(passages);
    expect(passagePage(passages, 3).items).toEqual(passages.slice(PASSAGES_PER_PAGE * 2));
  });

  it('lets the last page take in a remainder of up to a third of a page, so no page holds only a handful', () => {
    const count = (length: number) => {
      const list = Array.from({ length }, (_, index) => index);
      const { pages } = passagePage(list, 1);
      return Array.from({ length: pages }, (_, index) => passagePage(list, index + 1).items.length);
    };
    expect(count(PASSAGES_PER_PAGE + 2)).toEqual([PASSAGES_PER_PAGE + 2]);
    expect(count(PASSAGES_PER_PAGE + 10)).toEqual([PASSAGES_PER_PAGE + 10]);
    expect(count(PASSAGES_PER_PAGE + 11)).toEqual([PASSAGES_PER_PAGE, 11]);
    expect(count(PASSAGES_PER_PAGE * 2 + 10)).toEqual([PASSAGES_PER_PAGE, PASSAGES_PER_PAGE + 10]);
    expect(count(PASSAGES_PER_PAGE * 2)).toEqual([PASSAGES_PER_PAGE, PASSAGES_PER_PAGE]);
    const list = Array.from({ length: PASSAGES_PER_PAGE * 2 + 5 }, (_, index) => index);
    expect(passagePage(list, 2)).toMatchObject({ first: PASSAGES_PER_PAGE + 1, pages: 2 });
    expect(passagePage(list, 2).items.at(-1)).toBe(list.at(-1));
  });

  it('keeps an entity with few or no passages on one page', () => {
    expect(passagePage([], 1)).toEqual({ items: [], first: 1, page: 1, pages: 1 });
    expect(passagePage(passages.slice(0, PASSAGES_PER_PAGE), 1).pages).toBe(1);
  });

  it('holds more per page rather than make more than a set number of pages', () => {
    const many = Array.from({ length: PASSAGES_PER_PAGE * MAX_PASSAGE_PAGES * 3 }, (_, index) => index);
    const { pages, items } = passagePage(many, 1);
    expect(pages).toBe(MAX_PASSAGE_PAGES);
    expect(items).toHaveLength(PASSAGES_PER_PAGE * 3);
    expect(passagePage(many, 2).first).toBe(PASSAGES_PER_PAGE * 3 + 1);
  });

  it('puts the first page on the entity’s own page and the rest under it', () => {
    expect(paths.entityPassages('organization', 'deepseek', 1)).toBe('/organizations/deepseek/#in-the-articles');
    expect(paths.entityPassages('organization', 'deepseek', 2)).toBe('/organizations/deepseek/passages/2/');
  });
});
