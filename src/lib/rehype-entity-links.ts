/**
 * The linker as a rehype plugin: a thin adapter that runs `annotateTree` over each content file Astro renders, with
 * the build's one matcher. Each block also becomes a search sub-result (its id and opening words), with the Chinese
 * terms that make its text findable on an English page. Files outside the content folder pass through untouched.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { annotateTree, type AnnotatedBlock } from './annotate.ts';
import { TERMS_CLOSE, TERMS_OPEN, chineseSearchTerms, subResultTitle } from './search-terms.ts';
import { getSiteIndex, type SiteIndexOptions } from './site-index.ts';

export function rehypeEntityLinks(options: SiteIndexOptions) {
  return (tree: Root, file: VFile) => {
    const index = getSiteIndex(options);
    const context = file.path ? index.contextFor(file.path) : undefined;
    if (context) annotateTree(tree, index.matcher, context, prepareForSearch);
  };
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
