/**
 * From an article's HTML (a page's article as the extractor found it, or Markdown with its raw HTML parsed) to one
 * Markdown syntax tree: platform footnotes become footnotes, media and scripts are left out and listed, links are
 * kept only when they lead somewhere safe, and everything else that is text stays text.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { FootnoteDefinition, PhrasingContent, Root, RootContent } from 'mdast';
import type { Finding } from './source.ts';

type Parent = HastRoot | Element;

/**
 * A footnote reference survives conversions (HTML → extractor → HTML → Markdown) as this token inside text, then
 * becomes a node. Private-use characters: no source text contains them, and no extractor strips them.
 */
export const footnoteToken = (label: string) => `\uE000footnote:${label}\uE001`;
const FOOTNOTE_TOKEN = /\uE000footnote:([^\uE001]+)\uE001/g;

/** Never article text: scripts, forms, controls. */
const CODE_AND_CONTROLS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'dialog',
]);
/** Media the site does not load from elsewhere: left out, each listed for the editor. */
const MEDIA = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'embed', 'object', 'svg', 'canvas', 'math']);
/** A page's chrome, when the article is cut from a whole page. */
const PAGE_CHROME = new Set(['nav', 'header', 'footer', 'aside']);

export interface ArticleTreeOptions {
  /** The page's own URL, against which relative links are made absolute. */
  baseUrl?: string | undefined;
  /** Cut from a whole page: its navigation, headers and rows of links are chrome. */
  fromPage: boolean;
  /** Where a node's text sits in the file as received, for sources whose positions the conversion lost. */
  lineOf: (node: Element) => number | undefined;
}

/** The article's HTML as one Markdown tree, footnotes and all; what was left out or changed is a finding. */
export function articleTree(html: HastRoot, notes: HastNote[], options: ArticleTreeOptions, findings: Finding[]): Root {
  const note = (level: Finding['level'], element: Element, message: string) =>
    findings.push({ level, line: options.lineOf(element), message });
  const leftOut = new Map<string, number>();

  const leaveOut = (element: Element) => {
    const tag = element.tagName;
    if (CODE_AND_CONTROLS.has(tag) || (options.fromPage && PAGE_CHROME.has(tag))) {
      leftOut.set(`<${tag}>`, (leftOut.get(`<${tag}>`) ?? 0) + 1);
      return true;
    }
    if (MEDIA.has(tag)) {
      const alt = String(element.properties.alt ?? element.properties.title ?? '').trim();
      if (tag !== 'picture' || !find(element, (inner) => inner.tagName === 'img')) {
        note(
          'flagged',
          element,
          `${tag === 'img' || tag === 'picture' ? 'an image' : `an embedded <${tag}>`}${alt ? ` (“${alt}”)` : ''} was left out: the site loads nothing from elsewhere; add it by hand if it matters`,
        );
      }
      return true;
    }
    if (options.fromPage && isLinkRow(element)) {
      note(
        'flagged',
        element,
        `a row of links (${linkLabels(element).slice(0, 4).join(', ')}${linkLabels(element).length > 4 ? ', …' : ''}), the page’s navigation, was left out`,
      );
      return true;
    }
    return false;
  };
  for (const tree of [html, ...notes.map((note) => note.html)]) prune(tree, leaveOut);
  for (const [tag, count] of leftOut)
    findings.push({
      level: 'detected',
      message: `${count} ${tag} element${count === 1 ? '' : 's'} of the page left out (not article text)`,
    });

  for (const tree of [html, ...notes.map((note) => note.html)]) {
    dropComments(tree);
    unwrap(tree, PRESENTATIONAL);
    rewriteLinks(tree, options.baseUrl, note);
  }
  const tree = toMdast(html) as Root;
  rawAsText(tree);
  splitFootnoteTokens(tree);
  dropEmptyBlocks(tree);
  tree.children.push(...notes.map(toDefinition));
  return tree;
}

// ---------------------------------------------------------------------------------------------------------------
// Links

/** Schemes a reader can follow safely; anything else (`javascript:`, `data:`, `vbscript:`) is never a link. */
const SAFE_SCHEME = /^(?:https?:|mailto:)/i;

