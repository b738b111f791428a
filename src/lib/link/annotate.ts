/**
 * The linker's core, over a hast tree (what remark-rehype makes of Markdown or MDX): gives every block a stable id,
 * finds the entity mentions in it with the matcher, and wraps the ones to link in `<a>`. Linking only wraps: the
 * text of the tree is the same before and after. The site index runs it once over each document, and the blocks it
 * returns are both the page's ids and the mention index, so ids on entity pages and in articles cannot disagree.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { BlockIdAllocator, type BlockRole } from './block-ids.ts';
import type { LinkMode } from '../content/content-schema.ts';
import { isJsxOnlyParagraph } from '../content/markdown.ts';
import type { Matcher } from './matcher.ts';

export interface DocumentContext {
  /** Entities the document may call by a short name from the start (an article's `entities`). */
  declared: readonly string[];
  /** The entity whose own description this is: its mentions are neither linked nor indexed. */
  self?: string;
  linkMode: LinkMode;
  href(entityId: string): string;
  kind(entityId: string): string;
  /** The entity's name, for what names a speaker (a quote's search sub-result). */
  name(entityId: string): string;
  /** The document's title: the search sub-result title of what comes before its first heading. */
  title: string;
}

export interface BlockMention {
  entityId: string;
  /** Offsets into the block's `text`. */
  start: number;
  end: number;
  linked: boolean;
}

export interface AnnotatedBlock {
  id: string;
  role: BlockRole;
  /** The block's visible text (footnote markers and code left out). */
  text: string;
  mentions: BlockMention[];
  /** The heading the block sits under, if any. */
  section?: { id: string; title: string };
  /** A heading's level, 1 to 6 (`h2` is 2): the article's table of contents nests by it. */
  level?: number;
  /** Whose words the block is, when not the document's own (voices.ts sets it). */
  voice?: Voice;
}

/** Whose words a block is: a quote's speaker or source, an interview's turn, or a reader's comment. */
export type Voice =
  /** `unit` is the id of the quote's first block: all its blocks share it. */
  | { kind: 'quote'; unit: string; by: string; source?: undefined }
  | { kind: 'quote'; unit: string; source: string; by?: undefined }
  /** A turn of an interview; `label` is the turn's bold label ("Liang:"), `speaker` the entity it names, if any. */
  | { kind: 'turn'; unit: string; label: string; speaker?: string | undefined }
  | { kind: 'comment' };

/** Stands in the scanned text for what is not prose (a footnote marker, code, raw HTML): a boundary, never matched. */
const OPAQUE = '\uFFFC';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCK_TAGS = new Set(['p', 'td', 'th', 'dt', 'dd', 'figcaption', ...HEADINGS]);
/** Elements whose content is never prose to link: code, media, scripts. */
const OPAQUE_TAGS = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'svg',
  'math',
  'br',
  'img',
  'iframe',
  'video',
  'audio',
]);
/** Flow content: inside a list item it makes the item a container rather than a block of its own. */
const FLOW_TAGS = new Set([
  'p',
  'ul',
  'ol',
  'blockquote',
  'div',
  'pre',
  'table',
  'figure',
  'section',
  'aside',
  'dl',
  'hr',
  ...HEADINGS,
]);

type AnyNode = Root | RootContent | ElementContent;
type Parent = { children: AnyNode[] };

interface Segment {
  node: Text;
  parent: Parent;
  /** Offset of the node's value in the block's scanned text. */
  offset: number;
  /** False inside an existing link, where a mention is indexed but never wrapped. */
  linkable: boolean;
}

const isElement = (node: AnyNode): node is Element => node.type === 'element';
const childrenOf = (node: AnyNode): AnyNode[] | undefined =>
  'children' in node ? (node.children as AnyNode[]) : undefined;

function isFootnoteMarker(element: Element): boolean {
  const p = element.properties;
  return p.dataFootnoteRef !== undefined || p.dataFootnoteBackref !== undefined;
}

function blockRole(element: Element): BlockRole | undefined {
  if (isJsxOnlyParagraph(element)) return undefined;
  if (HEADINGS.has(element.tagName)) return 'heading';
  if (BLOCK_TAGS.has(element.tagName)) return 'paragraph';
  if (element.tagName === 'li') {
    const hasOwnText = element.children.some((child) =>
      child.type === 'text' ? child.value.trim() !== '' : isElement(child) && !FLOW_TAGS.has(child.tagName),
    );
    return hasOwnText ? 'list-item' : undefined;
  }
  return undefined;
}

/**
 * Annotates a document's tree in place and returns its blocks in document order. `onBlock` sees each block's element
 * once it is annotated, for adapters that add markup of their own (search terms).
 */
