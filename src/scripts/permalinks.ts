/**
 * Paragraph permalinks: a click copies the paragraph's full, canonical URL and says so, on screen and to screen
 * readers. A site built without its public address marks its canonical link as a placeholder: the copied link is
 * then the address the reader is on, which leads somewhere. Without JavaScript the same control is a plain link to
 * the paragraph.
 */
const CONFIRMATION_MS = 2000;

function announce(message: string) {
  let status = document.querySelector<HTMLElement>('#permalink-status');
  if (!status) {
    status = document.createElement('p');
    status.id = 'permalink-status';
    status.setAttribute('role', 'status');
    status.className = 'sr-only';
    document.body.append(status);
  }
  status.textContent = message;
}

document.addEventListener('click', async (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.permalink');
  if (!link) return;
  event.preventDefault();
  const page =
    document.querySelector<HTMLLinkElement>('link[rel="canonical"]:not([data-placeholder])')?.href ?? location.href;
  const url = `${page.split('#')[0]}${link.hash}`;
  location.hash = link.hash;
  try {
    await navigator.clipboard.writeText(url);
    link.dataset.copied = 'Copied';
    announce(`Link copied: ${url}`);
  } catch {
    link.dataset.copied = 'Link in the address bar';
    announce(`Copy the link from the address bar: ${url}`);
  }
  setTimeout(() => delete link.dataset.copied, CONFIRMATION_MS);
});
