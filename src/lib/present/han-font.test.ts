import { describe, expect, it } from 'vitest';
import { HAN_FAMILY, hanCodePoints, hanFontCss, planSlices, unicodeRange, type SliceCosts } from './han-font.ts';
import { slicesHolding } from './fontsource.ts';

const codes = (text: string) => [...text].map((char) => char.codePointAt(0)!);
const chars = (codePoints: readonly number[]) => String.fromCodePoint(...codePoints);

describe('hanCodePoints', () => {
  it('takes Han in both scripts, CJK punctuation and full-width forms, and nothing Latin', () => {
    const found = hanCodePoints('DeepSeek 深度求索, Kai-Fu Lee 李開復、“quoted” 「引」，é—');
    expect(chars([...found].sort((a, b) => a - b))).toBe(
      chars(codes('深度求索李開復、「引」，').sort((a, b) => a - b)),
    );
  });
});

describe('unicodeRange', () => {
  it('writes neighbours as one range and lone code points alone, in order', () => {
    expect(unicodeRange([0x9fa5, 0x4e00, 0x4e01, 0x4e02, 0x4e09])).toBe('U+4e00-4e02,U+4e09,U+9fa5');
    expect(unicodeRange([])).toBe('');
  });
});

describe('planSlices', () => {
  const costs: SliceCosts = { perSlice: 1000, perGlyph: 150, perRule: 0, maxGlyphs: 400 };
  // 50 characters on each of 100 pages, and ten pages with five characters of their own.
  const common = Array.from({ length: 50 }, (_, i) => 0x4e00 + i * 3);
  const own = (page: number) => Array.from({ length: 5 }, (_, i) => 0x6000 + page * 10 + i);
  const pages = [
    ...Array.from({ length: 100 }, () => new Set(common)),
    ...Array.from({ length: 10 }, (_, page) => new Set(own(page))),
  ];

  it('gives the characters every page shows one slice, and keeps rare ones out of it', () => {
    const slices = planSlices(pages, costs);
    expect(slices).toContainEqual(common);
    for (let page = 0; page < 10; page++) expect(slices).toContainEqual(own(page));
    expect(slices).toHaveLength(11);
  });

  it('puts every character in exactly one slice, whatever the costs', () => {
    for (const perSlice of [0, 1000, 6000, 1e9]) {
      const slices = planSlices(pages, { ...costs, perSlice });
      const all = slices.flat().sort((a, b) => a - b);
      expect(all).toEqual([...new Set(pages.flatMap((page) => [...page]))].sort((a, b) => a - b));
    }
  });

  it('joins what the same pages show into one slice when a request costs more than the glyphs it saves', () => {
    const mixed = Array.from({ length: 10 }, (_, page) => new Set([...common, ...own(page)]));
    expect(planSlices(mixed, costs)).toHaveLength(11);
    expect(planSlices(mixed, { ...costs, perSlice: 1e6 })).toHaveLength(1);
  });

  it('cuts no slice longer than its most glyphs', () => {
    const wide = [new Set(Array.from({ length: 1000 }, (_, i) => 0x4e00 + i))];
    const slices = planSlices(wide, { ...costs, perSlice: 1e9, maxGlyphs: 300 });
    expect(slices).toHaveLength(4);
    expect(Math.max(...slices.map((slice) => slice.length))).toBeLessThanOrEqual(300);
  });

  it('plans nothing for pages without Chinese, and the same plan every time', () => {
    expect(planSlices([new Set(), new Set()])).toEqual([]);
    expect(planSlices(pages)).toEqual(planSlices(pages));
  });
});

describe('hanFontCss', () => {
  it('names each slice with local faces first, then its file, swapped in when it arrives', () => {
    const css = hanFontCss([
      { href: '/_astro/han-a.woff2', codePoints: codes('深度') },
      { href: '/_astro/han-b.woff2', codePoints: codes('開') },
    ]);
    const rules = css.split('\n');
    expect(rules).toHaveLength(2);
    expect(rules[0]).toContain(`font-family:"${HAN_FAMILY}"`);
    expect(rules[0]).toContain('font-display:swap');
    expect(rules[0]).toMatch(
      /src:local\("[^"]+"\)(,local\("[^"]+"\))*,url\(\/_astro\/han-a\.woff2\) format\("woff2"\)/,
    );
    expect(rules[0]).toContain('unicode-range:U+5ea6,U+6df1');
    expect(rules[1]).toContain('unicode-range:U+958b');
  });
});

describe('slicesHolding', () => {
  it('finds both scripts in Noto Sans SC, each character in one slice', () => {
    const wanted = [...new Set(codes('深度求索李彦宏開復、'))];
    const held = slicesHolding(400, wanted);
    expect(held.flatMap(({ codePoints }) => codePoints).sort((a, b) => a - b)).toEqual(wanted.sort((a, b) => a - b));
  });
});
