/**
 * The linker as a rehype plugin: a thin adapter that runs `annotateTree` over each content file Astro renders, with
 * the build's one matcher. Each block also gets its permalink, keeps the ids it had before an edit, and becomes a
 * search sub-result (its id and opening words) with the Chinese terms that make its text findable on an English
 * page. Files outside the content folder pass through untouched.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { annotateTree, type AnnotatedBlock } from './annotate.ts';
import { timed } from './build-timings.ts';
import { TERMS_CLOSE, TERMS_OPEN } from './search-results.ts';
import { chineseSearchTerms, subResultTitle } from './search-terms.ts';
import { getSiteIndex, type SiteIndexOptions } from './site-index.ts';

export function rehypeEntityLinks(options: SiteIndexOptions) {
  return (tree: Root, file: VFile) => {
    if (!options.linking) return;
    const index = getSiteIndex(options);
    const context = file.path ? index.contextFor(file.path) : undefined;
    if (!context) return;
    const retiredIds = Map.groupBy(index.redirectsFor(file.path!), (redirect) => redirect.to);
    timed('linking', () => annotateTree(tree, index.matcher, context, (element, block) => {
      prepareForSearch(element, block);
      addPermalink(element, block);
      // Ids this block replaced: an empty element carrying each, so old links still land here, no JavaScript needed.
      for (const { from } of retiredIds.get(block.id) ?? []) {
        element.children.unshift({ type: 'element', tagName: 'span', properties: { id: from, className: ['retired-id'] }, children: [] });
      }
    }));
  };
}

/** The block's own link: shown on hover and keyboard focus; a click copies the full URL (src/scripts/permalinks.ts). */
function addPermalink(element: Element, block: AnnotatedBlock) {
  element.children.push({
    type: 'element',
    tagName: 'a',
    properties: {
      href: `#${block.id}`,
      className: ['permalink'],
      ariaLabel: block.role === 'heading' ? 'Link to this section' : 'Link to this paragraph',
    },
    children: [],
  });
}

/** Pagefind makes an element with an id and `data-pagefind-title` a sub-result; headings are sub-results already. */
function prepareForSearch(element: Element, block: AnnotatedBlock) {
  if (block.role !== 'heading') element.properties.dataPagefindTitle = subResultTitle(block.text);
  const terms = chineseSearchTerms(block.text);
  if (!terms.length) return;
  // An empty element whose attribute Pagefind indexes in place: nothing shows on the page or in its text.
  element.children.push({
    type: 'element',
    tagName: 'span',
    properties: { dataPagefindIndexAttrs: 'data-search-terms', dataSearchTerms: `${TERMS_OPEN} ${terms.join(' ')} ${TERMS_CLOSE}` },
    children: [],
  });
}
