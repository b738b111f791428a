/** An entity's passages as its page shows them: under each article, under each section, in reading order. */

type Section = { id: string; title: string };

/**
 * The passages by article, then by section. The order is the index's (articles, then blocks in reading order), never
 * sorted again: grouping only gathers what is already together. `titleOf` names each article.
 */
export function passagesByArticle<P extends { articleSlug: string; section?: Section }>(
  passages: readonly P[],
  titleOf: (slug: string) => string,
): { slug: string; title: string; sections: { section: Section | undefined; items: P[] }[] }[] {
  return [...Map.groupBy(passages, (passage) => passage.articleSlug)].map(([slug, list]) => ({
    slug,
    title: titleOf(slug),
    sections: [...Map.groupBy(list, (passage) => passage.section?.id ?? '')].map(([, items]) => ({
      section: items[0]!.section,
      items,
    })),
  }));
}
