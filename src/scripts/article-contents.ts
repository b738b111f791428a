/**
 * The article's "On this page" (ArticleContents.astro): open wherever it stands beside the text, and the section
 * being read marked in it, the last whose heading has passed the top third of the window.
 */
const contents = document.querySelector<HTMLDetailsElement>('[data-article-contents]');
if (contents) {
  const beside = matchMedia('(width >= 64rem)');
  const follow = () => {
    if (beside.matches) contents.open = true;
  };
  follow();
  beside.addEventListener('change', follow);

  const links = [...contents.querySelectorAll<HTMLAnchorElement>('li > a')];
  const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
  let frame = 0;
  const mark = () => {
    frame = 0;
    const line = innerHeight / 3;
    let current = -1;
    headings.forEach((heading, i) => {
      if (heading && heading.getBoundingClientRect().top <= line) current = i;
    });
    links.forEach((link, i) => {
      if (i === current) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    });
  };
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(mark)), { passive: true });
  mark();
}
