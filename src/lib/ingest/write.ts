/** Writes an ingested article as MDX: frontmatter the article schema accepts, then the body. */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { z } from 'zod';
import type { articleSchema } from '../content/content-schema.ts';
import { slugOf } from './slug.ts';

/** The frontmatter an ingest writes: what the article schema accepts. */
export type ArticleFrontmatter = z.input<typeof articleSchema>;

/**
 * A line starting `import` or `export` would be MDX code (ESM), run at build: its first letter is written as a
 * character reference, which reads back as the same text and never as code. Braces and `<` are escaped by the MDX
 * serializer itself.
 */
const NEVER_CODE = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/** Markdown for a tree: text is escaped wherever it could read as syntax, so it comes back exactly as it went in. */
export function toMdx(tree: Root): string {
  return toMarkdown(tree, {
    extensions: [mdxToMarkdown(), gfmToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    unsafe: NEVER_CODE,
  });
}

export function articleFile(frontmatter: ArticleFrontmatter, tree: Root): string {
  // gray-matter's YAML, keys in the order given; undefined fields left out.
  const data = Object.fromEntries(Object.entries(frontmatter).filter(([, value]) => value !== undefined));
  return matter.stringify(`\n${toMdx(tree)}`, data);
}

/** An article's file name and URL from its title. */
export const articleSlug = (title: string): string => slugOf(title, 'article');
