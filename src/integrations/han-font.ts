/**
 * The site's Chinese face, written once the pages are: the Han characters of every built page, planned into
 * frequency slices (src/lib/present/han-font.ts), each subset from Noto Sans SC into a WOFF2 of its own under
 * `_astro/` (named by its content, so it is cached for good), and the stylesheet naming them, `fonts/han.css`, which
 * every page links. A reader without a Chinese font fetches only the slices of the page's characters.
 *
 * @fontsource/noto-sans-sc ships the font in the web's frequency slices, not whole, and the site's characters fall
 * in dozens of them (the first site's 197 in 44): one file each would cost a page 44 requests and 44 copies of the
 * font's tables. So the slices holding the site's characters are read down to those characters and merged into one
 * font (fonteditor-core), which harfbuzz (subset-font) then cuts into the site's own slices.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createFont } from 'fonteditor-core';
import fontverter from 'fontverter';
import subsetFont from 'subset-font';
import { withBase } from '../lib/build/site-url.ts';
import { cacheKey, writeCacheEntry } from '../lib/index/document-cache.ts';
import { HAN_STYLESHEET, hanCodePoints, hanFontCss, planSlices, type HanSliceFile } from '../lib/present/han-font.ts';
import { notoSansScSlices, slicesHolding } from '../lib/present/fontsource.ts';

/** Every built page's HTML file under the output folder (Pagefind's files are no pages). */
function pageFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind'))
    .sort()
    .map((path) => join(dir, path));
}

/** One TrueType font with the glyphs of the code points, gathered from the package's slices. */
async function mergedFont(codePoints: Iterable<number>): Promise<Buffer> {
  let merged: ReturnType<typeof createFont> | undefined;
  for (const { slice, codePoints: held } of slicesHolding(400, codePoints)) {
    const ttf = await fontverter.convert(readFileSync(slice.woff2), 'sfnt');
    const font = createFont(ttf, { type: 'ttf', subset: held, hinting: true });
    if (merged) merged.merge(font, { scale: 1 });
    else merged = font;
  }
  return merged!.write({ type: 'ttf', hinting: true, toBuffer: true });
}

/** Whether a file of an output folder is part of the Chinese face (its stylesheet or a slice), by its path there. */
export const isHanFaceFile = (file: string) => file === HAN_STYLESHEET || /^_astro\/han-[0-9a-f]+\.woff2$/.test(file);

/**
 * Writes the Chinese face of the pages in `out` (a built site): the slices under `_astro/` and the stylesheet. A
 * merge of shards writes it again over the whole site, since each shard's face was planned for its own pages.
 */
export async function writeHanFace(out: string, base: string, cache?: string): Promise<string> {
  const started = performance.now();
  const pages = pageFiles(out).map((file) => hanCodePoints(readFileSync(file, 'utf8')));
  const slices = planSlices(pages);
  const files: HanSliceFile[] = [];
  let bytes = 0;
  let fromCache = 0;
  let font: Promise<Buffer> | undefined;
  mkdirSync(join(out, '_astro'), { recursive: true });
  for (const codePoints of slices) {
    const kept = cache && join(cache, `${cacheKey(FACE_TOOLS, codePoints)}.woff2`);
    let woff2: Buffer;
    if (kept && existsSync(kept)) {
      woff2 = readFileSync(kept);
      fromCache++;
    } else {
      // Merged once, and only when a slice is not in the cache: most of the face's time is this and the subsetting.
      font ??= mergedFont(slices.flat());
      woff2 = await subsetFont(await font, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' });
      if (kept) writeCacheEntry(kept, woff2);
    }
    const name = `han-${createHash('sha256').update(woff2).digest('hex').slice(0, 10)}.woff2`;
    writeFileSync(join(out, '_astro', name), woff2);
    files.push({ href: withBase(base, `/_astro/${name}`), codePoints });
    bytes += woff2.length;
  }
  mkdirSync(join(out, 'fonts'), { recursive: true });
  writeFileSync(join(out, HAN_STYLESHEET), `${hanFontCss(files)}\n`);
  const characters = slices.reduce((sum, slice) => sum + slice.length, 0);
  return (
    `Chinese face: ${characters} characters in ${slices.length} slices (${fromCache} from the cache), ` +
    `${(bytes / 1024).toFixed(1)} kB, in ${((performance.now() - started) / 1000).toFixed(1)} s`
  );
}

/**
 * The face `astro dev` serves, where no built pages say which characters are needed: the package's own frequency
 * slices, each under `fonts/dev/`, so the browser still fetches only the slices of the page's characters. What the
 * dev server answers for each address: the stylesheet at `fonts/han.css`, and every slice's file.
 */
export function devHanFace(base: string): Map<string, { type: string; body: () => Buffer | string }> {
  const slices = notoSansScSlices(400);
  const served = new Map<string, { type: string; body: () => Buffer | string }>();
  const files: HanSliceFile[] = slices.map(({ woff2, ranges }) => {
    const href = withBase(base, `/fonts/dev/${basename(woff2)}`);
    served.set(href, { type: 'font/woff2', body: () => readFileSync(woff2) });
    const codePoints = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));
    return { href, codePoints };
  });
  const css = `${hanFontCss(files)}\n`;
  served.set(withBase(base, `/${HAN_STYLESHEET}`), { type: 'text/css; charset=utf-8', body: () => css });
  return served;
}

/** The face of the built site, its slices kept in `cache` between builds: a rebuild with the same characters reuses them. */
export function hanFont(base: string, cache: string): AstroIntegration {
  return {
    name: 'dossier-han-font',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const served = devHanFace(base);
        server.middlewares.use((request, response, next) => {
          const file = served.get((request.url ?? '').split('?')[0]!);
          if (!file) return next();
          response.setHeader('Content-Type', file.type);
          response.end(file.body());
        });
      },
      'astro:build:done': async ({ dir, logger }) => logger.info(await writeHanFace(fileURLToPath(dir), base, cache)),
    },
  };
}

/** A package's version, from the package.json above its entry (not every package exports its package.json). */
function packageVersion(name: string): string {
  for (let dir = dirname(createRequire(import.meta.url).resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (found === name && version) return version;
    }
  }
  return 'unknown';
}

/** What a slice is cut with: a cached slice from other fonts or another subsetter is a miss. */
const FACE_TOOLS = ['@fontsource/noto-sans-sc', 'subset-font', 'fonteditor-core'].map(
  (name) => `${name}@${packageVersion(name)}`,
);
