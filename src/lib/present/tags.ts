/**
 * Articles by their tags, as the tag pages list them. A tag's address is its slug (`AI policy` → `/tags/ai-policy/`,
 * Chinese by its pinyin): tags that spell one slug differently (`AI policy`, `AI Policy`) are one tag, under the
 * spelling the most articles use.
 */
import { createHash } from 'node:crypto';
import { slugOf } from '../ingest/slug.ts';

export interface Tag<Article> {
  slug: string;
  label: string;
  articles: Article[];
}

/**
 * A tag's slug: stable, URL-safe, and never empty. A tag the slug cannot spell (Cyrillic, Greek, Arabic, only
 * punctuation) takes a short hash of itself: one shared fallback would make every such tag one tag, on one page.
 */
export const tagSlug = (tag: string): string => {
  const text = tag.normalize('NFC').trim();
  return slugOf(text, '') || `tag-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
};

/** Every tag of the articles, the most used first (then by label), each with its articles in the order given. */
export function articlesByTag<Article extends { data: { tags: readonly string[] } }>(
  articles: readonly Article[],
): Tag<Article>[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; articles: Article[] }>();
  for (const article of articles) {
    const slugs = new Set<string>();
    for (const tag of article.data.tags) {
      const slug = tagSlug(tag.trim());
      const entry = bySlug.get(slug) ?? { spellings: new Map<string, number>(), articles: [] as Article[] };
      entry.spellings.set(tag.trim(), (entry.spellings.get(tag.trim()) ?? 0) + 1);
      if (!slugs.has(slug)) entry.articles.push(article);
      slugs.add(slug);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug]
    .map(([slug, { spellings, articles }]) => ({
      slug,
      label: [...spellings].sort(([a, m], [b, n]) => n - m || a.localeCompare(b))[0]![0],
      articles,
    }))
    .sort((a, b) => b.articles.length - a.articles.length || a.label.localeCompare(b.label));
}
