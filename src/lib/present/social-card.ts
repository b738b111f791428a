/**
 * Social cards: a 1200x630 PNG per page, drawn at build time, so a link pasted into a newsletter or a chat shows the
 * page's title, kind and Chinese name. This module lays a card out and picks its fonts; `card-worker.mjs` draws it
 * (satori, then sharp) in a worker thread, and `card-pool.ts` runs those workers on every core. The font is Noto Sans
 * SC from npm, loaded only in the slices (unicode ranges) that hold the card's characters, so 李彦宏 gets real glyphs.
 */
import { basename } from 'node:path';
import { CARD_SIZE } from '../content/kinds.ts';
import { slicesHolding } from './fontsource.ts';

/** Bump when the card's design changes, so cached cards are drawn anew. */
export const CARD_DESIGN = 3;
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

/**
 * The font slices that draw the text: Noto Sans for Latin letters and the punctuation around them (Noto Sans SC draws
 * quotation marks and apostrophes full-width, as Chinese sets them: "China’ s"), then Noto Sans SC for the rest.
 * satori falls back from one family to the next, so each slice is a family of its own, in that order.
 */
function fontsFor(text: string, weight: 400 | 700): CardFont[] {
  const codePoints = new Set([...text].map((char) => char.codePointAt(0)!));
  const latin = slicesHolding(weight, codePoints, '@fontsource/noto-sans');
  for (const { codePoints: drawn } of latin) for (const code of drawn) codePoints.delete(code);
  return [...latin, ...slicesHolding(weight, codePoints)].map(({ slice }) => ({
    name: basename(slice.woff).replace(/-\d+-normal\.woff$/, ''),
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

const LABEL_SIZE = 30;
const SUBTITLE_SIZE = 30;
const SUBTITLE_LINE = 1.35;
const NATIVE_SIZE = 64;
/** The line height of the label, the native name and the site's name: set, since the font's own is taller. */
const LINE = 1.2;
/** The height the title, the native name and the subtitle share: the card less its padding, label and site name. */
const TEXT_HEIGHT = CARD_HEIGHT - PADDING_Y * 2 - 2 * LABEL_SIZE * LINE - 20 - 24;

/**
 * How many lines a text takes at a size, at most: a Han character is as wide as the size, other characters are
 * taken as 0.62 of it (Noto Sans Bold averages less), and a line as 90% full, since words wrap whole.
 */
export function linesAtMost(text: string, size: number): number {
  const ems = [...text].reduce(
    (sum, char) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 1 : 0.62),
    0,
  );
  return Math.max(1, Math.ceil((ems * size) / (TEXT_WIDTH * 0.9)));
}

/**
 * Where the card's text goes: the title large where it fits in two lines, smaller in up to three; the native name on
 * one line; the subtitle in the lines left, so that nothing runs into the site's name at the foot of the card.
 */
export function cardTextLayout(card: Pick<CardContent, 'title' | 'native' | 'subtitle'>) {
  const titleSize = linesAtMost(card.title, 72) <= 2 ? 72 : 56;
  const titleLines = Math.min(3, linesAtMost(card.title, titleSize));
  const nativeHeight = card.native ? 16 + NATIVE_SIZE * LINE : 0;
  const left = TEXT_HEIGHT - titleLines * titleSize * 1.1 - nativeHeight - 24;
  const subtitleLines = card.subtitle ? Math.max(0, Math.floor(left / (SUBTITLE_SIZE * SUBTITLE_LINE))) : 0;
  return { titleSize, titleLines: 3, subtitleLines };
}

/** The card's layout: its text clamped to fit, in the site's colours, with the font slices its characters need. */
export function cardLayout(card: CardContent): CardLayout {
  const title = clip(card.title, 160);
  const subtitle = card.subtitle && clip(card.subtitle, 400);
  const fit = cardTextLayout({ title, native: card.native, subtitle });
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
          fontSize: LABEL_SIZE,
          lineHeight: LINE,
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
          display: 'block',
          width: TEXT_WIDTH,
          marginTop: 20,
          fontSize: fit.titleSize,
          fontWeight: 700,
          lineHeight: 1.1,
          lineClamp: fit.titleLines,
        },
        title,
      ),
      card.native &&
        h(
          'div',
          {
            display: 'block',
            width: TEXT_WIDTH,
            marginTop: 16,
            fontSize: NATIVE_SIZE,
            lineHeight: LINE,
            color: '#5c5851',
            lineClamp: 1,
          },
          card.native,
        ),
      subtitle &&
        fit.subtitleLines > 0 &&
        h(
          'div',
          {
            // satori clamps the lines of a block only.
            display: 'block',
            width: TEXT_WIDTH,
            marginTop: 24,
            fontSize: SUBTITLE_SIZE,
            lineHeight: SUBTITLE_LINE,
            color: '#5c5851',
            lineClamp: fit.subtitleLines,
          },
          subtitle,
        ),
    ),
    h('div', { display: 'flex', fontSize: LABEL_SIZE, lineHeight: LINE, fontWeight: 700 }, card.siteName),
  );
  const tree = h(
    'div',
    { width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', backgroundColor: '#fdfcf9', color: '#1c1b19' },
    h('div', { width: ACCENT_WIDTH, height: CARD_HEIGHT, backgroundColor: card.accent }),
    content,
  );
  // The label is drawn in capitals: its fonts must hold them (a slice can hold `n` and not `N`).
  // A clamped line ends in an ellipsis: its font too.
  const text = [card.label.toUpperCase(), title, card.native, subtitle, card.siteName, '…'].filter(Boolean).join('');
  const fonts = [...fontsFor(text, 400), ...fontsFor(text, 700)];
  tree.props.style = {
    ...(tree.props.style as object),
    fontFamily: [...new Set(fonts.map((font) => font.name))].join(', '),
  };
  return { tree, fonts, width: CARD_WIDTH, height: CARD_HEIGHT };
}
