/**
 * Fonts as @fontsource ships them: each cut into slices by script or, for Noto Sans SC, by how common its characters
 * are on the web (about a hundred), each slice a WOFF and a WOFF2 file named with its unicode-range in the package's
 * stylesheets. The social cards take the slices of Noto Sans (Latin, Greek, Cyrillic) and Noto Sans SC that hold
 * their characters; the site's Chinese face takes Noto Sans SC's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The two families Dossier draws with: Noto Sans SC for Chinese, Noto Sans for the Latin text and punctuation. */
export type FontFamily = '@fontsource/noto-sans-sc' | '@fontsource/noto-sans';

export interface FontSlice {
  /** Absolute paths of the slice's two files. */
  woff: string;
  woff2: string;
  ranges: [number, number][];
}

const slicesByFont = new Map<string, FontSlice[]>();

/** A family's slices for a weight, from the @font-face rules of its stylesheet. */
export function fontSlices(family: FontFamily, weight: 400 | 700): FontSlice[] {
  let list = slicesByFont.get(`${family}/${weight}`);
  if (!list) {
    const fontFolder = dirname(createRequire(import.meta.url).resolve(`${family}/400.css`));
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
    if (!list.length) throw new Error(`${family}/${weight}.css lists no font files this code can read`);
    slicesByFont.set(`${family}/${weight}`, list);
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
  family: FontFamily = '@fontsource/noto-sans-sc',
): { slice: FontSlice; codePoints: number[] }[] {
  let wanted = [...codePoints];
  const held: { slice: FontSlice; codePoints: number[] }[] = [];
  for (const slice of fontSlices(family, weight)) {
    const inSlice = (code: number) => slice.ranges.some(([from, to]) => code >= from && code <= to);
    const mine = wanted.filter(inSlice);
    if (!mine.length) continue;
    held.push({ slice, codePoints: mine });
    wanted = wanted.filter((code) => !inSlice(code));
  }
  return held;
}

/** Noto Sans SC's slices for a weight. */
export const notoSansScSlices = (weight: 400 | 700): FontSlice[] => fontSlices('@fontsource/noto-sans-sc', weight);
