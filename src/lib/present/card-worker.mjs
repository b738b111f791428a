/**
 * Draws one social card in a worker thread (see card-pool.ts): satori lays the card's element tree out as SVG, sharp
 * (libvips) rasterises it to PNG, and the PNG is written aside and renamed into place, so a build running at the same
 * time never reads half a card. Plain JavaScript, since Node strips no types from a file inside node_modules, where
 * an installed Dossier lives.
 *
 * Not resvg: it keeps each card's pixels (3 MB) outside the JavaScript heap until the object holding them is
 * collected, which in a worker thread did not happen, and a 1,000-card build reached 4.7 GB; sharp frees them when it
 * is done, and draws a card in less time.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import satori from 'satori';
import sharp from 'sharp';

// The pool runs one card per core at a time: libvips needs no threads of its own beside it, and no cache, since no
// card is drawn twice (its cache held some 20 MB of a 1,000-card build's peak).
sharp.concurrency(1);
sharp.cache(false);

/** The font files, read once per worker: a card names the slices it needs, and most cards share them. */
const fontData = new Map();

/** The card's fonts for satori, their data read once; satori keeps what it parsed for the last few lists. */
function fontList(fonts) {
  return fonts.map((font) => {
    let data = fontData.get(font.file);
    if (!data) fontData.set(font.file, (data = readFileSync(font.file)));
    return { name: font.name, data, weight: font.weight, style: 'normal' };
  });
}

/** @param {{ layout: import('./social-card.ts').CardLayout, file: string }} job */
export default async function drawCard({ layout, file }) {
  const svg = await satori(layout.tree, { width: layout.width, height: layout.height, fonts: fontList(layout.fonts) });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}
