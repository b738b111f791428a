/**
 * The front ends of `npm run ingest`: a newsletter as received (plain text, Markdown or an HTML page) becomes one
 * Markdown syntax tree plus whatever metadata the source states. HTML goes through an article extractor
 * (Readability), Markdown's raw HTML is parsed as HTML, and both then share one conversion (`html-tree.ts`).
 * Structure that plain text has lost (headings, quotes, footnotes) is recovered later, by `shape.ts`.
 */
import { Readability } from '@mozilla/readability';
import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { raw } from 'hast-util-raw';
import { toHtml } from 'hast-util-to-html';
import { parseHTML } from 'linkedom';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { parseDate, splitFrontMatter } from './source-header.ts';
import { articleTree, extractFootnotes, find, footnoteToken, prune, textOf, type HastNote } from './html-tree.ts';
import { SourceError, type Finding, type SourceDocument, type SourceFormat, type SourceMeta } from './source.ts';

export { SourceError, type Finding, type SourceDocument, type SourceFormat, type SourceMeta } from './source.ts';

const FORMATS: Record<string, SourceFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/** The format of a file by its extension, or undefined for one ingest does not read. */
export function formatOf(path: string): SourceFormat | undefined {
  return FORMATS[path.split('.').pop()?.toLowerCase() ?? ''];
}

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS).map((ext) => `.${ext}`);

/** Larger than any article: a file this size is an archive or a mistake. */
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * A file's bytes as text, or a one-line error naming the file: empty, too large, binary (a NUL or many control
 * bytes) and anything that is not UTF-8 are refused rather than turned into replacement characters.
 */
export function decodeSource(bytes: Uint8Array, file: string, encoding?: string): string {
  if (bytes.length > MAX_BYTES)
    throw new SourceError(
      `${file}: is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; ingest reads articles of up to ${MAX_BYTES / 1024 / 1024} MB`,
    );
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new SourceError(
      `${file}:${lineAt(bytes, nul)}: holds a NUL byte, so it is binary, not text; expected a plain text, Markdown or HTML file`,
    );
  // An HTML page may say which encoding it is in (`<meta charset="gbk">`); UTF-8 otherwise, unless the editor says.
  const declared = encoding ?? declaredCharset(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  } catch {
    throw new SourceError(
      `${file}: “${declared}” is no text encoding this ingest knows; expected a name like utf-8, gb18030, big5 or windows-1252`,
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    if (declared)
      throw new SourceError(
        `${file}: is not ${declared} text${encoding ? '' : ' as its page declares'}; pass --encoding with the encoding it is in`,
      );
    throw new SourceError(
      `${file}:${lineAt(bytes, firstInvalidUtf8(bytes))}: is not UTF-8 text; pass --encoding (gb18030, big5, windows-1252…) if you know its encoding, or save it as UTF-8`,
    );
  }
  const controls = text.match(/[\u0001-\u0008\u000E-\u001F\u007F]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 1000)
    throw new SourceError(
      `${file}: holds ${controls} control characters, so it is binary, not text; expected a plain text, Markdown or HTML file`,
    );
  if (!text.replace(/^\uFEFF/, '').trim()) throw new SourceError(`${file}: is empty; expected an article`);
  return text;
}

/** The charset an HTML page declares in its first kilobytes, unless it is UTF-8. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return charset && !/^utf-?8$/.test(charset) ? charset : undefined;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (!length) return i;
    for (let j = 1; j < length; j++) if ((bytes[i + j]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}

export interface ReadOptions {
  /** The file's name, for messages. */
  file?: string;
  /** The source's address, against which relative links are made absolute (the page's own URL wins). */
  url?: string | undefined;
}

export function readSource(text: string, format: SourceFormat, options: ReadOptions = {}): SourceDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const file = options.file ?? 'the source';
  if (format === 'text') return readPlainText(source);
  if (format === 'markdown') return readMarkdown(source, file, options.url);
  return readHtml(source, file, options.url);
}

