/**
 * What a linked block carries besides its links: its permalink, the ids it had before an edit (so old links still
 * land on it), and what makes it a search sub-result (its id and opening words) with the Chinese terms that make its
 * text findable on an English page.
 */
import type { Element, Root } from 'hast';
import { annotateTree, type AnnotatedBlock, type DocumentContext } from './annotate.ts';
import type { Matcher } from './matcher.ts';
import type { Redirect } from './ledger.ts';
import { TERMS_CLOSE, TERMS_OPEN } from '../search/search-results.ts';
import { chineseSearchTerms, subResultTitle } from '../search/search-terms.ts';
import { attributeVoices } from './voices.ts';

/**
 * Links a document's tree in place and marks up its blocks; `redirectsFor` gives the retired ids that now land on
 * its blocks (the ledger's reconciliation, or what the index already knows).
 */
export function linkTree(
  tree: Root,
  matcher: Matcher,
  context: DocumentContext,
  redirectsFor: (blocks: AnnotatedBlock[]) => Redirect[],
) {
  const marked: { element: Element; block: AnnotatedBlock }[] = [];
  const blocks = annotateTree(tree, matcher, context, (element, block) => marked.push({ element, block }));
  attributeVoices(tree, blocks);
  const redirects = redirectsFor(blocks);
  const retiredIds = Map.groupBy(redirects, (redirect) => redirect.to);
  for (const { element, block } of marked) {
    prepareForSearch(element, block, context);
    addPermalink(element, block);
    // Ids this block replaced: an empty element carrying each, so old links still land here, no JavaScript needed.
    for (const { from } of retiredIds.get(block.id) ?? []) {
      element.children.unshift({
        type: 'element',
        tagName: 'span',
        properties: { id: from, className: ['retired-id'] },
        children: [],
      });
    }
  }
  return { blocks, redirects };
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

/** Who speaks a block, by name, when it is someone's words: a quote's speaker or source, an interview turn's speaker. */
export function speakerOf(block: AnnotatedBlock, context: Pick<DocumentContext, 'name'>): string | undefined {
  const voice = block.voice;
  if (voice?.kind === 'quote') return voice.by ? context.name(voice.by) : voice.source;
  if (voice?.kind === 'turn') return voice.speaker ? context.name(voice.speaker) : voice.label.replace(/[:：]\s*$/, '');
  return undefined;
}

/**
 * Pagefind makes an element with an id and `data-pagefind-title` a sub-result; headings are sub-results already. A
 * block's title is its speaker, so a result says who said the words, or its heading.
 */
function prepareForSearch(element: Element, block: AnnotatedBlock, context: DocumentContext) {
  if (block.role !== 'heading')
    element.properties.dataPagefindTitle = subResultTitle({
      speaker: speakerOf(block, context),
      interview: block.voice?.kind === 'turn',
      heading: block.section?.title,
      page: context.title,
    });
  const terms = chineseSearchTerms(block.text);
  if (!terms.length) return;
  // An empty element whose attribute Pagefind indexes in place: nothing shows on the page or in its text.
  element.children.push({
    type: 'element',
    tagName: 'span',
    properties: {
      dataPagefindIndexAttrs: 'data-search-terms',
      dataSearchTerms: `${TERMS_OPEN} ${terms.join(' ')} ${TERMS_CLOSE}`,
    },
    children: [],
  });
}
