import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cardPool } from './card-pool.ts';
import { notoSansScSlices } from './noto-sans-sc.ts';
import { cardLayout, type CardContent } from './social-card.ts';

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
  it('loads the font slices that hold every character of the card, more of them for a Chinese name', () => {
    const chinese = cardLayout(card()).fonts;
    const latin = cardLayout(card({ native: undefined })).fonts;
    const latinFiles = new Set(latin.map((font) => font.file));
    expect(chinese.filter((font) => !latinFiles.has(font.file)).length).toBeGreaterThan(0);
    // Every character of the text is in one of the slices loaded for its weight.
    const ranges = notoSansScSlices(700)
      .filter((slice) => chinese.some((font) => font.file === slice.woff))
      .flatMap((slice) => slice.ranges);
    // The label as drawn: in capitals.
    for (const char of 'PERSONRobin Li李彦宏Co-founder and CEO of Baidu.Dossier')
      expect(
        ranges.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to),
        char,
      ).toBe(true);
    expect(new Set(chinese.map((font) => font.weight))).toEqual(new Set([400, 700]));
  });

  it('clips a long title and summary with an ellipsis', () => {
    const text = JSON.stringify(cardLayout(card({ title: 'word '.repeat(60), subtitle: 'more '.repeat(80) })).tree);
    expect(text).toContain('…');
    expect(text).not.toContain('word '.repeat(30));
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

  it('rejects a card that cannot be drawn, and keeps drawing the others', async () => {
    const pool = cardPool(worker, 1);
    const bad = pool.draw({ layout: { ...cardLayout(card()), fonts: [] }, file: join(folder, 'bad.png') });
    const good = pool.draw({ layout: cardLayout(card()), file: join(folder, 'good.png') });
    await expect(bad).rejects.toThrow();
    await expect(good).resolves.toBeUndefined();
  });
});
