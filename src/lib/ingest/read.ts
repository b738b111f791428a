/**
 * The front ends of `npm run ingest`: a newsletter as received (plain text, Markdown or HTML) becomes one Markdown
 * syntax tree plus whatever metadata the source states. Structure that plain text has lost (headings, quotes,
 * footnotes) is recovered later, by `shape.ts`, the same way for every format.
 */
import matter from 'gray-matter';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { FootnoteDefinition, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node, Parent as UnistParent } from 'unist';

export type SourceFormat = 'text' | 'markdown' | 'html';

/** What the source says about itself; every field is absent when it does not say. */
export interface SourceMeta {
  title?: string;
  dek?: string;
  date?: string;
  authors?: string[];
  publication?: string;
  url?: string;
}

/** Something the ingest noticed: what it did, or where a person should look. */
export interface Finding {
  /** `detected`: structure recognised; `unsure`: a guess worth checking; `flagged`: kept, but marked for review. */
  level: 'detected' | 'unsure' | 'flagged';
  /** Line of the source, when known. */
  line?: number | undefined;
  message: string;
}

export interface SourceDocument {
  format: SourceFormat;
  tree: Root;
  meta: SourceMeta;
  findings: Finding[];
}

const FORMATS: Record<string, SourceFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };

/** The format of a file by its extension, or undefined for one ingest does not read. */
export function formatOf(path: string): SourceFormat | undefined {
  return FORMATS[path.split('.').pop()?.toLowerCase() ?? ''];
}

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS).map((ext) => `.${ext}`);

export function readSource(text: string, format: SourceFormat): SourceDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (format === 'text') return { format, tree: readPlainText(source), meta: {}, findings: [] };
  if (format === 'markdown') return readMarkdown(source);
  return readHtml(source);
}

const paragraph = (value: string, line: number): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
  position: { start: { line, column: 1 }, end: { line, column: value.length + 1 } },
});

/**
 * Plain text: newsletter platforms export one paragraph per line. A block of several lines separated by blank
 * lines is one paragraph when it looks hard-wrapped (every line but the last of similar length), else one per line.
 */
function readPlainText(text: string): Root {
  const lines = text.split('\n');
  const children: RootContent[] = [];
  let block: { line: number; text: string }[] = [];
  const flush = () => {
    if (block.length > 1 && looksHardWrapped(block.map((entry) => entry.text))) {
      children.push(paragraph(joinWrapped(block.map((entry) => entry.text.trim())), block[0]!.line));
    } else {
      for (const entry of block) children.push(paragraph(entry.text.trim(), entry.line));
    }
    block = [];
  };
  lines.forEach((text, index) => {
    if (text.trim()) block.push({ line: index + 1, text });
    else flush();
  });
  flush();
  return { type: 'root', children };
}

/** Wrapped at a fixed width (50 to 100 characters), with lines that break off mid-sentence. */
function looksHardWrapped(lines: string[]): boolean {
  const wrapped = lines.slice(0, -1).map((line) => line.trimEnd());
  const widest = Math.max(...wrapped.map((line) => line.length));
  return (
    widest >= 50 &&
    widest <= 100 &&
    wrapped.every((line) => line.length >= widest - 15) &&
    wrapped.some((line) => !/[.!?:;…”"]$/.test(line)) &&
    (lines.at(-1)?.length ?? 0) <= widest + 1
  );
}

/** Joins wrapped lines: with a space between Latin words, with nothing between Chinese characters. */
function joinWrapped(lines: string[]): string {
  return lines.reduce((joined, line) => (/\p{Script=Han}$/u.test(joined) && /^\p{Script=Han}/u.test(line) ? joined + line : `${joined} ${line}`));
}

function readMarkdown(text: string): SourceDocument {
  const { content, data } = matter(text);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(content) as Root;
  const meta: SourceMeta = {};
  for (const key of ['title', 'dek', 'publication', 'url'] as const) if (typeof data[key] === 'string') meta[key] = data[key];
  if (typeof data.subtitle === 'string') meta.dek ??= data.subtitle;
  if (typeof data.description === 'string') meta.dek ??= data.description;
  const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : typeof data.date === 'string' ? data.date : undefined;
  if (date) meta.date = date;
  const authors = data.authors ?? data.author;
  if (typeof authors === 'string') meta.authors = [authors];
  else if (Array.isArray(authors)) meta.authors = authors.filter((author): author is string => typeof author === 'string');
  // A leading `# Title` is the title, not a section of the body.
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1) {
    meta.title ??= phrasingText(first.children);
    tree.children.shift();
  }
  // The frontmatter's line count shifts every position; findings speak of lines of the file as given.
  const offset = text.slice(0, text.length - content.length).split('\n').length - 1;
  if (offset) shiftLines(tree, offset);
  return { format: 'markdown', tree, meta, findings: [] };
}

function shiftLines(node: Node, by: number) {
  if (node.position) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  for (const child of (node as Partial<UnistParent>).children ?? []) shiftLines(child, by);
}

const phrasingText = (children: PhrasingContent[]): string =>
  children.map((child) => ('value' in child ? child.value : 'children' in child ? phrasingText(child.children as PhrasingContent[]) : '')).join('');

/** Elements that are never article text: page chrome, scripts, forms, embeds. */
const CHROME = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'form', 'button', 'input', 'select', 'textarea', 'iframe', 'svg', 'canvas', 'video', 'audio', 'object', 'embed']);