function rewriteLinks(
  node: Parent,
  baseUrl: string | undefined,
  note: (level: Finding['level'], element: Element, message: string) => void,
) {
  node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    rewriteLinks(child, baseUrl, note);
    const href = child.tagName === 'a' ? child.properties.href : undefined;
    if (typeof href !== 'string') return [child];
    const target = href.trim();
    // Footnote references are `#…` links: they are turned into footnotes later, by their targets.
    if (target.startsWith('#') || !target) return [child];
    if (SAFE_SCHEME.test(target)) return [child];
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1];
    if (scheme) {
      note(
        'flagged',
        child,
        `a ${scheme.toLowerCase()}: link (“${shorten(textOf(child))}”) was dropped, its text kept: only http(s) and mailto links are published`,
      );
      return child.children;
    }
    if (baseUrl) {
      child.properties.href = new URL(target, baseUrl).href;
      return [child];
    }
    note(
      'unsure',
      child,
      `a relative link (${shorten(target)}) leads nowhere without the page’s address: its text is kept without the link; pass --url to keep it`,
    );
    return child.children;
  }) as typeof node.children;
}

/** A block that is nothing but three or more short links: a menu, a row of buttons, a list of tags. */
export function isLinkRow(element: Element): boolean {
  if (!['p', 'div', 'ul', 'ol', 'li', 'section'].includes(element.tagName)) return false;
  const labels = linkLabels(element);
  if (labels.length < 3 || labels.some((label) => label.length > 40)) return false;
  const outside = textOutsideLinks(element).replace(/[\s|·•/,;:–—-]+/g, '');
  return outside.length === 0;
}

function linkLabels(element: Element): string[] {
  const labels: string[] = [];
  const walk = (node: Parent) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') labels.push(textOf(child).trim());
      else walk(child);
    }
  };
  walk(element);
  return labels.filter(Boolean);
}

function textOutsideLinks(node: Parent): string {
  return node.children
    .map((child) =>
      child.type === 'text'
        ? child.value
        : child.type === 'element' && child.tagName !== 'a'
          ? textOutsideLinks(child)
          : '',
    )
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Footnotes

/**
 * Footnotes as platforms write them: a numbered link to an element in the same page, which holds the note (and a
 * link back). Each becomes a GFM footnote; the note leaves the body, and each reference becomes a token in its text.
 */
export interface HastNote {
  label: string;
  html: HastRoot;
}

export function extractFootnotes(body: Parent): HastNote[] {
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
      const label = textOf(child)
        .trim()
        .replace(/^\[(.+)\]$/, '$1');
      if (child.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && /^\d{1,3}$/.test(label)) {
        const target = byId.get(safeDecode(href.slice(1)));
        if (target && !containers.has(target) && !isInside(target, child)) {
          // Platforms put the id on the note's number link; the note is its parent.
          const container =
            target.tagName === 'a' || target.tagName === 'sup' ? (parentOf(body, target) ?? target) : target;
          const noteText = textOf(container).replace(/[\d\s↩︎.[\]^]+/g, '');
          if (noteText && ![...containers.keys()].some((note) => isInside(note, child))) {
            containers.set(container, label);
            references.set(child, label);
          }
        }
      }
      visit(child);
    }
  };
  visit(body);

  const notes: HastNote[] = [];
  for (const [container, label] of containers) {
    const note: HastRoot = { type: 'root', children: structuredClone(container.children) as HastRoot['children'] };
    // The link back to the reference is navigation, not note text; so is a leading copy of the note's number.
    prune(
      note,
      (element) =>
        element.tagName === 'a' &&
        typeof element.properties.href === 'string' &&
        element.properties.href.startsWith('#') &&
        /^\s*(?:[\d↩︎]+|\^)\s*$/.test(textOf(element)),
    );
    notes.push({ label, html: note });
  }
  prune(body, (element) => containers.has(element));
  // A notes section the platform wrote (GFM's `<section data-footnotes>`) is empty now but for its heading.
  prune(
    body,
    (element) =>
      (element.tagName === 'section' || element.tagName === 'div' || element.tagName === 'ol') &&
      containers.size > 0 &&
      /^\s*(?:(?:foot)?notes|脚注|注释)?\s*$/i.test(textOf(element)) &&
      find(element, (inner) => /^(?:ol|h\d)$/.test(inner.tagName)) !== undefined,
  );
  const replace = (node: Parent) => {
    node.children = node.children.map((child) => {
      if (child.type !== 'element') return child;
      const reference =
        references.get(child) ?? (child.tagName === 'sup' ? onlyReference(child, references) : undefined);
      if (reference) return { type: 'text', value: footnoteToken(reference) };
      replace(child);
      return child;
    }) as typeof node.children;
  };
  replace(body);
  return notes.sort((a, b) => Number(a.label) - Number(b.label));
}

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'link',
  'inlineCode',
  'break',
  'delete',
  'footnoteReference',
  'html',
]);

