/**
 * The Markdown/MDX pipeline up to hast, shared by Astro's renderer (astro.config.mjs) and the mention index, so both
 * see the same blocks. Only what shapes the tree belongs here: GFM and how footnotes are emitted.
 */
import { nodeTypes } from '@mdx-js/mdx';
import type { Root } from 'hast';
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

/** The hast tree of a Markdown (`md`) or MDX (`mdx`) body, as Astro's pipeline has it when rehype plugins run. */
export function toHast(source: string, format: 'md' | 'mdx'): Root {
  const processor = format === 'mdx' ? mdxToHast : markdownToHast;
  return processor.runSync(processor.parse(source)) as Root;
}
