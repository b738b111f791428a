/**
 * Each entity's related entities, ranked: those an entity file lists as related (either way round) and those named
 * with it in the same passages, each with the reason it is there.
 */
import type { EntityId } from '../content/content-schema.ts';
import { entityOf, type Content } from '../content/registry.ts';

export interface RelatedEntity {
  id: EntityId;
  score: number;
  /** Why, in a few words: "listed as related; mentioned together in 4 passages". */
  reason: string;
}

/** A listing counts as three shared passages. Ties go by name. */
export function rankRelated(
  content: Content,
  coMentions: ReadonlyMap<EntityId, ReadonlyMap<EntityId, number>>,
): Map<EntityId, RelatedEntity[]> {
  const related = new Map<EntityId, RelatedEntity[]>();
  for (const entity of content.entities.values()) {
    const candidates = new Set([...entity.data.related, ...(coMentions.get(entity.id)?.keys() ?? [])]);
    const ranked = [...candidates]
      .filter((id) => id !== entity.id)
      .map((id) => {
        const explicit = entity.data.related.includes(id) || entityOf(content, id).data.related.includes(entity.id);
        const together = coMentions.get(entity.id)?.get(id) ?? 0;
        const reasons = [
          explicit && 'listed as related',
          together > 0 && `mentioned together in ${together} passage${together === 1 ? '' : 's'}`,
        ].filter(Boolean);
        return { id, score: (explicit ? 3 : 0) + together, reason: reasons.join('; ') };
      })
      .sort(
        (a, b) =>
          b.score - a.score || entityOf(content, a.id).data.name.localeCompare(entityOf(content, b.id).data.name),
      );
    related.set(entity.id, ranked);
  }
  return related;
}