// ---------------------------------------------------------------------------------------------------------------
// Plain text

const paragraph = (value: string, line: number): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'text', value }],
  position: { start: { line, column: 1 }, end: { line, column: value.length + 1 } },
});

/**
 * Plain text: newsletter platforms export one paragraph per line. A block of several lines separated by blank
 * lines is one paragraph when it looks hard-wrapped (every line but the last of similar length), else one per line.
 * A copied Substack post opens with its title, subtitle, author line and date: those are its metadata.
 */
function readPlainText(text: string): SourceDocument {
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
  const { meta, findings, taken } = postHeader(children.map((node) => toString(node)));
  return {
    format: 'text',
    tree: { type: 'root', children: children.slice(taken) },
    meta,
    findings: findings.map((message, i) => ({ level: 'detected', line: children[i]?.position?.start.line, message })),
  };
}

/** An author line: one to four names joined by commas, `and` or `&`. */
const AUTHOR_LINE =
  /^(?:By )?\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){0,3}(?:(?:, | and | & )\p{Lu}[\p{L}’'.-]+(?: \p{Lu}[\p{L}’'.-]+){0,3}){0,3}$/u;

/**
 * The header of a copied post: a date line among the first five lines, and before it the title, then an optional
 * subtitle, then an optional author line. Without a date line nothing is taken: the first line may be prose.
 */
export function postHeader(lines: string[]): { meta: SourceMeta; findings: string[]; taken: number } {
  const dateAt = lines.slice(0, 5).findIndex((line) => parseDate(line) !== undefined);
  if (dateAt < 1 || lines[0]!.length > 200) return { meta: {}, findings: [], taken: 0 };
  const meta: SourceMeta = { title: lines[0]!, date: parseDate(lines[dateAt]!)! };
  const findings = [`title: “${meta.title}”`];
  const between = lines.slice(1, dateAt);
  if (between.length && AUTHOR_LINE.test(between.at(-1)!) && between.at(-1)!.length <= 80) {
    meta.authors = between
      .pop()!
      .replace(/^By /, '')
      .split(/, | and | & /);
    findings.push(`authors: ${meta.authors.join(', ')}`);
  }
  if (between.length > 1) return { meta: {}, findings: [], taken: 0 };
  if (between.length) {
    meta.dek = between[0]!;
    findings.push(`dek: “${meta.dek}”`);
  }
  findings.push(`date: ${meta.date}`);
  return { meta, findings: findings.map((finding) => `${finding} (the post’s header)`), taken: dateAt + 1 };
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
  return lines.reduce((joined, line) =>
    /\p{Script=Han}$/u.test(joined) && /^\p{Script=Han}/u.test(line) ? joined + line : `${joined} ${line}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** Hugo shortcodes (`{{< figure … >}}`, `{{% note %}}`) and Liquid tags (`{% include … %}`): templates, not text. */
const TEMPLATE_TAG = /\{\{[<%][\s\S]*?[>%]\}\}|\{%-?[\s\S]*?-?%\}/g;

function readMarkdown(text: string, file: string, url: string | undefined): SourceDocument {
  const header = splitFrontMatter(text, file);
  const findings: Finding[] = header.notes.map((message) => ({ level: 'detected', line: 1, message }));
  const meta = header.meta;
  const offset = header.lineOffset;
  const body = setAsideTemplates(header.body, offset, findings);

  const tree = unified().use(remarkParse).use(remarkGfm).parse(body) as Root;
  // A leading `# Title` is the title, not a section of the body.
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1) {
    const title = toString(first).trim();
    if (!meta.title) {
      meta.title = title;
      findings.push({
        level: 'detected',
        line: (first.position?.start.line ?? 0) + offset,
        message: `title: “${title}” (the leading heading)`,
      });
    }
    if (meta.title === title || !header.notes.length) tree.children.shift();
  }

  // Footnotes as written: each note is converted on its own, each reference travels as a token.
  const notes: HastNote[] = [];
  tree.children = tree.children.filter((node) => {
    if (node.type !== 'footnoteDefinition') return true;
    notes.push({
      label: node.label ?? node.identifier,
      html: markdownToHtml({ type: 'root', children: node.children }, body),
    });
    return false;
  });
  visit(tree, 'footnoteReference', (node, index, parent) => {
    if (parent && index !== undefined)
      parent.children[index] = { type: 'text', value: footnoteToken(node.label ?? node.identifier) };
  });
  const html = markdownToHtml(tree, body);
  const lineOf = (element: Element) => (element.position ? element.position.start.line + offset : undefined);
  return {
    format: 'markdown',
    tree: articleTree(html, notes, { baseUrl: meta.url ?? url, fromPage: false, lineOf }, findings),
    meta,
    findings,
  };
}