function readHtml(text: string): SourceDocument {
  const document = fromHtml(text);
  const findings: Finding[] = [];
  const meta = htmlMeta(document);
  const main = find(document, (element) => element.tagName === 'article') ?? find(document, (element) => element.tagName === 'main') ?? find(document, (element) => element.tagName === 'body') ?? document;
  const body: HastRoot = { type: 'root', children: structuredClone(main.children) as HastRoot['children'] };

  prune(body, (element) => {
    if (CHROME.has(element.tagName)) return true;
    if (element.tagName === 'img' || element.tagName === 'picture') {
      const alt = element.properties.alt;
      findings.push({ level: 'flagged', line: element.position?.start.line, message: `an image${alt ? ` (“${String(alt)}”)` : ''} was left out: the site loads nothing from elsewhere; add it to the article by hand if it matters` });
      return true;
    }
    return false;
  });

  // The title is stated once, as the page's first-level heading: it is not part of the body.
  const h1 = find(body, (element) => element.tagName === 'h1');
  if (h1) {
    meta.title ??= textOf(h1).trim();
    prune(body, (element) => element === h1);
  }

  const definitions = extractFootnotes(body);
  const tree = toMdast(body) as Root;
  splitFootnoteTokens(tree);
  tree.children.push(...definitions);
  return { format: 'html', tree, meta, findings };
}

