/**
 * Who speaks in each block of a linked document: the words of a `<Quote>` belong to its speaker (an entity, or a
 * described source with no page), an interview turn to the entity its label names (`**Liang:**`, resolved by the
 * matcher like any weak alias), and a `<Comment>` is a reader's, not the article's reporting. Runs over the tree
 * the linker annotated, before the article components are expanded, so it sees the components as they were written.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { AnnotatedBlock, Voice } from './annotate.ts';
import type { MdxNode } from '../content/markdown.ts';

type AnyNode = Root | RootContent | ElementContent | MdxNode;
const childrenOf = (node: AnyNode): AnyNode[] =>
  'children' in node && node.children ? (node.children as AnyNode[]) : [];
const isElement = (node: AnyNode): node is Element => node.type === 'element';

function attribute(node: MdxNode, name: string): string | undefined {
  const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function textOf(node: AnyNode): string {
  return node.type === 'text' ? (node as { value: string }).value : childrenOf(node).map(textOf).join('');
}

/** The bold label a turn opens with ("Liang:"), or nothing when the paragraph does not open with one. */
function turnLabel(element: Element): string | undefined {
  const first = element.children.find((child) => !(child.type === 'text' && !child.value.trim()));
  if (!first || !isElement(first) || first.tagName !== 'strong') return undefined;
  const label = textOf(first).trim();
  return label.endsWith(':') && label.length > 1 ? label : undefined;
}

/**
 * Sets each block's `voice` from the components around it (the innermost wins), in place. Blocks outside any quote,
 * interview or comment are the article's own words and get none.
 */
export function attributeVoices(tree: Root, blocks: AnnotatedBlock[]): void {
  const byId = new Map(blocks.map((block) => [block.id, block]));
  const blocksIn = (node: AnyNode): { element: Element; block: AnnotatedBlock }[] => {
    const found: { element: Element; block: AnnotatedBlock }[] = [];
    const visit = (child: AnyNode) => {
      if (isElement(child) && typeof child.properties.id === 'string' && byId.has(child.properties.id))
        found.push({ element: child, block: byId.get(child.properties.id)! });
      childrenOf(child).forEach(visit);
    };
    childrenOf(node).forEach(visit);
    return found;
  };
  const walk = (node: AnyNode) => {
    childrenOf(node).forEach(walk);
    if (node.type !== 'mdxJsxFlowElement') return;
    const mdx = node as MdxNode;
    // Inner components were attributed first (children before parents), and keep their voice.
    const inner = blocksIn(mdx).filter(({ block }) => !block.voice);
    if (mdx.name === 'Comment') for (const { block } of inner) block.voice = { kind: 'comment' };
    if (mdx.name === 'Quote' && inner.length) {
      const by = attribute(mdx, 'by');
      const source = attribute(mdx, 'source');
      const unit = inner[0]!.block.id;
      // Exactly one of the two: the component's schema reports anything else as a content error.
      const voice: Voice | undefined = by
        ? { kind: 'quote', unit, by }
        : source
          ? { kind: 'quote', unit, source }
          : undefined;
      if (voice) for (const { block } of inner) block.voice = voice;
    }
    if (mdx.name === 'Interview' && inner.length) {
      const unit = inner[0]!.block.id;
      for (const { element, block } of inner) {
        const label = turnLabel(element);
        if (!label) continue;
        // The label is the block's first words: the mention the matcher found there is the speaker.
        const speaker = block.mentions.find((mention) => mention.start < label.length)?.entityId;
        block.voice = { kind: 'turn', unit, label, speaker };
      }
    }
  };
  walk(tree);
}

/** The entity or described source a voiced block is attributed to, if any. */
export function speakerOf(voice: Voice | undefined): Speaker | undefined {
  if (voice?.kind === 'quote') return voice.by ? { entityId: voice.by } : { source: voice.source! };
  if (voice?.kind === 'turn' && voice.speaker) return { entityId: voice.speaker };
  return undefined;
}

export type Speaker = { entityId: string } | { source: string };

/** Words an article quotes from one speaker: a quote whole, or that speaker's turns of an interview. */
export interface Quotation {
  articleSlug: string;
  /** The id of its first block, where a link to it lands. */
  blockId: string;
  section?: { id: string; title: string };
  speaker: Speaker;
  kind: 'quote' | 'interview';
  /** Each paragraph whole, a turn without its label. */
  paragraphs: { blockId: string; text: string }[];
}

/** A quote or an interview as the passage introducing it shows it: every paragraph, turns with their labels. */
export interface QuotedWords {
  blockId: string;
  /** A quote's speaker; an interview's turns name theirs. */
  speaker?: Speaker;
  paragraphs: string[];
}

export interface ArticleVoices {
  quotations: Quotation[];
  /** Block id of a passage that introduces a quote or an interview ("put it bluntly:") -> the words it introduces. */
  introduced: Map<string, QuotedWords>;
  /** Block id -> every entity speaking in the quote or interview it belongs to. */
  speakersAround: Map<string, string[]>;
}

/** What a document's attributed blocks (`attributeVoices`) quote, whom, and which passages lead into them. */
export function articleVoices(articleSlug: string, blocks: readonly AnnotatedBlock[]): ArticleVoices {
  const units = new Map<string, AnnotatedBlock[]>();
  for (const block of blocks) {
    const voice = block.voice;
    if (voice && voice.kind !== 'comment') units.set(voice.unit, [...(units.get(voice.unit) ?? []), block]);
  }
  const quotations: Quotation[] = [];
  const speakersAround = new Map<string, string[]>();
  const words = new Map<string, QuotedWords>();
  for (const [unit, members] of units) {
    const first = members[0]!;
    const at = { articleSlug, ...(first.section ? { section: first.section } : {}) };
    const speakers = [...new Set(members.flatMap((block) => entityOf(speakerOf(block.voice))))];
    for (const block of members) speakersAround.set(block.id, speakers);
    if (first.voice!.kind === 'quote') {
      const speaker = speakerOf(first.voice)!;
      quotations.push({
        ...at,
        blockId: unit,
        speaker,
        kind: 'quote',
        paragraphs: members.map((block) => ({ blockId: block.id, text: block.text })),
      });
      words.set(unit, { blockId: unit, speaker, paragraphs: members.map((block) => block.text) });
      continue;
    }
    for (const entityId of speakers) {
      const turns = members.filter((block) => block.voice?.kind === 'turn' && block.voice.speaker === entityId);
      const paragraphs = turns.map((block) => ({ blockId: block.id, text: withoutLabel(block) }));
      quotations.push({ ...at, blockId: turns[0]!.id, speaker: { entityId }, kind: 'interview', paragraphs });
    }
    words.set(unit, { blockId: unit, paragraphs: members.map((block) => block.text) });
  }
  // A passage ending in a colon right before a quote leads into it: on its own it would stop short of the words.
  const introduced = new Map<string, QuotedWords>();
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    const quoted = next && words.get(next.id);
    if (quoted && !block.voice && block.role !== 'heading' && block.text.trimEnd().endsWith(':'))
      introduced.set(block.id, quoted);
  });
  return { quotations, introduced, speakersAround };
}

const entityOf = (speaker: Speaker | undefined): string[] =>
  speaker && 'entityId' in speaker ? [speaker.entityId] : [];

/** A turn's words without its label ("Liang:"). */
export function withoutLabel(block: AnnotatedBlock): string {
  const voice = block.voice;
  if (voice?.kind !== 'turn') return block.text;
  const at = block.text.indexOf(voice.label);
  return at === -1 ? block.text : block.text.slice(at + voice.label.length).trim();
}
