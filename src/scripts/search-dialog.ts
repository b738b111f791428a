/**
 * The search dialog opened from the header (click, `/`, Ctrl/Cmd+K). A native <dialog>: it traps focus and closes
 * on Esc by itself. Built on first open, so pages that never search never load it.
 */
import { arrowNavigation, renderResults, renderStatus, search } from './search.ts';

const BASE = import.meta.env.BASE_URL;
let dialog: HTMLDialogElement | undefined;

function build(): HTMLDialogElement {
  const node = document.createElement('dialog');
  node.className = 'search-dialog';
  node.setAttribute('aria-labelledby', 'search-dialog-label');
  node.innerHTML = `
    <form role="search" method="get" action="${BASE}search/" class="flex items-center gap-2 border-b border-rule p-3">
      <label id="search-dialog-label" for="search-dialog-input" class="text-sm font-semibold">Search</label>
      <input id="search-dialog-input" name="q" type="search" autocomplete="off" spellcheck="false"
        class="min-w-0 flex-1 rounded border border-rule bg-paper px-2 py-1.5 text-base" placeholder="DeepSeek, 智商税, Liang…" />
      <button type="button" data-close class="rounded border border-rule px-2 py-1 text-sm">Close</button>
    </form>
    <p role="status" class="px-4 pt-2 text-sm text-muted" data-status></p>
    <ol class="max-h-[60vh] divide-y divide-rule overflow-y-auto px-4" data-results></ol>
    <p class="border-t border-rule px-4 py-2 text-sm"><a data-full href="${BASE}search/">Search with filters</a></p>`;
  document.body.append(node);

  const input = node.querySelector<HTMLInputElement>('input')!;
  const list = node.querySelector<HTMLElement>('[data-results]')!;
  const status = node.querySelector<HTMLElement>('[data-status]')!;
  const full = node.querySelector<HTMLAnchorElement>('[data-full]')!;
  let current: AbortController | undefined;
  input.addEventListener('input', async () => {
    const query = input.value;
    current?.abort(); // a newer keystroke's results replace these
    const controller = (current = new AbortController());
    full.href = `${BASE}search/${query ? `?q=${encodeURIComponent(query)}` : ''}`;
    const found = await search(query, { signal: controller.signal });
    if (controller.signal.aborted) return;
    renderResults(list, found);
    renderStatus(status, query, found, (name) => {
      input.value = name;
      input.dispatchEvent(new Event('input'));
      input.focus();
    });
  });
  arrowNavigation(input, list);
  node.querySelector('[data-close]')!.addEventListener('click', () => node.close());
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  node.addEventListener('click', (event) => {
    if (event.target === node) node.close();
  });
  return node;
}

export function openSearchDialog() {
  dialog ??= build();
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  input.focus();
  input.select();
}
