/**
 * How well the linker finds entities, measured against a hand-made expectation: for every block of an article, the
 * entities a careful reader sees named in it. Pairs (block, entity) are the unit of precision and recall.
 */
import type { AnnotatedBlock } from './annotate.ts';

export interface ExpectedBlock {
  /** The first characters of the block's visible text. */
  block: string;
  entities: string[];
}

export interface HardCase {
  block: string;
  sentence: string;
  entities: string[];
  note?: string;
}

export interface Score {
  precision: number;
  recall: number;
  truePositives: number;
  /** Found but not expected, as "block id: entity id". */
  falsePositives: string[];
  /** Expected but not found. */
  falseNegatives: string[];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Pairs each expected block with the article's next block whose text starts with its prefix. */
export function alignBlocks<T extends { block: string }>(
  blocks: AnnotatedBlock[],
  expected: T[],
): [T, AnnotatedBlock][] {
  const passages = blocks.filter((b) => b.role !== 'heading');
  const pairs: [T, AnnotatedBlock][] = [];
  let from = 0;
  for (const item of expected) {
    const prefix = normalize(item.block);
    const index = passages.findIndex((b, i) => i >= from && normalize(b.text).startsWith(prefix));
    if (index < 0) throw new Error(`No block of the article starts with "${item.block}" (after block ${from})`);
    pairs.push([item, passages[index]!]);
    from = index + 1;
  }
  return pairs;
}

export function scoreBlocks(blocks: AnnotatedBlock[], expected: ExpectedBlock[]): Score {
  let truePositives = 0;
  const falsePositives: string[] = [];
  const falseNegatives: string[] = [];
  const seen = new Set<AnnotatedBlock>();
  for (const [item, block] of alignBlocks(blocks, expected)) {
    seen.add(block);
    const found = new Set(block.mentions.map((m) => m.entityId));
    const wanted = new Set(item.entities);
    for (const id of found)
      (wanted.has(id) ? () => truePositives++ : () => falsePositives.push(`${block.id}: ${id}`))();
    for (const id of wanted) if (!found.has(id)) falseNegatives.push(`${block.id}: ${id}`);
  }
  // A block the expectation forgot would hide its mentions from the score: count them as unexpected.
  for (const block of blocks) {
    if (block.role === 'heading' || seen.has(block)) continue;
    for (const id of new Set(block.mentions.map((m) => m.entityId)))
      falsePositives.push(`${block.id} (not in the expectation): ${id}`);
  }
  const found = truePositives + falsePositives.length;
  const wanted = truePositives + falseNegatives.length;
  return {
    precision: found ? truePositives / found : 1,
    recall: wanted ? truePositives / wanted : 1,
    truePositives,
    falsePositives,
    falseNegatives,
  };
}

/** The entities found inside one sentence of a block. */
export function entitiesInSentence(block: AnnotatedBlock, sentence: string): string[] {
  const start = block.text.indexOf(sentence);
  if (start < 0) throw new Error(`"${sentence}" is not in block ${block.id}`);
  const end = start + sentence.length;
  return [...new Set(block.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => m.entityId))].sort();
}
