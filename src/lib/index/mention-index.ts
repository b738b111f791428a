/**
 * The mention index, gathered from the blocks the linker returned: entity -> passages (article, section, block id,
 * excerpt with the mention marked, the quote a lead-in introduces), reader comments apart, speaker -> quotations,
 * mentions per article, co-mentions, and which entity descriptions mention whom.
 */
import type { EntityId } from '../content/content-schema.ts';
import { knownEntityId, type Content } from '../content/registry.ts';
import type { AnnotatedBlock } from '../link/annotate.ts';
import { articleVoices, type Quotation, type QuotedWords } from '../link/voices.ts';

export interface Excerpt {
  text: string;
  /** Ranges of `text` that name the entity. */
  marks: [number, number][];
}

export interface Passage {
  articleSlug: string;
  blockId: string;
  section?: { id: string; title: string };
  excerpt: Excerpt;
  /** The quote or interview the passage leads into ("put it bluntly:"), shown with it. */
  introduces?: QuotedWords;
}

export interface MentionIndex {
  /** Entity id -> every passage of every article that mentions it, in article order; reader comments aside. */
  passages: Map<EntityId, Passage[]>;
  /** Entity id -> the reader comments that mention it: linked, never counted as reporting. */
  commentPassages: Map<EntityId, Passage[]>;
  /** Entity id -> what the articles quote it saying, in article order. */
  quotations: Map<EntityId, Quotation[]>;
  /**
   * Entity id -> other entity id -> number of passages naming both (symmetric; headings and reader comments do not
   * count). A quoted passage names its speaker, and an interview turn everyone speaking in the interview.
   */
  coMentions: Map<EntityId, Map<EntityId, number>>;
}

/** What only an article's own page shows. */
export interface ArticleMentions {
  /** Entity id -> number of mentions in the article. */
  mentionCounts: Map<EntityId, number>;
  /** Every quote and interview turn, by speaker, in reading order. */
  quotations: Quotation[];
}

/**
 * From the linked blocks of every article of `content`, in article order; each article comes back with its own
 * mentions. Ids are the linker's plain text, each taken as the id of the entity it names (they all name one: the
 * matcher knows only the content's aliases, and a quote naming no entity stopped the build when it was rendered).
 */
export function gatherMentions<Article extends { slug: string; blocks: readonly AnnotatedBlock[] }>(
  content: Content,
  articles: readonly Article[],
): MentionIndex & { articles: (Article & ArticleMentions)[] } {
  const index: MentionIndex = {
    passages: new Map(),
    commentPassages: new Map(),
    quotations: new Map(),
    coMentions: new Map(),
  };
  const known = (ids: readonly string[]) => ids.flatMap((id) => knownEntityId(content, id) ?? []);
  const count = (a: EntityId, b: EntityId) => {
    const row = index.coMentions.get(a) ?? new Map<EntityId, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    index.coMentions.set(a, row);
  };
  const gathered = articles.map((article) => {
    const { slug, blocks } = article;
    const mentionCounts = new Map<EntityId, number>();
    const voices = articleVoices(slug, blocks);
    for (const block of blocks) {
      if (block.role === 'heading') continue;
      const marksByEntity = new Map<EntityId, [number, number][]>();
      for (const mention of block.mentions) {
        const entityId = knownEntityId(content, mention.entityId);
        if (!entityId) continue;
        mentionCounts.set(entityId, (mentionCounts.get(entityId) ?? 0) + 1);
        marksByEntity.set(entityId, [...(marksByEntity.get(entityId) ?? []), [mention.start, mention.end]]);
      }
      // A reader's comment is linked on the article, and kept apart from the reporting everywhere else.
      const comment = block.voice?.kind === 'comment';
      const introduces = voices.introduced.get(block.id);
      for (const [entityId, marks] of marksByEntity) {
        const into = comment ? index.commentPassages : index.passages;
        const list = into.get(entityId) ?? [];
        list.push({
          articleSlug: slug,
          blockId: block.id,
          ...(block.section ? { section: block.section } : {}),
          excerpt: excerptOf(block.text, marks, introduces !== undefined),
          ...(introduces ? { introduces } : {}),
        });
        into.set(entityId, list);
      }
      if (comment) continue;
      const present = [...new Set([...marksByEntity.keys(), ...known(voices.speakersAround.get(block.id) ?? [])])];
      for (const a of present) for (const b of present) if (a !== b) count(a, b);
    }
    for (const quotation of voices.quotations) {
      const speaker = 'entityId' in quotation.speaker ? knownEntityId(content, quotation.speaker.entityId) : undefined;
      if (speaker) index.quotations.set(speaker, [...(index.quotations.get(speaker) ?? []), quotation]);
    }
    return { ...article, mentionCounts, quotations: voices.quotations };
  });
  return { ...index, articles: gathered };
}

/**
 * Entity id -> ids of the other entities whose descriptions mention it, from each description's linked blocks, in
 * the order given. A description never mentions its own entity (the linker leaves those out).
 */
export function mentionedOn(
  content: Content,
  descriptions: readonly { id: EntityId; blocks: readonly AnnotatedBlock[] }[],
): Map<EntityId, EntityId[]> {
  const on = new Map<EntityId, EntityId[]>();
  for (const { id, blocks } of descriptions) {
    const named = new Set(
      blocks.flatMap((block) => block.mentions.flatMap((mention) => knownEntityId(content, mention.entityId) ?? [])),
    );
    for (const other of named) on.set(other, [...(on.get(other) ?? []), id]);
  }
  return on;
}

const EXCERPT_RADIUS = 220;

/**
 * A window of the block's text around its first mark, cut at word boundaries, with the marks moved to match.
 * `toEnd` keeps the text's end: a passage leading into a quote must end where the quote begins.
 */
export function excerptOf(text: string, marks: [number, number][], toEnd = false): Excerpt {
  const first = marks[0];
  if (!first || text.length <= EXCERPT_RADIUS * 2) return { text, marks };
  let from = Math.max(0, first[0] - EXCERPT_RADIUS);
  let to = toEnd ? text.length : Math.min(text.length, first[1] + EXCERPT_RADIUS);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > first[1] ? text.lastIndexOf(' ', to) : to;
  const head = from > 0 ? '… ' : '';
  const tail = to < text.length ? ' …' : '';
  return {
    text: head + text.slice(from, to).trim() + tail,
    marks: marks
      .filter(([s, e]) => s >= from && e <= to)
      .map(([s, e]) => [s - from + head.length, e - from + head.length]),
  };
}
