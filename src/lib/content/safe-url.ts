/**
 * Which URLs content may publish: web pages, mail addresses, and paths and fragments of the site itself. A
 * `javascript:` or `vbscript:` link runs code when clicked, and rss.xml, which readers open outside the site's
 * Content-Security-Policy, carries the same links; `data:` could hold a whole page, so it is kept to images.
 */
import type { Root, RootContent } from 'hast';

const WEB_SCHEMES = ['http', 'https', 'mailto'];
export const SAFE_URLS = 'an http(s) or mailto URL, a relative path or a #fragment';

/** The scheme a browser would read: it drops tabs and line breaks anywhere and spaces and controls around. */
function schemeOf(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/** Whether content may publish `url`; `image` also allows an inline picture (`data:image/…`). */
export function isSafeUrl(url: string, { image = false } = {}): boolean {
  const scheme = schemeOf(url);
  if (scheme === undefined || WEB_SCHEMES.includes(scheme)) return true;
  return image && scheme === 'data' && /^data:image\//i.test(url.trim());
}

/** A URL of a document that content may not publish, with the line of the document it is on. */
export interface UnsafeUrl {
  url: string;
  /** Line counted from the document's first line, where the parser gave one. */
  line: number | undefined;
}

/** Attributes that load or navigate to a URL, as hast properties and as written in MDX. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
  'srcset',
  'data',
  'xlinkhref',
  'xlink:href',
]);
const IMAGE_ELEMENTS = new Set(['img', 'source', 'picture']);

interface AnyNode {
  type: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: AnyNode[];
  position?: { start: { line: number } };
}

/**
 * Every URL of a parsed document (Markdown links, images, autolinks and reference links as hast elements; the
 * attributes of MDX elements written with text values) that content may not publish.
 */
export function unsafeUrls(tree: Root): UnsafeUrl[] {
  const found: UnsafeUrl[] = [];
  const visit = (node: AnyNode) => {
    const element = node.tagName ?? node.name ?? '';
    const image = IMAGE_ELEMENTS.has(element.toLowerCase());
    const check = (name: string, value: unknown) => {
      if (!URL_ATTRIBUTES.has(name.toLowerCase())) return;
      for (const url of Array.isArray(value) ? value : [value]) {
        if (typeof url === 'string' && !isSafeUrl(url, { image })) found.push({ url, line: node.position?.start.line });
      }
    };
    for (const [name, value] of Object.entries(node.properties ?? {})) check(name, value);
    for (const attribute of node.attributes ?? [])
      if (attribute.type === 'mdxJsxAttribute' && attribute.name) check(attribute.name, attribute.value);
    node.children?.forEach(visit);
  };
  (tree.children as RootContent[] as AnyNode[]).forEach(visit);
  return found;
}
