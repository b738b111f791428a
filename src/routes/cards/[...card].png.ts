/**
 * One social card per page, at /cards/<page path>.png, drawn at build time. Cards are cached by their content, so a
 * rebuild redraws only the cards whose text changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { entityKinds } from '../../lib/content/content-schema.ts';
import { cardAccent, kindInfo, paths } from '../../lib/content/kinds.ts';
import { settings } from '../site-data.ts';
import { timedAsync } from '../../lib/build/build-timings.ts';
import { CARD_DESIGN, renderCard, type CardContent } from '../../lib/present/social-card.ts';

const CACHE = process.env.DOSSIER_CARD_CACHE ?? 'node_modules/.cache/dossier-cards';

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
  return cards.map(([page, card]) => ({
    params: { card: paths.card(page).slice('/cards/'.length, -'.png'.length) },
    props: { card: { ...card, siteName: settings.title } },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const card = props.card as CardContent;
  const file = join(
    CACHE,
    `${createHash('sha256').update(JSON.stringify({ CARD_DESIGN, card })).digest('hex').slice(0, 24)}.png`,
  );
  let png: Uint8Array;
  if (existsSync(file)) {
    png = readFileSync(file);
  } else {
    png = await timedAsync('cards', () => renderCard(card));
    mkdirSync(CACHE, { recursive: true });
    // Written aside and renamed into place: a build running at the same time never reads half a card.
    writeFileSync(`${file}.${process.pid}`, png);
    renameSync(`${file}.${process.pid}`, file);
  }
  return new Response(png as BodyInit, { headers: { 'Content-Type': 'image/png' } });
};
