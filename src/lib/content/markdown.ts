/**
 * The Markdown/MDX pipeline up to hast: the one parse of each document, whose tree is linked, indexed and then
 * written out as the page's HTML. Only what shapes the tree belongs here: GFM, how footnotes are emitted, and raw
 * HTML kept as text.
 */
import { nodeTypes } from '@mdx-js/mdx';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';

/** Footnotes get a visible heading: readers scan for "Notes" at the end of an article. */
export const remarkRehypeOptions = {
  footnoteLabel: 'Notes',
  footnoteLabelProperties: {},
} satisfies RemarkRehypeOptions;

const markdownToHast = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { ...remarkRehypeOptions, allowDangerousHtml: true });

const mdxToHast = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkRehype, { ...remarkRehypeOptions, passThrough: [...nodeTypes] });

export type DocumentFormat = 'md' | 'mdx';

/** A file's format by its extension: `.mdx` is MDX, anything else Markdown. */
export const formatOf = (file: string): DocumentFormat => (file.endsWith('.mdx') ? 'mdx' : 'md');

/** The hast tree of a Markdown (`md`) or MDX (`mdx`) body. MDX's components and code are passed through as nodes. */
export function toHast(source: string, format: DocumentFormat): Root {
  const processor = format === 'mdx' ? mdxToHast : markdownToHast;
  const tree = processor.runSync(processor.parse(source)) as Root;
  showRawHtmlAsText(tree);
  return tree;
}

/** An MDX node in hast: a component (`mdxJsxFlowElement`, `mdxJsxTextElement`), an expression or an import. */
export interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: ElementContent[];
  position?: { start: { line: number } };
}

type AnyNode = Root | RootContent | ElementContent | MdxNode;

export const isBlank = (node: AnyNode) => node.type === 'text' && !(node as { value: string }).value.trim();

/**
 * A paragraph holding nothing but MDX components (and whitespace) is no prose block: MDX unravels it into its
 * components, so the linker treats it as a container and the renderer unwraps it.
 */
export function isJsxOnlyParagraph(element: Element): boolean {
  return (
    element.tagName === 'p' &&
    element.children.length > 0 &&
    element.children.every((child: AnyNode) => child.type.startsWith('mdx') || isBlank(child))
  );
}

/**
 * Content is text: HTML typed into Markdown (`<script>`, `<b>`) is shown as written, never run or rendered, and an
 * HTML comment is dropped. MDX has no raw HTML (its tags are components), so this only concerns `.md` files.
 */
function showRawHtmlAsText(node: AnyNode) {
  if (!('children' in node) || !node.children) return;
  const children = node.children as AnyNode[];
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i]!;
    if (child.type !== 'raw') showRawHtmlAsText(child);
    else if (/^<!--[\s\S]*-->$/.test((child as { value: string }).value.trim())) children.splice(i, 1);
    else children[i] = { type: 'text', value: (child as { value: string }).value };
  }
}
