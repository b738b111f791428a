import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { cardPool } from './card-pool.ts';
import { fontSlices, type FontFamily } from './fontsource.ts';
import { cardLayout, cardTextLayout, linesAtMost, type CardContent } from './social-card.ts';

const card = (over: Partial<CardContent> = {}): CardContent => ({
  title: 'Robin Li',
  label: 'Person',
  native: '李彦宏',
  subtitle: 'Co-founder and CEO of Baidu.',
  siteName: 'Dossier',
  accent: '#8a3b12',
  ...over,
});

describe('cardLayout', () => {
  it('loads the font slices that hold every character of the card: Latin from Noto Sans, Chinese from Noto Sans SC', () => {
    const fonts = cardLayout(card({ subtitle: 'Called open-source models an “IQ tax” (智商税).' })).fonts;
    const holding = (family: FontFamily, char: string) =>
      fontSlices(family, 700).some(
        (slice) =>
          fonts.some((font) => font.file === slice.woff) &&
          slice.ranges.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to),
      );
    // The label as drawn: in capitals; a clamped line's ellipsis too.
    for (const char of 'PERSONRobin LiCalled open-source models an “IQ tax” ().Dossier…')
      expect(holding('@fontsource/noto-sans', char), char).toBe(true);
    for (const char of '李彦宏智商税') expect(holding('@fontsource/noto-sans-sc', char), char).toBe(true);
    // Noto Sans first, so that it, not Noto Sans SC, draws the quotation marks: at their Latin width.
    const family = String((cardLayout(card()).tree.props.style as { fontFamily: string }).fontFamily).split(', ');
    expect(family[0]).toMatch(/^noto-sans-latin/);
    expect(family.findIndex((name) => name.startsWith('noto-sans-sc'))).toBeGreaterThan(0);
    expect(new Set(fonts.map((font) => font.weight))).toEqual(new Set([400, 700]));
    expect(
      cardLayout(card({ native: undefined, subtitle: 'Baidu.' })).fonts.some((font) => /-sc-/.test(font.file)),
    ).toBe(false);
  });

  it('sets a title large in two lines or smaller in three, and gives the subtitle the lines left', () => {
    expect(cardTextLayout({ title: 'Robin Li', native: '李彦宏', subtitle: 'CEO of Baidu.' })).toEqual({
      titleSize: 72,
      titleLines: 3,
      subtitleLines: 4,
    });
    const long = 'China’s “Open Source” Gambit: How DeepSeek, Alibaba and the State Rewrote the Rules of Frontier AI';
    expect(cardTextLayout({ title: long, subtitle: 'A dek.' })).toMatchObject({ titleSize: 56, subtitleLines: 4 });
    expect(cardTextLayout({ title: long, native: '深度求索', subtitle: 'A dek.' }).subtitleLines).toBe(2);
    expect(cardTextLayout({ title: long }).subtitleLines).toBe(0);
    expect(linesAtMost('梁文锋'.repeat(10), 72)).toBe(3);
  });
});

describe('cardPool', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-cards-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const worker = fileURLToPath(new URL('./card-worker.mjs', import.meta.url));

  it('draws each queued card as a 1200x630 PNG in its file, in parallel threads', async () => {
    const pool = cardPool(worker, 2);
    const files = ['a', 'b', 'c'].map((name) => join(folder, `${name}.png`));
    await Promise.all(files.map((file, i) => pool.draw({ layout: cardLayout(card({ title: `Card ${i}` })), file })));
    for (const file of files) {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // IHDR: width and height, big-endian, after the signature and the chunk's length and type.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });

  it('draws a long title and subtitle clear of the site name at the foot of the card', async () => {
    const pool = cardPool(worker, 1);
    const file = join(folder, 'long.png');
    const words = (word: string, count: number) => Array.from({ length: count }, () => word).join(' ');
    await pool.draw({
      layout: cardLayout(card({ title: words('Wordy', 30), native: '深度求索', subtitle: words('subtitle', 60) })),
      file,
    });
    // The band above the site name (its line starts 530 px down: the card's height less its padding and the line) is
    // the card's paper: the gap the layout keeps.
    const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const inked: number[] = [];
    for (let y = 508; y < 530; y++)
      for (let x = 96; x < 1128; x++) {
        const at = (y * info.width + x) * info.channels;
        if (data[at]! < 0xe0 || data[at + 1]! < 0xe0 || data[at + 2]! < 0xe0) inked.push(y);
      }
    expect(inked).toEqual([]);
  });

  it('rejects a card that cannot be drawn, and keeps drawing the others', async () => {
    const pool = cardPool(worker, 1);
    const bad = pool.draw({ layout: { ...cardLayout(card()), fonts: [] }, file: join(folder, 'bad.png') });
    const good = pool.draw({ layout: cardLayout(card()), file: join(folder, 'good.png') });
    await expect(bad).rejects.toThrow();
    await expect(good).resolves.toBeUndefined();
  });
});
