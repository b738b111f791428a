/** Writes an ingested article as MDX: frontmatter the article schema accepts, then the body. */
import matter from 'gray-matter';
import type { Root } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { z } from 'zod';
import type { articleSchema } from '../content-schema.ts';

/** The frontmatter an ingest writes: what the article schema accepts. */
export type ArticleFrontmatter = z.input<typeof articleSchema>;

/** Markdown for a tree: text is escaped wherever it could read as syntax, so it comes back exactly as it went in. */
export function toMdx(tree: Root): string {
  return toMarkdown(tree, { extensions: [mdxToMarkdown(), gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*', rule: '-' });
}

export function articleFile(frontmatter: ArticleFrontmatter, tree: Root): string {
  // gray-matter's YAML, keys in the order given; undefined fields left out.
  const data = Object.fromEntries(Object.entries(frontmatter).filter(([, value]) => value !== undefined));
  return matter.stringify(`\n${toMdx(tree)}`, data);
}
