/**
 * One social card per page, at /cards/<page path>.png, drawn at build time. Cards are cached by their content, so a
 * rebuild redraws only the cards whose text changed; in a build, every card not cached yet is queued on the card pool
 * as soon as the list of cards is known, and each card's page waits only for its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from 'virtual:dossier/config';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { entityKinds } from '../../lib/content/content-schema.ts';
import { cardAccent, kindInfo, paths } from '../../lib/content/kinds.ts';
import { settings } from '../site-data.ts';
import { timedAsync } from '../../lib/build/build-timings.ts';
import { cardPool } from '../../lib/present/card-pool.ts';
import { shardOf } from '../../lib/build/shards.ts';
import { CARD_DESIGN, cardLayout, type CardContent } from '../../lib/present/social-card.ts';

const CACHE = process.env.DOSSIER_CARD_CACHE ?? 'node_modules/.cache/dossier-cards';
const pool = cardPool(config.cardWorker);
/** The cards being drawn, by their file. */
const drawing = new Map<string, Promise<void>>();

const cacheFile = (card: CardContent) =>
  join(CACHE, `${createHash('sha256').update(JSON.stringify({ CARD_DESIGN, card })).digest('hex').slice(0, 24)}.png`);

/** The card's file, drawn first unless it is cached or already on its way. */
function cardFile(card: CardContent): { file: string; ready: Promise<void> } {
  const file = cacheFile(card);
  let ready = drawing.get(file);
  if (!ready) {
    ready = existsSync(file) ? Promise.resolve() : pool.draw({ layout: cardLayout(card), file });
    // A card that fails to draw fails its own page, not the queue.
    ready.catch(() => undefined);
    drawing.set(file, ready);
  }
  return { file, ready };
}
export const getStaticPaths = (async () => {
  const articles = await getCollection('articles');
  const entities = await getCollection('entities');
  const cards: [string, Omit<CardContent, 'siteName'>][] = [
    [
      '/',
      {
        title: settings.title,
        label: 'Knowledge base',
        subtitle: `Long-form reporting and everything it names: ${settings.description}`,
        accent: cardAccent('article'),
      },
    ],
    ...articles.map((a): [string, Omit<CardContent, 'siteName'>] => [
      paths.article(a.id),
      { title: a.data.title, label: a.data.source.publication, subtitle: a.data.dek, accent: cardAccent('article') },
    ]),
    ...entities.map((e): [string, Omit<CardContent, 'siteName'>] => [
      paths.entity(e.data.kind, e.id),
      {
        title: e.data.name,
        label: kindInfo(e.data.kind).singular,
        native: e.data.native?.name,
        subtitle: e.data.summary,
        accent: cardAccent(e.data.kind),
      },
    ]),
    ...entityKinds().map((kind): [string, Omit<CardContent, 'siteName'>] => [
      paths.kindIndex(kind),
      { title: kindInfo(kind).plural, label: settings.title, accent: cardAccent(kind) },
    ]),
    [paths.graph(), { title: 'Graph', label: settings.title, accent: cardAccent('article') }],
  ];
  const all = cards.map(([page, card]) => ({
    params: { card: paths.card(page).slice('/cards/'.length, -'.png'.length) },
    props: { card: { ...card, siteName: settings.title } },
  }));
  // In a build every card is wanted (in a shard's, its own): queue them now, so the pool draws while pages are written.
  const { shard } = config;
  if (import.meta.env.PROD)
    for (const { params, props } of all)
      if (!shard || shardOf(`/cards/${params.card}.png`, shard.count) === shard.index) cardFile(props.card);
  return all;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file, ready } = cardFile(props.card as CardContent);
  await timedAsync('cards', () => ready);
  return new Response(readFileSync(file) as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
