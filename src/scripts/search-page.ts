/** The /search/ page: runs the query in the URL (`?q=…&kind=…`), and keeps the URL in step so a search can be shared. */
import { arrowNavigation, renderResults, renderStatus, search } from './search.ts';

export function initSearchPage() {
  const form = document.querySelector<HTMLFormElement>('#search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const list = document.querySelector<HTMLElement>('#search-results')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const kinds = () =>
    [...form.querySelectorAll<HTMLInputElement>('input[name="kind"]:checked')].map((box) => box.value);

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="kind"]'))
    box.checked = params.getAll('kind').includes(box.value);

  let current: AbortController | undefined;
  const run = async () => {
    const query = input.value;
    current?.abort(); // a newer query's results replace these
    const controller = (current = new AbortController());
    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const kind of kinds()) url.searchParams.append('kind', kind);
    history.replaceState(null, '', url);
    const found = await search(query, { kinds: kinds(), signal: controller.signal });
    if (controller.signal.aborted) return;
    renderResults(list, found);
    renderStatus(status, query, found, (name) => {
      input.value = name;
      input.focus();
      void run();
    });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('input', () => void run());
  form.addEventListener('change', () => void run());
  arrowNavigation(input, list);
  if (input.value) void run();
}
