/**
 * An article's body as a feed item carries it: the site's own markup left out (permalinks, search terms, retired
 * ids), links made absolute so they work in any reader, and a long article cut after its last whole block within a
 * set size, with a link to the rest. A reader fetches the whole feed at once: one 20 MB article must not make it 46 MB.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** An item's body at most, in characters of HTML, before the rest is left to the link. */
export const FEED_ITEM_LIMIT = 100_000;

const classes = (element: Element) => {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};
/** Markup only the site's pages need: a paragraph's copy link, a former id, the terms search indexes in place. */
const siteOnly = (element: Element) =>
  classes(element).some((name) => name === 'permalink' || name === 'retired-id') ||
  element.properties.dataPagefindIndexAttrs !== undefined;

export function feedBody(html: string, link: string, origin: string, limit = FEED_ITEM_LIMIT): string {
  const cut = html.length > limit;
  // Only the part that can be kept is parsed; its last top-level block may be cut off, so it goes.
  const tree: Root = fromHtml(cut ? html.slice(0, limit) : html, { fragment: true });
  if (cut) tree.children = dropLastBlock(tree.children);
  visit(tree, 'element', (element, index, parent) => {
    if (siteOnly(element) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of Object.keys(element.properties))
      if (name.startsWith('dataPagefind')) delete element.properties[name];
    const href = element.properties.href;
    if (typeof href === 'string') {
      // Fragment and root-relative links point at the site, not at the feed.
      if (href.startsWith('#')) element.properties.href = `${link}${href}`;
      else if (href.startsWith('/') && !href.startsWith('//')) element.properties.href = `${origin}${href}`;
    }
    return undefined;
  });
  const body = toHtml(tree);
  return cut ? `${body}<p><a href="${link}">The article continues on the site.</a></p>` : body;
}

/** The blocks before the last element, and the whitespace between them. */
function dropLastBlock(children: RootContent[]): RootContent[] {
  const last = children.findLastIndex((child) => child.type === 'element');
  return last < 0 ? children : children.slice(0, last);
}
