/**
 * Draws one social card in a worker thread (see card-pool.ts): satori lays the card's element tree out as SVG, resvg
 * rasterises it, and the PNG is written aside and renamed into place, so a build running at the same time never reads
 * half a card. Plain JavaScript, since Node strips no types from a file inside node_modules, where an installed
 * Dossier lives.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

const fontData = new Map();
/**
 * The font lists already handed to satori, by the files they hold: satori keeps the fonts it parsed for each list, so
 * handing it the same list again skips parsing them. Bounded, since each list holds its parsed fonts.
 */
const fontLists = new Map();
const MAX_FONT_LISTS = 32;

function fontList(fonts) {
  const key = fonts.map((font) => `${font.file}@${font.weight}`).join('|');
  let list = fontLists.get(key);
  if (list) {
    fontLists.delete(key); // most recently used last
  } else {
    list = fonts.map((font) => {
      let data = fontData.get(font.file);
      if (!data) fontData.set(font.file, (data = readFileSync(font.file)));
      return { name: font.name, data, weight: font.weight, style: 'normal' };
    });
    if (fontLists.size >= MAX_FONT_LISTS) fontLists.delete(fontLists.keys().next().value);
  }
  fontLists.set(key, list);
  return list;
}

/** @param {{ layout: import('./social-card.ts').CardLayout, file: string }} job */
export default async function drawCard({ layout, file }) {
  const svg = await satori(layout.tree, { width: layout.width, height: layout.height, fonts: fontList(layout.fonts) });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: layout.width } }).render().asPng();
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}-${threadId}`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}
