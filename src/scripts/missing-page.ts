/**
 * The 404 page's suggestions: the entities the missing address's words nearly name, from the names index search
 * uses, and its best word in the page's search box. Loaded by the search control only on a page that has them.
 */
import { withBase } from '../lib/build/site-url.ts';
import { missingPathQueries } from '../lib/search/missing-page.ts';
import { namedEntities } from './search.ts';

const BASE = import.meta.env.BASE_URL;

export async function suggestPages(section: HTMLElement): Promise<void> {
  const queries = missingPathQueries(location.pathname.slice(BASE.length - 1));
  const input = document.querySelector<HTMLInputElement>('#missing-search');
  if (input && queries[0]) input.value = queries[0];
  for (const query of queries) {
    const found = await namedEntities(query);
    if (!found.length) continue;
    section.querySelector('ul')!.replaceChildren(
      ...found.map(({ page, name }) => {
        const item = document.createElement('li');
        item.append(Object.assign(document.createElement('a'), { href: withBase(BASE, page), textContent: name }));
        return item;
      }),
    );
    section.hidden = false;
    return;
  }
}
