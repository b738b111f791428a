/**
 * The site's Chinese face, planned from the pages' own characters: which characters it needs, how they are cut into
 * slices (one font file each, named by a CSS `unicode-range`, so a browser fetches only the slices whose characters
 * its page holds), and the `@font-face` rules that name them. Pure: the build hook (src/integrations/han-font.ts)
 * reads the pages, subsets the font and writes the files.
 */

/** What the Chinese face draws: Han characters, CJK punctuation (、。「」) and full-width forms (，：). */
const HAN_FACE_CHARACTER = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu;

/** The code points of a text that the Chinese face draws, each once. */
export function hanCodePoints(text: string): Set<number> {
  return new Set(Array.from(text.matchAll(HAN_FACE_CHARACTER), ([char]) => char.codePointAt(0)!));
}

/**
 * What a slice costs a page that needs it, in bytes. A subset WOFF2 of Noto Sans SC has about 500 bytes of tables
 * whatever it holds and about 150 bytes per Han glyph (measured on the first site's slices); a request is counted
 * as 5 kB more, so that a page fetches a few slices rather than dozens of tiny ones (on the first site, 6 kB a slice
 * gives 9 slices and 5 requests for the article; 1 kB gives 55 slices and 29 requests for 8 kB less).
 */
export interface SliceCosts {
  perSlice: number;
  perGlyph: number;
  /** What a slice's rule adds to the stylesheet every page loads (gzip). */
  perRule: number;
  /** The most characters one slice takes: past it, a slice is mostly glyphs its pages never show. */
  maxGlyphs: number;
}

export const SLICE_COSTS: SliceCosts = { perSlice: 6000, perGlyph: 150, perRule: 40, maxGlyphs: 400 };

/**
 * Cuts the characters of a site's pages into slices so the pages fetch the fewest bytes in all. Characters go in
 * order of how many pages show them (then by code point, so the plan is the same every build): the characters on
 * nearly every page share the first slice, rare ones come after. Where to cut that order is chosen exactly, by
 * dynamic programming: a slice costs its fixed part plus its glyphs on every page that holds any of its characters,
 * and its rule in the stylesheet on every page.
 * Returns the slices, each its code points in ascending order.
 */
export function planSlices(pages: readonly ReadonlySet<number>[], costs: SliceCosts = SLICE_COSTS): number[][] {
  const pagesOf = new Map<number, number[]>();
  pages.forEach((codePoints, page) => {
    for (const codePoint of codePoints) {
      const list = pagesOf.get(codePoint);
      if (list) list.push(page);
      else pagesOf.set(codePoint, [page]);
    }
  });
  const order = [...pagesOf.keys()].sort((a, b) => pagesOf.get(b)!.length - pagesOf.get(a)!.length || a - b);
  const count = order.length;
  // best[j]: the least total cost of the first j characters in slices; cut[j]: where its last slice starts.
  const best = new Float64Array(count + 1).fill(Infinity);
  const cut = new Int32Array(count + 1);
  best[0] = 0;
  // seen[page] === j marks a page already counted for slices ending at character j.
  const seen = new Int32Array(pages.length).fill(-1);
  for (let end = 1; end <= count; end++) {
    let pagesTouched = 0;
    for (let start = end - 1; start >= Math.max(0, end - costs.maxGlyphs); start--) {
      for (const page of pagesOf.get(order[start]!)!) {
        if (seen[page] !== end) {
          seen[page] = end;
          pagesTouched++;
        }
      }
      const cost =
        best[start]! + (costs.perSlice + costs.perGlyph * (end - start)) * pagesTouched + costs.perRule * pages.length;
      if (cost < best[end]!) {
        best[end] = cost;
        cut[end] = start;
      }
    }
  }
  const slices: number[][] = [];
  for (let end = count; end > 0; end = cut[end]!) slices.unshift(order.slice(cut[end], end).sort((a, b) => a - b));
  return slices;
}

/** A CSS `unicode-range` for the code points, in order, runs of neighbours written as one range. */
export function unicodeRange(unordered: readonly number[]): string {
  const codePoints = unordered.toSorted((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < codePoints.length;) {
    let j = i;
    while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j]! + 1) j++;
    const hex = (codePoint: number) => codePoint.toString(16);
    ranges.push(j > i ? `U+${hex(codePoints[i]!)}-${hex(codePoints[j]!)}` : `U+${hex(codePoints[i]!)}`);
    i = j + 1;
  }
  return ranges.join(',');
}

/** The family name the site's stylesheets put after the system's own Chinese faces. */
export const HAN_FAMILY = 'Dossier Han';

/**
 * Chinese faces a reader may have installed, by the PostScript names `local()` matches: the browser uses the first
 * it finds and downloads nothing. The font stacks name the systems' own faces (PingFang, Microsoft YaHei) before
 * this one, so they are not repeated here; these catch the installs the stacks do not name (Source Han Sans,
 * Google's Noto Sans SC) and Noto Sans CJK by its PostScript name.
 */
const LOCAL_FACES = ['NotoSansCJKsc-Regular', 'SourceHanSansSC-Regular', 'NotoSansSC-Regular'];

export interface HanSliceFile {
  /** The address the page fetches it from. */
  href: string;
  codePoints: readonly number[];
}

/**
 * The `@font-face` rules of the slices: local faces first, then the slice's file, shown with a fallback until it
 * arrives (`swap`). One weight, the default 400: bold Chinese is rare on the site's pages, and the browser draws it
 * by emboldening the regular glyphs rather than fetching a second set.
 */
export function hanFontCss(slices: readonly HanSliceFile[]): string {
  const local = LOCAL_FACES.map((name) => `local("${name}")`).join(',');
  return slices
    .map(
      ({ href, codePoints }) =>
        `@font-face{font-family:"${HAN_FAMILY}";font-display:swap;` +
        `src:${local},url(${href}) format("woff2");unicode-range:${unicodeRange(codePoints)}}`,
    )
    .join('\n');
}

/** The stylesheet of the slices, under the output folder; every page links it. */
export const HAN_STYLESHEET = 'fonts/han.css';
