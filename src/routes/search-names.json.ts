/** The names every entity answers to, for search to forgive a typo in one (name-index.ts); loaded with search. */
import type { APIRoute } from 'astro';
import { paths } from '../lib/content/kinds.ts';
import { surfaceForms } from '../lib/content/registry.ts';
import { nameIndexOf } from '../lib/search/name-index.ts';
import { entityNames } from '../lib/search/search-terms.ts';
import { siteIndex } from './site-data.ts';

export const GET: APIRoute = () => {
  const entities = [...siteIndex().content.entities.values()].map((entity) => ({
    page: paths.entity(entity.kind, entity.id),
    name: entity.data.name,
    kind: entity.kind,
    forms: entityNames(surfaceForms(entity.data)),
  }));
  return new Response(JSON.stringify(nameIndexOf(entities)), { headers: { 'Content-Type': 'application/json' } });
};
