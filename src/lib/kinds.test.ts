import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_PAGES, passagePage, paths, PASSAGES_PER_PAGE } from './kinds.ts';

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
