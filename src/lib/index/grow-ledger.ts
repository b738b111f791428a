/**
 * The ledger's side of a build: each page's blocks reconciled with the ids the page published before (ledger.ts),
 * the ledger grown by what every page publishes now, and where each retired id lands, page by page.
 */
import { reconcile, type Ledger, type LedgerEntry, type Redirect } from '../link/ledger.ts';

/** One page as this build publishes it: its ledger entries now, and the retired ids that land on its blocks. */
export interface PublishedPage {
  /** The page's path, without the base path: `/articles/<slug>/`. */
  page: string;
  entries: LedgerEntry[];
  redirects: Redirect[];
}

/** A retired id of a page, and where it lands now. */
export interface PageRedirect extends Redirect {
  page: string;
}

export function publishPage(
  previous: Ledger,
  page: string,
  blocks: readonly { id: string; text: string }[],
): PublishedPage {
  return { page, ...reconcile(previous[page] ?? [], blocks) };
}

/**
 * The previous ledger with every page published now in place of its old entries, pages sorted by path so that the
 * file changes only where ids do; and every redirect, in the order the pages were published.
 */
export function growLedger(
  previous: Ledger,
  published: readonly PublishedPage[],
): { ledger: Ledger; redirects: PageRedirect[] } {
  const ledger: Ledger = { ...previous };
  for (const { page, entries } of published) ledger[page] = entries;
  return {
    ledger: Object.fromEntries(Object.entries(ledger).sort(([a], [b]) => a.localeCompare(b))),
    redirects: published.flatMap(({ page, redirects }) => redirects.map((redirect) => ({ page, ...redirect }))),
  };
}

/** What the build tells the editor about a retired id. */
export function redirectNote({ page, from, to, why }: PageRedirect): string {
  return `Ledger: ${page}#${from} now lands on #${to} (${why === 'edited' ? 'the same paragraph, edited' : 'removed; the nearest paragraph'})`;
}
