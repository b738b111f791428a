/**
 * The map of a long article: its table of contents, from the headings the site index found (their ids are the
 * headings' own, so each entry lands on its heading), and how long it takes to read.
 */
import type { AnnotatedBlock } from '../link/annotate.ts';

export interface ContentsEntry {
  id: string;
  title: string;
  /** The subsections under it, one level down. */
  children: ContentsEntry[];
}

/**
 * The article's sections in reading order, with their subsections one level down. The top level is the highest
 * heading the article has (most use `##`, some start at `###`); headings deeper than one level below it stay out,
 * so the map stays short. A subsection before any section is listed as a section.
 */
export function articleContents(blocks: readonly AnnotatedBlock[]): ContentsEntry[] {
  const headings = blocks.filter(
    (block): block is AnnotatedBlock & { level: number } => block.role === 'heading' && block.level !== undefined,
  );
  if (!headings.length) return [];
  const top = Math.min(...headings.map((heading) => heading.level));
  const contents: ContentsEntry[] = [];
  for (const { id, text, level } of headings) {
    const entry = { id, title: text.trim(), children: [] };
    if (!entry.title || level > top + 1) continue;
    const parent = contents.at(-1);
    if (level === top || !parent) contents.push(entry);
    else parent.children.push(entry);
  }
  return contents;
}

/** Reading speeds: English words a minute, and Han characters a minute for Chinese. */
export const WORDS_PER_MINUTE = 230;
export const HAN_PER_MINUTE = 400;

const HAN = /\p{Script=Han}/gu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** How many minutes the article's text takes to read, at least one: its words, and its Han characters apart. */
export function readingMinutes(blocks: readonly AnnotatedBlock[]): number {
  let words = 0;
  let han = 0;
  for (const { text } of blocks) {
    han += text.match(HAN)?.length ?? 0;
    words += text.replace(HAN, ' ').match(WORD)?.length ?? 0;
  }
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + han / HAN_PER_MINUTE));
}