/** Markdown to HTML with its raw HTML parsed as HTML (`<br>`, `<div>`, `<sub>`, comments), positions kept. */
function markdownToHtml(tree: Root, source: string): HastRoot {
  // The file lets the HTML parser place raw HTML at its lines in the source.
  return raw(toHast(tree, { allowDangerousHtml: true }) as HastRoot, { file: new VFile(source) }) as HastRoot;
}

/** Blanks template tags outside code, keeping every line where it was, and lists each one. */
function setAsideTemplates(body: string, offset: number, findings: Finding[]): string {
  const code: [number, number][] = [];
  visit(unified().use(remarkParse).parse(body), (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position)
      code.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
  });
  return body.replace(TEMPLATE_TAG, (tag, at: number) => {
    if (code.some(([start, end]) => at >= start && at < end)) return tag;
    const line = body.slice(0, at).split('\n').length + offset;
    const name = /^\{\{[<%]\s*(\/?[\w.-]+)|^\{%-?\s*(\w+)/.exec(tag);
    const alt = /\b(?:alt|caption|title)="([^"]*)"/.exec(tag)?.[1];
    findings.push({
      level: /^(?:figure|img|image|gallery|youtube|vimeo|video|tweet|x)$/.test(name?.[1] ?? '')
        ? 'flagged'
        : 'detected',
      line,
      message: `a template tag ${tag.startsWith('{%') ? `{% ${name?.[2] ?? ''} %}` : `{{< ${name?.[1] ?? ''} >}}`}${alt ? ` (“${alt}”)` : ''} was set aside: it is the site generator’s, not text`,
    });
    return tag.replace(/[^\n]/g, ' ');
  });
}

// ---------------------------------------------------------------------------------------------------------------
// HTML pages

