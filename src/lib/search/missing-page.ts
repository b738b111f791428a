/**
 * What a reader may have meant by an address the site has no page at: the words of its path, as queries for the
 * names index (name-match.ts), the most specific first. `/org/deepsek/` asks "deepsek", then "org".
 */
export function missingPathQueries(pathname: string): string[] {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: its words are read as they are.
  }
  const words = path
    .replace(/(\/index)?\.html?$/, '')
    .split('/')
    .map((segment) => segment.replace(/[-_.+]+/g, ' ').trim())
    .filter((segment) => /\p{L}/u.test(segment));
  return [...new Set(words.reverse())];
}
