/**
 * Whether an ingested article kept its source's words: every sentence of the source's body must appear in the
 * article as the site renders it (its frontmatter included, where a header's title and date went), character for
 * character once whitespace and the style of quotation marks are set aside.
 */
import { Readability } from '@mozilla/readability';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseHTML } from 'linkedom';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { readFrontmatter } from '../content/frontmatter.ts';
import { toHast } from '../content/markdown.ts';
import { isLinkRow } from './html-tree.ts';
import { parseDate, splitFrontMatter } from './source-header.ts';
import type { SourceFormat } from './source.ts';

const normalize = (text: string) =>
  text
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** A text's sentences: split at sentence ends and line breaks; only those with a letter count. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.?!。！？…])\s+/u)
    .map(normalize)
    .filter((sentence) => /\p{L}/u.test(sentence));
}

const BLOCKS = new Set([
  'p',
  'li',
  'ol',
  'ul',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'div',
  'aside',
  'hr',
  'br',
  'td',
  'th',
  'tr',
  'table',
  'pre',
  'figcaption',
]);

/** The visible text of an MDX article as the site renders it, with its frontmatter's title, dek, authors and date. */
export function renderedText(mdx: string): string {
  const { data, body } = readFrontmatter(mdx);
  const tree = toHast(body, 'mdx');
  const parts: string[] = [metadataOf(data).join(' '), ' '];
  const walk = (node: {
    type: string;
    value?: unknown;
    children?: unknown[];
    tagName?: string;
    properties?: Record<string, unknown>;
  }) => {
    // A footnote's link back is the site's; its number stands glued to the word, as plain text copies have it.
    if (node.properties?.dataFootnoteBackref !== undefined) return;
    if (node.type === 'text') parts.push(String(node.value));
    if (node.type === 'element' && node.tagName === 'sup' && /\S$/.test(parts.at(-1) ?? '')) parts.push('');
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') parts.push(' ');
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    if (node.type === 'element' && BLOCKS.has(node.tagName ?? '')) parts.push(' ');
  };
  walk(tree as never);
  return normalize(parts.join(''));
}

/** The frontmatter's title, dek, authors and date, each as the page shows it. */
function metadataOf(data: Record<string, unknown>): string[] {
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date ?? '');
  const authors = (data.authors as string[] | undefined) ?? [];
  // An author line names them together, as `A and B` or `A, B`.
  return [data.title, data.dek, ...authors, authors.join(' and '), authors.join(', '), authors.join(' & '), date]
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map(normalize);
}

/** Which of the source's sentences the article lost. */
export function keptSentences(source: string, mdx: string): { total: number; missing: string[] } {
  const haystack = renderedText(mdx);
  const metadata = new Set(metadataOf(readFrontmatter(mdx).data));
  const sentences = sentencesOf(source);
  // A header's date line is kept as the article's date, written as a date.
  const kept = (sentence: string) =>
    haystack.includes(sentence) ||
    metadata.has(sentence) ||
    (parseDate(sentence) !== undefined && metadata.has(parseDate(sentence)!));
  return { total: sentences.length, missing: sentences.filter((sentence) => !kept(sentence)) };
}

/**
 * A source's body text, read independently of the ingest's conversions: plain text as it is; Markdown as its
 * parsed blocks' text (its header and template tags left out, raw HTML tags stripped); an HTML page as the text
 * of the article an extractor finds in it, block by block.
 */
export function bodyText(text: string, format: SourceFormat): string {
  if (format === 'text') return text;
  if (format === 'markdown') {
    const body = splitFrontMatter(text, 'source').body.replace(/\{\{[<%][\s\S]*?[>%]\}\}|\{%-?[\s\S]*?-?%\}/g, ' ');
    const tree = unified().use(remarkParse).use(remarkGfm).parse(body);
    // A footnote reference reads as its number, glued to its word.
    visit(tree, 'footnoteReference', (node, index, parent) => {
      if (parent && index !== undefined)
        parent.children[index] = { type: 'text', value: node.label ?? node.identifier };
    });
    const blocks: string[] = [];
    const walk = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
        blocks.push(toString(node, { includeHtml: true }).replace(/<!--[\s\S]*?-->|<[^>]+>/g, ' '));
      else for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree);
    return blocks.join('\n');
  }
  const { document } = parseHTML(text);
  const article = new Readability(document as unknown as Document).parse();
  const blocks: string[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children as ElementContent[]) {
      if (child.type !== 'element') continue;
      // A row of links is the page's navigation, left out by the ingest and listed as such.
      if (isLinkRow(child)) continue;
      if (/^(?:p|h\d|li|td|th|pre|figcaption)$/.test(child.tagName)) blocks.push(textOf(child));
      else walk(child);
    }
  };
  walk(fromHtml(article?.content ?? '', { fragment: true }));
  return blocks.join('\n');
}

const textOf = (node: ElementContent): string =>
  node.type === 'text'
    ? node.value
    : node.type === 'element'
      ? node.children.map(textOf).join('') + (BLOCKS.has(node.tagName) ? ' ' : '')
      : '';
