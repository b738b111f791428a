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
  const passed = new Set<Element>();
  let current: HTMLAnchorElement | undefined;
  // An IntersectionObserver instead of work on every scroll: its root reaches far above the window and ends a
  // third of the way down it, so a heading is inside once passed, and every crossing of that line is reported,
  // by scrolling or by a jump over many headings at once.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (isIntersecting) passed.add(target);
        else passed.delete(target);
      }
      const next = links[headings.findLastIndex((heading) => heading !== null && passed.has(heading))];
      if (next === current) return;
      current?.removeAttribute('aria-current');
      next?.setAttribute('aria-current', 'true');
      current = next;
    },
    { rootMargin: '1000000px 0px -66% 0px' },
  );
  for (const heading of headings) if (heading) observer.observe(heading);
}