function toDefinition({ label, html }: HastNote): FootnoteDefinition {
  const converted = toMdast(html) as Root;
  rawAsText(converted);
  splitFootnoteTokens(converted);
  const children = converted.children.every((child) => PHRASING.has(child.type))
    ? [{ type: 'paragraph' as const, children: converted.children as PhrasingContent[] }]
    : converted.children;
  return { type: 'footnoteDefinition', identifier: label, label, children: children as FootnoteDefinition['children'] };
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

function onlyReference(sup: Element, references: Map<Element, string>): string | undefined {
  const elements = sup.children.filter((child) => child.type === 'element');
  return elements.length === 1 ? references.get(elements[0] as Element) : undefined;
}

/** Footnote tokens in text become footnote references. */
export function splitFootnoteTokens(node: { children?: unknown[] }) {
  const children = node.children as (PhrasingContent | RootContent)[] | undefined;
  if (!children) return;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'text' && child.value.includes('\uE000')) {
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

/** Old presentational tags (`<center>`, `<font>`): their text belongs to the sentence around them, not a block of its own. */
const PRESENTATIONAL = new Set(['center', 'font']);

function unwrap(node: Parent, tags: Set<string>) {
  node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    unwrap(child, tags);
    return tags.has(child.tagName) ? child.children : [child];
  }) as typeof node.children;
}

/** HTML comments are no text (`<!-- more -->`, `<!--缩略图-->`). */
function dropComments(node: Parent) {
  node.children = node.children.filter((child) => child.type !== 'comment') as typeof node.children;
  for (const child of node.children) if (child.type === 'element') dropComments(child);
}

/** Whatever HTML survives the conversion as raw markup is shown as the text it is, never written as markup. */
function rawAsText(node: { children?: unknown[] }) {
  const children = node.children as RootContent[] | undefined;
  if (!children) return;
  children.forEach((child, at) => {
    if (child.type === 'html') children[at] = { type: 'text', value: child.value } as RootContent;
    else rawAsText(child as { children?: unknown[] });
  });
}

/** Paragraphs and list items the removals left without any text. */
function dropEmptyBlocks(node: { children?: unknown[] }) {
  const children = node.children as RootContent[] | undefined;
  if (!children) return;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i]!;
    dropEmptyBlocks(child as { children?: unknown[] });
    const empty = ['paragraph', 'listItem', 'list', 'blockquote', 'heading'].includes(child.type) && !hasContent(child);
    if (empty) children.splice(i, 1);
  }
}

function hasContent(node: RootContent): boolean {
  if (node.type === 'text') return node.value.trim().length > 0;
  if (
    node.type === 'footnoteReference' ||
    node.type === 'inlineCode' ||
    node.type === 'code' ||
    node.type === 'thematicBreak'
  )
    return true;
  return 'children' in node && (node.children as RootContent[]).some(hasContent);
}

// ---------------------------------------------------------------------------------------------------------------
// hast helpers

export function find(node: Parent, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

export function prune(node: Parent, remove: (element: Element) => boolean) {
  node.children = node.children.filter((child) => child.type !== 'element' || !remove(child)) as typeof node.children;
  for (const child of node.children) if (child.type === 'element') prune(child, remove);
}

export function textOf(node: Parent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
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

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
