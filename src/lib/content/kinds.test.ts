import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_COLOUR, entityKinds, KINDS, MAX_PASSAGE_PAGES, passagePage, paths, PASSAGES_PER_PAGE } from './kinds.ts';

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = hex.match(/[0-9a-f]{2}/gi)!.map((pair) => parseInt(pair, 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe('the kinds table', () => {
  const css = readFileSync(new URL('../../styles/global.css', import.meta.url), 'utf8');
  const block = css.slice(css.indexOf('/* Kind colours'), css.indexOf('.kind-badge'));
  const [lightRules, darkRules] = block.split('@media (prefers-color-scheme: dark)');
  /** The colour the CSS gives each kind: its own rule, or the `[data-kind]` default. */
  const cssColours = (rules: string) => {
    const found = new Map([...rules.matchAll(/\[data-kind(?:=["'](\w+)["'])?\]\s*\{\s*--kind:\s*(#[0-9a-f]{6});/g)].map((m) => [m[1] ?? '', m[2]!]));
    for (const kind of found.keys()) if (kind) expect(entityKinds).toContain(kind);
    return Object.fromEntries(entityKinds.map((kind) => [kind, found.get(kind) ?? found.get('')]));
  };
  const paper = (rules: string) => rules.match(/--color-paper:\s*(#[0-9a-f]{6})/)![1]!;

  it('gives every kind the colours global.css draws it in, light and dark', () => {
    expect(cssColours(lightRules!)).toEqual(Object.fromEntries(entityKinds.map((kind) => [kind, KINDS[kind].colour.light])));
    expect(cssColours(darkRules!)).toEqual(Object.fromEntries(entityKinds.map((kind) => [kind, KINDS[kind].colour.dark])));
  });

  it('gives articles the site’s accent colour', () => {
    expect(css.slice(0, css.indexOf('@layer base')).match(/--color-accent:\s*(#[0-9a-f]{6})/)![1]).toBe(ARTICLE_COLOUR.light);
    expect(css.slice(css.indexOf('prefers-color-scheme: dark')).match(/--color-accent:\s*(#[0-9a-f]{6})/)![1]).toBe(ARTICLE_COLOUR.dark);
  });

  it('keeps every kind colour readable as text on the paper of each mode (WCAG AA, 4.5:1)', () => {
    const light = paper(css.slice(0, css.indexOf('@layer base')));
    const dark = paper(css.slice(css.indexOf('prefers-color-scheme: dark')));
    for (const { colour } of [...Object.values(KINDS), { colour: ARTICLE_COLOUR }]) {
      expect(contrast(colour.light, light)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colour.dark, dark)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives each kind its own folder, colour and shape', () => {
    for (const field of ['folder', 'shape'] as const) expect(new Set(entityKinds.map((kind) => KINDS[kind][field])).size).toBe(entityKinds.length);
    expect(new Set(entityKinds.map((kind) => KINDS[kind].colour.light)).size).toBe(entityKinds.length);
    expect(new Set(entityKinds.map((kind) => KINDS[kind].colour.dark)).size).toBe(entityKinds.length);
  });
});


describe('pages of passages', () => {
  const passages = Array.from({ length: PASSAGES_PER_PAGE * 2 + 3 }, (_, index) => index);

  it('splits every passage over pages, none lost, none twice', () => {
    const { pages } = passagePage(passages, 1);
    expect(pages).toBe(3);
    const all = Array.from({ length: pages }, (_, index) => passagePage(passages, index + 1).items).flat();
    expect(all).toEqual(passages);
    expect(passagePage(passages, 3).items).toEqual([PASSAGES_PER_PAGE * 2, PASSAGES_PER_PAGE * 2 + 1, PASSAGES_PER_PAGE * 2 + 2]);
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
