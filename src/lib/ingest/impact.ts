/**
 * What accepting entities would do to what is published: every mention the site's articles gain or lose, each with
 * its sentence, and the aliases that would link so widely that they must be common words.
 */
import type { AnnotatedBlock } from '../link/annotate.ts';

export interface MentionChange {
  article: string;
  block: string;
  entityId: string;
  /** The words matched. */
  text: string;
  /** The sentence holding them. */
  sentence: string;
  linked: boolean;
  change: 'added' | 'removed';
}

const mentionKey = (block: AnnotatedBlock, mention: AnnotatedBlock['mentions'][number]) =>
  `${block.id}\u0000${mention.entityId}\u0000${mention.start}\u0000${mention.end}`;

/** The mentions that differ between two indexes of the same articles. */
export function mentionChanges(
  before: Map<string, AnnotatedBlock[]>,
  after: Map<string, AnnotatedBlock[]>,
): MentionChange[] {
  const changes: MentionChange[] = [];
  const diff = (
    from: Map<string, AnnotatedBlock[]>,
    to: Map<string, AnnotatedBlock[]>,
    change: MentionChange['change'],
  ) => {
    for (const [article, blocks] of to) {
      const known = new Set(
        (from.get(article) ?? []).flatMap((block) => block.mentions.map((mention) => mentionKey(block, mention))),
      );
      for (const block of blocks) {
        for (const mention of block.mentions) {
          if (known.has(mentionKey(block, mention))) continue;
          changes.push({
            article,
            block: block.id,
            entityId: mention.entityId,
            text: block.text.slice(mention.start, mention.end),
            sentence: sentenceAround(block.text, mention.start, mention.end),
            linked: mention.linked,
            change,
          });
        }
      }
    }
  };
  diff(before, after, 'added');
  diff(after, before, 'removed');
  return changes;
}

/** The sentence of a text holding the span [start, end). */
export function sentenceAround(text: string, start: number, end: number): string {
  const boundaries = [...text.matchAll(/[.!?。！？…]["”’)]*\s+/gu)].map((match) => match.index + match[0].length);
  const from = Math.max(0, ...boundaries.filter((at) => at <= start));
  const to = Math.min(text.length, ...boundaries.filter((at) => at >= end));
  return text.slice(from, to).trim();
}

/** Above this share of the other articles' paragraphs, an alias is a common word, not a name. */
export const COMMON_WORD_SHARE = 0.05;

export interface CommonAlias {
  entityId: string;
  alias: string;
  paragraphs: number;
  of: number;
}

/**
 * Aliases of the accepted entities that would be found in more than `COMMON_WORD_SHARE` of the paragraphs of the
 * articles they were not drafted from (at least three): `AI`, `All`, `Following`.
 */
export function commonAliases(after: Map<string, AnnotatedBlock[]>, accepted: Map<string, Set<string>>): CommonAlias[] {
  const found: CommonAlias[] = [];
  for (const [entityId, sources] of accepted) {
    const others = [...after]
      .filter(([article]) => !sources.has(article))
      .flatMap(([article, blocks]) =>
        blocks.filter((block) => block.role !== 'heading').map((block) => ({ article, block })),
      );
    if (!others.length) continue;
    const byAlias = new Map<string, Set<string>>();
    for (const { article, block } of others) {
      for (const mention of block.mentions) {
        if (mention.entityId !== entityId) continue;
        const alias = block.text.slice(mention.start, mention.end);
        byAlias.set(alias, (byAlias.get(alias) ?? new Set()).add(`${article}#${block.id}`));
      }
    }
    for (const [alias, paragraphs] of byAlias) {
      if (paragraphs.size >= 3 && paragraphs.size > others.length * COMMON_WORD_SHARE)
        found.push({ entityId, alias, paragraphs: paragraphs.size, of: others.length });
    }
  }
  return found;
}
