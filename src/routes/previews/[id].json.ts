/** The small record a hover preview of an entity link shows: one file per entity, fetched on first hover. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { kindInfo } from '../../lib/content/kinds.ts';
import { siteIndex } from '../site-data.ts';

export const getStaticPaths = (async () =>
  (await getCollection('entities')).map((entity) => ({
    params: { id: entity.id },
    props: { entity },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entity } = props as { entity: Awaited<ReturnType<typeof getCollection<'entities'>>>[number] };
  const passages = siteIndex().passages.get(entity.id)?.length ?? 0;
  const preview = {
    name: entity.data.name,
    native: entity.data.native ?? null,
    kind: kindInfo(entity.data.kind).singular,
    summary: entity.data.summary,
    passages,
  };
  return new Response(JSON.stringify(preview), { headers: { 'Content-Type': 'application/json' } });
};