function readHtml(text: string, file: string, url: string | undefined): SourceDocument {
  const page = fromHtml(text);
  const findings: Finding[] = [];
  const meta = pageMeta(page);
  // Footnotes first, over the whole page: platforms put the notes where an extractor may cut them away.
  const body = find(page, (element) => element.tagName === 'body') ?? page;
  const notes = extractFootnotes(body);

  const { document } = parseHTML(toHtml(page));
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content || (article.textContent ?? '').trim().length < 25)
    throw new SourceError(
      `${file}: no article text found in the page; expected an HTML page with an article in it (or save the article as plain text)`,
    );

  // What the page's meta did not say, the extractor may have found in the page itself.
  const extracted = {
    title: article.title?.trim(),
    publication: article.siteName?.trim(),
    date: article.publishedTime ? parseDate(article.publishedTime) : undefined,
  };
  for (const key of ['title', 'publication', 'date'] as const)
    if (!meta[key] && extracted[key]) meta[key] = extracted[key];
  const byline = article.byline?.trim().replace(/^(?:By|作者[:：]?)\s*/i, '');
  if (!meta.authors && byline && !/^https?:/.test(byline) && byline.length <= 100) meta.authors = [byline];

  const content = fromHtml(article.content, { fragment: true });
  // The title is stated once, as the page's first-level heading: it is not part of the body.
  const h1 = find(content, (element) => element.tagName === 'h1');
  if (h1) {
    meta.title ??= textOf(h1).trim();
    prune(content, (element) => element === h1);
  }
  const pageHeading = find(page, (element) => element.tagName === 'h1');
  for (const line of dropLeadingMetadata(content, meta, pageHeading ? textOf(pageHeading).trim() : undefined))
    findings.push({
      level: 'detected',
      line: lineOfText(text, line),
      message: `“${line}” above the article is the page’s metadata, not text: left out`,
    });
  // A description that is the page's own opening cut short (a generator's automatic summary) is no dek.
  const opening = (article.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (
    meta.dek &&
    (meta.dek.length > 300 ||
      opening.startsWith(
        meta.dek
          .replace(/\s+/g, ' ')
          .replace(/[.…]+$/, '')
          .slice(0, 60),
      ))
  ) {
    findings.push({
      level: 'unsure',
      message: `the page’s description is its opening text cut short, not a dek (“${meta.dek.replace(/\s+/g, ' ').slice(0, 60)}…”): left out`,
    });
    delete meta.dek;
  }
  findings.push({
    level: 'detected',
    message: `the article was taken out of the page (${(article.textContent ?? '').trim().length} characters); the page’s menus, header, footer and sidebars were left out`,
  });
  const lineOf = (element: Element) => lineOfText(text, textOf(element));
  return {
    format: 'html',
    tree: articleTree(content, notes, { baseUrl: meta.url ?? url, fromPage: true, lineOf }, findings),
    meta,
    findings,
  };
}

/**
 * What a page prints above an article besides its text: the title again (extractors turn the `<h1>` into an
 * `<h2>`), the date, the byline, a reading time. Only the first blocks, and only lines that are nothing else.
 */
function dropLeadingMetadata(content: HastRoot, meta: SourceMeta, pageHeading: string | undefined): string[] {
  const dropped: string[] = [];
  const same = (a: string, b: string | undefined) =>
    !!b && a.replace(/\s+/g, ' ').toLowerCase() === b.replace(/\s+/g, ' ').toLowerCase();
  const isMetadata = (line: string) =>
    same(line, meta.title) ||
    same(line, pageHeading) ||
    parseDate(line) !== undefined ||
    /^\d{1,3}\s*(?:min(?:ute)?s?|分钟)\s*(?:read|阅读)?$/i.test(line) ||
    (meta.authors ?? []).some(
      (author) => same(line, author) || same(line.replace(/^(?:by|作者[:：]?)\s*/i, ''), author),
    ) ||
    /^(?:By|作者[:：])\s*\p{Lu}?[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3}(?:(?:,| and| &)\s\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3})*$/u.test(
      line,
    ) ||
    /^(?:by\s+)?[\p{Lu}][\p{L}.'’-]+(?:\s[\p{Lu}][\p{L}.'’-]+){0,3}\s*[·|•,–—-]\s*.{0,40}\d{4}$/u.test(line);
  for (let checked = 0; checked < 6; checked++) {
    const first = find(
      content,
      (element) =>
        /^(?:p|h[1-6]|time|div|span)$/.test(element.tagName) &&
        !find(element, (inner) =>
          /^(?:p|div|h[1-6]|ul|ol|table|blockquote|article|section|main|header|footer|figure|pre|aside)$/.test(
            inner.tagName,
          ),
        ) &&
        textOf(element).trim() !== '',
    );
    const line = first ? textOf(first).replace(/\s+/g, ' ').trim() : '';
    if (!first || !isMetadata(line)) break;
    dropped.push(line);
    prune(content, (element) => element === first);
  }
  return dropped;
}

/** The line of the page where a text first appears (its first words, as the page's source has them). */
function lineOfText(source: string, text: string): number | undefined {
  const words = text.trim().split(/\s+/).slice(0, 4).join(' ');
  if (words.length < 4) return undefined;
  const at = source.indexOf(words);
  return at < 0 ? undefined : source.slice(0, at).split('\n').length;
}