function htmlMeta(document: HastRoot): SourceMeta {
  const metaContent = (key: string) => {
    const element = find(document, (el) => el.tagName === 'meta' && (el.properties.name === key || el.properties.property === key));
    const value = element?.properties.content;
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  };
  const meta: SourceMeta = {};
  const title = metaContent('og:title') ?? (find(document, (el) => el.tagName === 'title') && textOf(find(document, (el) => el.tagName === 'title')!).trim());
  if (title) meta.title = title;
  const dek = metaContent('og:description') ?? metaContent('description');
  if (dek) meta.dek = dek;
  const published = metaContent('article:published_time') ?? stringProperty(find(document, (el) => el.tagName === 'time' && el.properties.dateTime !== undefined), 'dateTime');
  const date = published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  if (date) meta.date = date;
  const author = metaContent('author') ?? metaContent('article:author');
  if (author && !/^https?:/.test(author)) meta.authors = [author];
  const publication = metaContent('og:site_name');
  if (publication) meta.publication = publication;
  const canonical = stringProperty(find(document, (el) => el.tagName === 'link' && [el.properties.rel].flat().includes('canonical')), 'href');
  const url = canonical ?? metaContent('og:url');
  if (url && /^https?:\/\//.test(url)) meta.url = url;
  return meta;
}

function stringProperty(element: Element | undefined, name: string): string | undefined {
  const value = element?.properties[name];
  return typeof value === 'string' ? value : undefined;
}

type Parent = HastRoot | Element;

function find(node: Parent, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function prune(node: Parent, remove: (element: Element) => boolean) {
  node.children = node.children.filter((child) => child.type !== 'element' || !remove(child)) as typeof node.children;
  for (const child of node.children) if (child.type === 'element') prune(child, remove);
}

function textOf(node: Parent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

/** A footnote reference survives the HTML → Markdown conversion as this token inside text, then becomes a node. */
const FOOTNOTE_TOKEN = /\u0000footnote:([^\u0000]+)\u0000/g;

/**
 * Footnotes as newsletter platforms write them: a numbered link to an element in the same page, which holds the
 * note (and a link back). Each becomes a GFM footnote; the note leaves the body.
 */
function extractFootnotes(body: HastRoot): FootnoteDefinition[] {
  const byId = new Map<string, Element>();
  const index = (node: Parent) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const id = child.properties.id;
      if (typeof id === 'string') byId.set(id, child);
      index(child);
    }
  };
  index(body);

  const containers = new Map<Element, string>();
  const references = new Map<Element, string>();
  const visit = (node: Parent) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const href = child.properties.href;
      const label = textOf(child).trim().replace(/^\[(.+)\]$/, '$1');
      if (child.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && /^\d{1,3}$/.test(label)) {
        const target = byId.get(decodeURIComponent(href.slice(1)));
        if (target && !containers.has(target) && !isInside(target, child)) {
          // Platforms put the id on the note's number link; the note is its parent.
          const container = target.tagName === 'a' || target.tagName === 'sup' ? (parentOf(body, target) ?? target) : target;
          if (![...containers.keys()].some((note) => isInside(note, child))) {
            containers.set(container, label);
            references.set(child, label);
          }
        }
      }
      visit(child);
    }
  };
  visit(body);

  const definitions: FootnoteDefinition[] = [];
  for (const [container, label] of containers) {
    const note: HastRoot = { type: 'root', children: structuredClone(container.children) as HastRoot['children'] };
    // The link back to the reference is navigation, not note text.
    prune(note, (element) => element.tagName === 'a' && typeof element.properties.href === 'string' && element.properties.href.startsWith('#') && /^\s*[\d↩]+\s*$/.test(textOf(element)));
    const converted = toMdast(note) as Root;
    const children = converted.children.some((child) => child.type === 'paragraph') ? converted.children : [{ type: 'paragraph' as const, children: converted.children as PhrasingContent[] }];
    definitions.push({ type: 'footnoteDefinition', identifier: label, label, children: children as FootnoteDefinition['children'] });
  }
  prune(body, (element) => containers.has(element));
  // Replace each reference (and a <sup> around it) with the token.
  const replace = (node: Parent) => {
    node.children = node.children.map((child) => {
      if (child.type !== 'element') return child;
      const reference = references.get(child) ?? (child.tagName === 'sup' ? onlyReference(child, references) : undefined);
      if (reference) return { type: 'text', value: `\u0000footnote:${reference}\u0000` };
      replace(child);
      return child;
    }) as typeof node.children;
  };
  replace(body);
  return definitions.sort((a, b) => Number(a.identifier) - Number(b.identifier));
}

function onlyReference(sup: Element, references: Map<Element, string>): string | undefined {
  const elements = sup.children.filter((child) => child.type === 'element');
  return elements.length === 1 ? references.get(elements[0] as Element) : undefined;
}

function parentOf(root: Parent, target: Element): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (child.children.includes(target)) return child;
    const found = parentOf(child, target);
    if (found) return found;
  }
  return undefined;
}

function isInside(ancestor: Element, node: Element): boolean {
  return ancestor === node || find(ancestor, (element) => element === node) !== undefined;
}

function splitFootnoteTokens(node: Root | { children?: unknown[] }) {
  const children = (node as { children?: (PhrasingContent | RootContent)[] }).children;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' && child.value.includes('\u0000')) {
      const pieces: PhrasingContent[] = [];
      let last = 0;
      for (const match of child.value.matchAll(FOOTNOTE_TOKEN)) {
        if (match.index > last) pieces.push({ type: 'text', value: child.value.slice(last, match.index) });
        pieces.push({ type: 'footnoteReference', identifier: match[1]!, label: match[1]! });
        last = match.index + match[0].length;
      }
      if (last < child.value.length) pieces.push({ type: 'text', value: child.value.slice(last) });
      children.splice(i, 1, ...pieces);
      i += pieces.length - 1;
    } else {
      splitFootnoteTokens(child as { children?: unknown[] });
    }
  }
}
