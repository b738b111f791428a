/** The entities an article names, as its page shows them: the most mentioned for its structured data, and by kind. */
import { entityKinds, type EntityKind } from '../content/kinds.ts';

/**
 * The `limit` entities an article mentions most, most mentions first; among equals, the one the article names first
 * (the order `mentionCounts` holds them in).
 */
export function mostMentioned(mentionCounts: ReadonlyMap<string, number>, limit: number): string[] {
  return [...mentionCounts]
    .sort(([, a], [, b]) => b - a)
    .slice(0, limit)
    .map(([id]) => id);
}

/** "In this article": one group per kind named, in the kinds' order; in each, the most mentioned first, then by name. */
export function entitiesByKind<T extends { kind: EntityKind; name: string; count: number }>(
  entities: readonly T[],
): { kind: EntityKind; items: T[] }[] {
  return entityKinds()
    .map((kind) => ({
      kind,
      items: entities
        .filter((entity) => entity.kind === kind)
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    }))
    .filter((group) => group.items.length > 0);
}
