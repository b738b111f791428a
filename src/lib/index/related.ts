/**
 * Each entity's related entities, ranked, each once with the reason it is there in plain words: those an entity file
 * lists, by a role (a founder, a maker…) or as related, either way round, and those named with it in the same
 * passages.
 */
import { isBuiltInKind, kindInfo } from '../content/kinds.ts';
import { referenceFields, type EntityId } from '../content/content-schema.ts';
import { entityOf, type Content, type Entity } from '../content/registry.ts';

export interface RelatedEntity {
  id: EntityId;
  score: number;
  /** Why, in a few words: "listed as its founder; named together in 4 passages". */
  reason: string;
}

/**
 * What the entity a built-in field names is to the entity whose field it is: as the only one the field names, and as
 * one of several. A site's own field is named by its label ("its members").
 */
const BUILT_IN_ROLES: Record<string, [one: string, several: string]> = {
  founders: ['its founder', 'one of its founders'],
  parent: ['its parent organization', 'its parent organization'],
  affiliations: ['an affiliation', 'an affiliation'],
  issuer: ['its issuer', 'its issuer'],
  maker: ['its maker', 'its maker'],
  country: ['its country', 'its country'],
};

/** The roles `holder` has in `entity`'s file ("its founder"), from its reference fields other than `related`. */
function rolesOf(entity: Entity, holder: EntityId): string[] {
  const data = entity.data as unknown as Record<string, string | string[] | undefined>;
  return referenceFields(entity.kind)
    .filter((field) => field !== 'related')
    .flatMap((field) => {
      const ids = [data[field] ?? []].flat();
      if (!ids.includes(holder)) return [];
      const builtIn = isBuiltInKind(entity.kind) ? BUILT_IN_ROLES[field] : undefined;
      return [
        builtIn ? builtIn[ids.length > 1 ? 1 : 0] : `its ${kindInfo(entity.kind).fields[field]!.label.toLowerCase()}`,
      ];
    });
}

/**
 * The reasons one entity is related to another, in plain words, strongest first: the roles the files give
 * ("listed as its founder", "lists Liang Wenfeng as its founder"), else "listed as related"; then how many passages
 * name both ("named together in 5 passages").
 */
export function relationReasons(entity: Entity, other: Entity, together: number): string[] {
  const forward = rolesOf(entity, other.id).map((phrase) => `listed as ${phrase}`);
  const backward = rolesOf(other, entity.id).map((phrase) => `lists ${entity.data.name} as ${phrase}`);
  const listed = entity.data.related.includes(other.id) || other.data.related.includes(entity.id);
  const roles = [...forward, ...backward];
  return [
    ...(roles.length ? roles : listed ? ['listed as related'] : []),
    ...(together > 0 ? [`named together in ${together} passage${together === 1 ? '' : 's'}`] : []),
  ];
}

/** Entity id -> the entities its file lists, or whose files list it, by a role or as related; built once. */
function listings(content: Content): Map<EntityId, Set<EntityId>> {
  const listed = new Map<EntityId, Set<EntityId>>();
  const add = (a: EntityId, b: EntityId) => {
    if (a !== b) listed.set(a, (listed.get(a) ?? new Set()).add(b));
  };
  for (const entity of content.entities.values()) {
    const data = entity.data as unknown as Record<string, string | string[] | undefined>;
    for (const field of referenceFields(entity.kind))
      for (const id of [data[field] ?? []].flat()) {
        add(entity.id, id as EntityId);
        add(id as EntityId, entity.id);
      }
  }
  return listed;
}

/**
 * The order: a listing, by a role or as related, counts as three shared passages, so an entity the editor lists
 * comes before one named with it only once or twice, and one named with it in many passages comes first of all.
 * Ties go by name.
 */
export const LISTING_WEIGHT = 3;

export function rankRelated(
  content: Content,
  coMentions: ReadonlyMap<EntityId, ReadonlyMap<EntityId, number>>,
): Map<EntityId, RelatedEntity[]> {
  const related = new Map<EntityId, RelatedEntity[]>();
  const byName = new Intl.Collator().compare;
  const listedWith = listings(content);
  for (const entity of content.entities.values()) {
    const listed = listedWith.get(entity.id) ?? new Set();
    const together = coMentions.get(entity.id);
    const candidates = new Set([...listed, ...(together?.keys() ?? [])]);
    const ranked = [...candidates]
      .filter((id) => id !== entity.id)
      .map((id) => {
        const passages = together?.get(id) ?? 0;
        const reason = relationReasons(entity, entityOf(content, id), passages).join('; ');
        return { id, score: (listed.has(id) ? LISTING_WEIGHT : 0) + passages, reason };
      })
      .sort(
        (a, b) => b.score - a.score || byName(entityOf(content, a.id).data.name, entityOf(content, b.id).data.name),
      );
    related.set(entity.id, ranked);
  }
  return related;
}

/**
 * The pages whose descriptions name an entity (`mentionedOn`) that its related entities do not already list, in the
 * order given: what "Mentioned on" adds below them.
 */
export function mentionedOnBesides(mentionedOn: readonly EntityId[], related: readonly RelatedEntity[]): EntityId[] {
  const listed = new Set(related.map(({ id }) => id));
  return mentionedOn.filter((id) => !listed.has(id));
}
