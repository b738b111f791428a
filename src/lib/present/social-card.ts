/**
 * Social cards: a 1200x630 PNG per page, drawn at build time, so a link pasted into a newsletter or a chat shows the
 * page's title, kind and Chinese name. This module lays a card out and picks its fonts; `card-worker.mjs` draws it
 * (satori, then sharp) in a worker thread, and `card-pool.ts` runs those workers on every core. The font is Noto Sans
 * SC from npm, loaded only in the slices (unicode ranges) that hold the card's characters, so 李彦宏 gets real glyphs.
 */
import { basename } from 'node:path';
import { CARD_SIZE } from '../content/kinds.ts';
import { slicesHolding } from './noto-sans-sc.ts';

/** Bump when the card's design changes, so cached cards are drawn anew. */
export const CARD_DESIGN = 2;
const { width: CARD_WIDTH, height: CARD_HEIGHT } = CARD_SIZE;
const ACCENT_WIDTH = 24;
const PADDING_X = 72;
const PADDING_Y = 64;
/** The card less its padding and accent bar: text wraps within it. */
const TEXT_WIDTH = CARD_WIDTH - ACCENT_WIDTH - PADDING_X * 2;

export interface CardContent {
  title: string;
  /** "Article", "Organization", … */
  label: string;
  native?: string | undefined;
  /** A line under the title: an article's dek, an entity's summary. */
  subtitle?: string | undefined;
  siteName: string;
  /** The kind's colour, as a CSS colour. */
  accent: string;
}

/** A font file the worker loads for a card: satori falls back across families, so each slice is a family. */
export interface CardFont {
  name: string;
  file: string;
  weight: 400 | 700;
}

/** What the worker draws: a satori element tree and the fonts it needs. Plain data, to pass to a worker thread. */
export interface CardLayout {
  tree: Node;
  fonts: CardFont[];
  width: number;
  height: number;
}

/** The font's slices that hold the given text's characters. */
function fontsFor(text: string, weight: 400 | 700): CardFont[] {
  return slicesHolding(weight, new Set([...text].map((char) => char.codePointAt(0)!))).map(({ slice }) => ({
    name: basename(slice.woff).replace(/^noto-sans-sc-|-\d+-normal\.woff$/g, 'slice-'),
    file: slice.woff,
    weight,
  }));
}

export type Node = { type: string; props: Record<string, unknown> & { children?: (Node | string)[] | Node | string } };
const h = (type: string, style: Record<string, unknown>, ...children: (Node | string | false | undefined)[]): Node => ({
  type,
  props: { style, children: children.filter((c): c is Node | string => Boolean(c)) },
});

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The card's layout: its text clipped to fit, in the site's colours, with the font slices its characters need. */
export function cardLayout(card: CardContent): CardLayout {
  const title = clip(card.title, 110);
  const subtitle = card.subtitle && clip(card.subtitle, 160);
  const content = h(
    'div',
    {
      width: CARD_WIDTH - ACCENT_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING_Y}px ${PADDING_X}px`,
    },
    h(
      'div',
      { display: 'flex', flexDirection: 'column' },
      h(
        'div',
        {
          display: 'flex',
          fontSize: 30,
          fontWeight: 700,
          letterSpacing: 2,
          textTransform: 'uppercase',
          color: card.accent,
        },
        card.label,
      ),
      h(
        'div',
        {
          display: 'flex',
          width: TEXT_WIDTH,
          marginTop: 20,
          fontSize: title.length > 60 ? 56 : 72,
          fontWeight: 700,
          lineHeight: 1.1,
        },
        title,
      ),
      card.native &&
        h('div', { display: 'flex', width: TEXT_WIDTH, marginTop: 16, fontSize: 64, color: '#5c5851' }, card.native),
      subtitle &&
        h(
          'div',
          { display: 'flex', width: TEXT_WIDTH, marginTop: 24, fontSize: 30, lineHeight: 1.35, color: '#5c5851' },
          subtitle,
        ),
    ),
    h('div', { display: 'flex', fontSize: 30, fontWeight: 700 }, card.siteName),
  );
  const tree = h(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', backgroundColor: '#fdfcf9', color: '#1c1b19' },
    h('div', { width: ACCENT_WIDTH, height: CARD_HEIGHT, backgroundColor: card.accent }),
    content,
  );
  // The label is drawn in capitals: its fonts must hold them (a slice can hold `n` and not `N`).
  const text = [card.label.toUpperCase(), title, card.native, subtitle, card.siteName].filter(Boolean).join('');
  const fonts = [...fontsFor(text, 400), ...fontsFor(text, 700)];
  tree.props.style = {
    ...(tree.props.style as object),
    fontFamily: [...new Set(fonts.map((font) => font.name))].join(', '),
  };
  return { tree, fonts, width: CARD_WIDTH, height: CARD_HEIGHT };
}