/** What a page says about itself: Open Graph, article and author meta, JSON-LD, the canonical link. */
export function pageMeta(page: HastRoot): SourceMeta {
  const metaContent = (...keys: string[]) => {
    for (const key of keys) {
      const element = find(
        page,
        (el) =>
          el.tagName === 'meta' &&
          [el.properties.name, el.properties.property, el.properties.itemProp].some(
            (name) => String(name ?? '').toLowerCase() === key.toLowerCase(),
          ),
      );
      const value = element?.properties.content;
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
    return undefined;
  };
  const linked = linkedData(page);
  const meta: SourceMeta = {};
  const titleElement = find(page, (el) => el.tagName === 'title');
  const title =
    metaContent('og:title', 'twitter:title') ??
    linked.headline ??
    (titleElement ? textOf(titleElement).trim() : undefined);
  if (title) meta.title = title;
  const dek = metaContent('og:description', 'description', 'twitter:description') ?? linked.description;
  if (dek) meta.dek = dek;
  const timeElement = find(page, (el) => el.tagName === 'time' && el.properties.dateTime !== undefined);
  const published =
    metaContent(
      'article:published_time',
      'og:release_date',
      'publishdate',
      'pubdate',
      'date',
      'datePublished',
      'dc.date',
    ) ??
    linked.datePublished ??
    (timeElement ? String(timeElement.properties.dateTime) : undefined);
  const date = published ? parseDate(published) : undefined;
  if (date) meta.date = date;
  const author = metaContent('author', 'article:author', 'dc.creator') ?? linked.author;
  if (author && !/^https?:/.test(author)) meta.authors = author.split(/\s*,\s*/).filter(Boolean);
  const publication = metaContent('og:site_name', 'application-name') ?? linked.publisher;
  if (publication) meta.publication = publication;
  const canonical = find(page, (el) => el.tagName === 'link' && [el.properties.rel].flat().includes('canonical'))
    ?.properties.href;
  const url = [typeof canonical === 'string' ? canonical : undefined, metaContent('og:url'), linked.url].find(
    (value) => value && /^https?:\/\/\S+$/.test(value),
  );
  if (url) meta.url = url;
  return meta;
}

interface LinkedData {
  headline?: string;
  description?: string;
  datePublished?: string;
  author?: string;
  publisher?: string;
  url?: string;
}

/** The article in a page's JSON-LD (`Article`, `NewsArticle`, `BlogPosting`…), if it has one that parses. */
function linkedData(page: HastRoot): LinkedData {
  const found: LinkedData = {};
  const scripts: Element[] = [];
  const collect = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'script' && String(child.properties.type ?? '').includes('ld+json')) scripts.push(child);
      else collect(child);
    }
  };
  collect(page);
  const nameOf = (value: unknown): string | undefined => {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') return first;
    if (first && typeof first === 'object' && typeof (first as { name?: unknown }).name === 'string')
      return (first as { name: string }).name;
    return undefined;
  };
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(textOf(script));
    } catch {
      continue;
    }
    const items = (
      Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph'] as unknown[]) ?? [])]
    ) as Record<string, unknown>[];
    const article = items.find((item) => item && /Article|Posting|Report/.test(String(item['@type'] ?? '')));
    if (!article) continue;
    const text = (key: string) => (typeof article[key] === 'string' ? (article[key] as string) : undefined);
    Object.assign(found, {
      ...(text('headline') ? { headline: text('headline') } : {}),
      ...(text('description') ? { description: text('description') } : {}),
      ...(text('datePublished') ? { datePublished: text('datePublished') } : {}),
      ...(nameOf(article.author) ? { author: nameOf(article.author) } : {}),
      ...(nameOf(article.publisher) ? { publisher: nameOf(article.publisher) } : {}),
      ...(text('url') ? { url: text('url') } : {}),
    });
    break;
  }
  return found;
}