export function annotateTree(
  tree: Root,
  matcher: Matcher,
  context: DocumentContext,
  onBlock?: (element: Element, block: AnnotatedBlock) => void,
): AnnotatedBlock[] {
  const ids = new BlockIdAllocator();
  // Ids already in the tree (footnotes, ids written by hand) stay, and no block may take them.
  const reserveIds = (node: AnyNode) => {
    if (isElement(node) && typeof node.properties.id === 'string') ids.reserve(node.properties.id);
    childrenOf(node)?.forEach(reserveIds);
  };
  reserveIds(tree);

  const scanner = matcher.document(context.declared);
  const blocks: AnnotatedBlock[] = [];
  let section: AnnotatedBlock['section'];
  let linkedInScope = new Set<string>();

  const annotateBlock = (element: Element, role: BlockRole, deferred: AnyNode[]) => {
    const segments: Segment[] = [];
    let text = '';
    const collect = (node: AnyNode, parent: Parent, linkable: boolean) => {
      if (node.type === 'text') {
        segments.push({ node, parent, offset: text.length, linkable });
        text += node.value;
      } else if (isElement(node)) {
        if (OPAQUE_TAGS.has(node.tagName) || isFootnoteMarker(node)) text += OPAQUE;
        else if (node !== element && (FLOW_TAGS.has(node.tagName) || BLOCK_TAGS.has(node.tagName))) deferred.push(node);
        else node.children.forEach((child) => collect(child, node, linkable && node.tagName !== 'a'));
      } else if (node.type === 'mdxJsxTextElement') {
        node.children.forEach((child) => collect(child as AnyNode, node as Parent, linkable));
      } else if (node.type === 'mdxJsxFlowElement') {
        deferred.push(node);
      } else if (node.type !== 'comment') {
        text += OPAQUE; // MDX expressions
      }
    };
    element.children.forEach((child) => collect(child, element, true));

    const existingId = element.properties.id;
    const id = typeof existingId === 'string' ? existingId : ids.allocate(role, text.replaceAll(OPAQUE, ' '));
    element.properties.id = id;

    if (role === 'heading') {
      section = { id, title: text.replaceAll(OPAQUE, '').trim() };
      if (context.linkMode === 'section') linkedInScope = new Set();
    } else if (context.linkMode === 'paragraph') {
      linkedInScope = new Set();
    }

    const mentions: BlockMention[] = [];
    const toWrap: { match: BlockMention; segment: Segment }[] = [];
    for (const match of scanner.scan(text)) {
      if (match.entityId === context.self) continue;
      const segment = segments.find((s) => s.offset <= match.start && match.end <= s.offset + s.node.value.length);
      const wanted = role !== 'heading' && (context.linkMode === 'every' || !linkedInScope.has(match.entityId));
      // A shared alias names several entities at once: it is a mention of each, and a link to none.
      const linked = wanted && !match.shared && segment !== undefined && segment.linkable;
      const mention = { entityId: match.entityId, start: match.start, end: match.end, linked };
      mentions.push(mention);
      if (linked) {
        linkedInScope.add(match.entityId);
        toWrap.push({ match: mention, segment: segment! });
      }
    }
    wrapMentions(toWrap, context);

    const block: AnnotatedBlock = {
      id,
      role,
      ...visibleText(text, mentions),
      ...(section && role !== 'heading' ? { section } : {}),
      ...(role === 'heading' ? { level: Number(element.tagName.slice(1)) } : {}),
    };
    blocks.push(block);
    onBlock?.(element, block);
  };

  const walk = (node: AnyNode) => {
    if (isElement(node)) {
      if (OPAQUE_TAGS.has(node.tagName)) return;
      const role = blockRole(node);
      if (role) {
        const deferred: AnyNode[] = [];
        annotateBlock(node, role, deferred);
        deferred.forEach(walk);
        return;
      }
    }
    childrenOf(node)?.forEach(walk);
  };
  walk(tree);
  return blocks;
}

/** Splits text nodes around the mentions to link, right to left so earlier offsets stay valid. */
function wrapMentions(toWrap: { match: BlockMention; segment: Segment }[], context: DocumentContext) {
  for (let i = toWrap.length - 1; i >= 0; i--) {
    const { match, segment } = toWrap[i]!;
    const { node, parent, offset } = segment;
    const value = node.value;
    const start = match.start - offset;
    const end = match.end - offset;
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: {
        href: context.href(match.entityId),
        // No id of its own: the preview script reads it from the address (paths.entity), 3% of an article's bytes.
        className: ['entity-link'],
        dataKind: context.kind(match.entityId),
      },
      children: [{ type: 'text', value: value.slice(start, end) }],
    };
    // The text before the link stays in `node`, so a wrap further left in the same node still finds it there.
    node.value = value.slice(0, start);
    const after: Text[] = end < value.length ? [{ type: 'text', value: value.slice(end) }] : [];
    parent.children.splice(parent.children.indexOf(node), 1, ...(start > 0 ? [node] : []), link, ...after);
  }
}

/** The block's text without the stand-ins for footnote markers and code, with mention offsets moved to match. */
function visibleText(text: string, mentions: BlockMention[]): { text: string; mentions: BlockMention[] } {
  if (!text.includes(OPAQUE)) return { text, mentions };
  const shift: number[] = [];
  let removed = 0;
  for (let i = 0; i <= text.length; i++) {
    shift.push(removed);
    if (text[i] === OPAQUE) removed++;
  }
  return {
    text: text.replaceAll(OPAQUE, ''),
    mentions: mentions.map((m) => ({ ...m, start: m.start - shift[m.start]!, end: m.end - shift[m.end]! })),
  };
}
