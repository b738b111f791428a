/**
 * Noto Sans SC as @fontsource/noto-sans-sc ships it: the font cut into about a hundred slices by how common their
 * characters are on the web, each a WOFF and a WOFF2 file named with its unicode-range in the package's stylesheets.
 * The social cards and the site's Chinese face take the slices that hold their characters.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface NotoSansScSlice {
  /** Absolute paths of the slice's two files. */
  woff: string;
  woff2: string;
  ranges: [number, number][];
}

const fontFolder = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));
const slicesByWeight = new Map<number, NotoSansScSlice[]>();

/** The font's slices for a weight, from the @font-face rules of its stylesheet. */
export function notoSansScSlices(weight: 400 | 700): NotoSansScSlice[] {
  let list = slicesByWeight.get(weight);
  if (!list) {
    const css = readFileSync(join(fontFolder, `${weight}.css`), 'utf8');
    list = [
      ...css.matchAll(
        /url\(\.\/(files\/[^)]+\.woff2)\) format\('woff2'\), url\(\.\/(files\/[^)]+\.woff)\) format\('woff'\);\s*unicode-range: ([^;]+);/g,
      ),
    ].map(([, woff2, woff, ranges]) => ({
      woff2: join(fontFolder, woff2!),
      woff: join(fontFolder, woff!),
      ranges: ranges!.split(',').map((range) => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      }),
    }));
    if (!list.length) throw new Error(`@fontsource/noto-sans-sc/${weight}.css lists no font files this code can read`);
    slicesByWeight.set(weight, list);
  }
  return list;
}

/**
 * The slices holding the code points, each with those it is to draw: a code point two slices hold (a few
 * punctuation marks) goes to the first, so no character is drawn from two files.
 */
export function slicesHolding(
  weight: 400 | 700,
  codePoints: Iterable<number>,
): { slice: NotoSansScSlice; codePoints: number[] }[] {
  let wanted = [...codePoints];
  const held: { slice: NotoSansScSlice; codePoints: number[] }[] = [];
  for (const slice of notoSansScSlices(weight)) {
    const inSlice = (code: number) => slice.ranges.some(([from, to]) => code >= from && code <= to);
    const mine = wanted.filter(inSlice);
    if (!mine.length) continue;
    held.push({ slice, codePoints: mine });
    wanted = wanted.filter((code) => !inSlice(code));
  }
  return held;
}
