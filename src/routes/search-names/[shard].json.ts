/**
 * One shard of the names that forgive typos (name-index.ts): the entities' names and the articles' title words whose
 * folded key has the shard's length. Search fetches only the shards a query needs, once search is open.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { paths } from '../../lib/content/kinds.ts';
import { surfaceForms } from '../../lib/content/registry.ts';
import { nameShardsOf } from '../../lib/search/name-index.ts';
import { entityNames } from '../../lib/search/search-terms.ts';
import { siteIndex } from '../site-data.ts';

export const getStaticPaths = (() => {
  const { content, articleTitles } = siteIndex();
  const entities = [...content.entities.values()].map((entity) => ({
    page: paths.entity(entity.kind, entity.id),
    name: entity.data.name,
    kind: entity.kind,
    forms: entityNames(surfaceForms(entity.data)),
  }));
  return [...nameShardsOf(entities, [...articleTitles.values()])].map(([shard, names]) => ({
    params: { shard: String(shard) },
    props: { names },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.names), { headers: { 'Content-Type': 'application/json' } });
