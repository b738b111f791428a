/**
 * Recovers an article's structure from a newsletter as received: the numbered notes at the end attached to the
 * markers glued to words (`innovations.1`, `plans3`), interview lines as a Q&A block, bare-line headings, quoted
 * passages after a lead-in ending with a colon, an editor's bracketed aside, trailing reader comments, and the
 * newsletter's own boilerplate (set apart and flagged, never dropped). Every guess is reported as a finding.
 *
 * Plain text has lost its headings and quotes, so those two are recovered only for plain text; Markdown and HTML
 * state them.
 */
import type { BlockContent, FootnoteDefinition, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import type { Finding, SourceDocument, SourceMeta } from './read.ts';
import { attributeQuote, type SpeakerEntity } from './speakers.ts';

export interface ShapedArticle {
  tree: Root;
  meta: SourceMeta;
  findings: Finding[];
}

export const NEWSLETTER_LABEL = 'From the newsletter';
export const EDITOR_ASIDE_LABEL = 'Editor’s aside';
export const COMMENTS_HEADING = 'Reader comments';

/** The guesses `shapeArticle` makes, each of which an editor can turn off (`--no-interview`, …). */
export const GUESSES = [
  'headings',
  'footnotes',
  'interview',
  'faq',
  'quotes',
  'speakers',
  'asides',
  'comments',
  'boilerplate',
] as const;
export type Guess = (typeof GUESSES)[number];
export type ShapeOptions = Partial<Record<Guess, boolean>>;

export function shapeArticle(
  document: SourceDocument,
  options: ShapeOptions = {},
  { speakers = [] }: { speakers?: SpeakerEntity[] } = {},
): ShapedArticle {
  const on = (guess: Guess) => options[guess] !== false;
  const findings = [...document.findings];
  const meta = { ...document.meta };
  const note = (level: Finding['level'], node: RootContent | undefined, message: string) =>
    findings.push({ level, line: node?.position?.start.line, message });
  const plainText = document.format === 'text';

  const definitions = document.tree.children.filter(
    (node): node is FootnoteDefinition => node.type === 'footnoteDefinition',
  );
  let body: RootContent[] = document.tree.children.filter((node) => node.type !== 'footnoteDefinition');

  // Plain text gives no title line of its own unless the first line looks like one.
  if (plainText && !meta.title && body[0] && isHeadingLike(textOf(body[0]))) {
    meta.title = textOf(body[0]);
    note('detected', body[0], `title: “${meta.title}”`);
    body = body.slice(1);
  }

  const comments = on('comments') ? takeTrailingComments(body, note) : [];
  body = body.slice(0, body.length - comments.length);
  if (comments.length && isCommentsLabel(textOf(body.at(-1)))) body = body.slice(0, -1);

  if (definitions.length) {
    note(
      'detected',
      undefined,
      `${definitions.length} footnote${definitions.length === 1 ? '' : 's'} stated by the source`,
    );
  } else if (plainText && on('footnotes') && !hasFootnoteReferences(body)) {
    // Markdown and HTML state their footnotes; only a plain-text copy leaves its markers glued to words.
    const found = attachGluedFootnotes(body, note);
    body = found.body;
    definitions.push(...found.definitions);
  }

  if (on('boilerplate')) body = setApartBoilerplate(body, meta, note);
  if (on('asides')) body = setApartEditorAsides(body, note);
  if (on('interview')) body = gatherInterviews(body, note);
  if (plainText) body = boldLabels(body);
  if (on('faq')) body = gatherFaq(body, note);
  if (plainText) {
    if (on('headings')) body = recoverHeadings(body, note);
    if (on('quotes')) body = recoverQuotes(body, note);
  }
  if (on('speakers')) body = attributeQuotes(body, speakers, note);

  if (comments.length) {
    note(
      'detected',
      comments[0],
      `${comments.length} reader comment${comments.length === 1 ? '' : 's'}, set apart under “${COMMENTS_HEADING}”`,
    );
    body.push(
      { type: 'heading', depth: 2, children: [{ type: 'text', value: COMMENTS_HEADING }], data: EDITORIAL },
      ...comments.map((comment) => jsxBlock('Comment', {}, [comment as BlockContent])),
    );
  }
  return { tree: { type: 'root', children: [...body, ...definitions] }, meta, findings };
}

const textOf = (node: RootContent | undefined): string => (node ? toString(node).trim() : '');

/** Marks text the ingest wrote itself (a section heading, a note on a missing footnote): not the source's words. */
const EDITORIAL = { editorial: true } as Record<string, unknown>;

/** Marks the newsletter's own lines, set apart: the source's words, but not the article's. */
const BOILERPLATE_BLOCK = { boilerplate: true } as Record<string, unknown>;

/** How `sourceTexts` joins the cells of a table row: a bar prose does not use, so a row is known for one. */
export const TABLE_CELLS = ' │ ';

/**
 * The source's own words, block by block (paragraphs, headings and table rows, notes and comments included);
 * without the newsletter's own lines where `boilerplate` is false, as entity suggestions want them ("Share" names
 * nothing).
 */
export function sourceTexts(tree: Root, { boilerplate = true }: { boilerplate?: boolean } = {}): string[] {
  const texts: string[] = [];
  const walk = (node: Root | RootContent) => {
    const data = node.data as Record<string, unknown> | undefined;
    if (data?.editorial || (!boilerplate && data?.boilerplate)) return;
    if (node.type === 'paragraph' || node.type === 'heading') texts.push(toString(node).trim());
    // A table's rows, each one text with its cells apart (`DeepSeek │ 深度求索 │ Hangzhou`); the header row is
    // labels, not names.
    else if (node.type === 'table')
      for (const row of node.children.slice(1))
        texts.push(row.children.map((cell) => toString(cell).trim()).join(TABLE_CELLS));
    else if ('children' in node) for (const child of node.children) walk(child as RootContent);
  };
  walk(tree);
  return texts;
}

type Note = (level: Finding['level'], node: RootContent | undefined, message: string) => void;

function jsxBlock(name: string, attributes: Record<string, string>, children: BlockContent[]): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Headings

/** A bare line that reads like a heading: short, capitalised, no sentence punctuation at its end, no speaker label. */
export function isHeadingLike(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  return (
    text.length > 0 &&
    text.length <= 90 &&
    words.length <= 12 &&
    /^[\p{Lu}\p{N}“‘"'\p{Script=Han}]/u.test(text) &&
    !/[.!?:;,…\]]$/.test(text) &&
    !speakerLabel(text) &&
    /\p{L}/u.test(text)
  );
}

function recoverHeadings(body: RootContent[], note: Note): RootContent[] {
  return body.map((node, index) => {
    if (node.type !== 'paragraph' || !isHeadingLike(textOf(node)) || index === 0) return node;
    const rest = body.slice(index + 1);
    if (!rest.some((next) => next.type === 'paragraph' && !isHeadingLike(textOf(next)))) {
      note(
        'unsure',
        node,
        `“${textOf(node)}” reads like a title with nothing under it (an image or embed the text lost?): kept as a paragraph`,
      );
      return node;
    }
    note('detected', node, `heading: “${textOf(node)}”`);
    return { type: 'heading', depth: 2, children: (node as Paragraph).children, position: node.position };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Interviews

const SPEAKER_LABEL = /^((?:\p{Lu}[\p{L}’'.-]*)(?: \p{Lu}[\p{L}’'.-]*){0,2}|\p{Script=Han}{1,4})[:：]\s*(?=\S)/u;

/** The speaker of an interview line (`Liang: I’m unsure…` → `Liang`), if it is one. */
export function speakerLabel(text: string): string | undefined {
  return SPEAKER_LABEL.exec(text)?.[1];
}

/**
 * Consecutive labelled lines become a Q&A block only as an interview reads: two or more speakers taking turns, at
 * least two turns each (`Liang: … Waves: … Liang: … Waves: …`). Labelled paragraphs that merely list things
 * (`Policy: …`, `Seed-X: …`) stay paragraphs, with their labels in bold.
 */
export function isInterview(labels: string[]): boolean {
  const turns = new Map<string, number>();
  labels.forEach((label, at) => {
    if (at === 0 || labels[at - 1] !== label) turns.set(label, (turns.get(label) ?? 0) + 1);
  });
  return [...turns.values()].filter((count) => count >= 2).length >= 2;
}

function gatherInterviews(body: RootContent[], note: Note): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < body.length;) {
    let end = i;
    while (end < body.length && body[end]!.type === 'paragraph' && speakerLabel(textOf(body[end]))) end++;
    const run = body.slice(i, end) as Paragraph[];
    const speakers = new Set(run.map((line) => speakerLabel(textOf(line))));
    if (run.length >= 4 && isInterview(run.map((line) => speakerLabel(textOf(line))!))) {
      note('detected', run[0], `an interview of ${run.length} lines (${[...speakers].join(', ')}), set as a Q&A block`);
      out.push(jsxBlock('Interview', {}, run.map(boldSpeaker)));
      i = end;
    } else {
      out.push(body[i]!);
      i++;
    }
  }
  return out;
}

/** A paragraph opening with a short label (`Regulatory Localization: …`) keeps it, in bold. */
function boldLabels(body: RootContent[]): RootContent[] {
  return body.map((node) =>
    node.type === 'paragraph' && speakerLabel(textOf(node)) && node.children[0]?.type === 'text'
      ? boldSpeaker(node)
      : node,
  );
}

/**
 * An FAQ: paragraphs that are a bold question, each followed by prose answering it, at least two in a row, become
 * a Q&A block.
 */
/** What an answer may hold besides prose: quotes, lists, tables, code. */
const ANSWER_BLOCKS = new Set(['paragraph', 'blockquote', 'list', 'table', 'code']);

function gatherFaq(body: RootContent[], note: Note): RootContent[] {
  const isQuestion = (node: RootContent | undefined) =>
    node?.type === 'paragraph' &&
    node.children.length === 1 &&
    node.children[0]!.type === 'strong' &&
    /[?？]$/.test(textOf(node));
  const out: RootContent[] = [];
  for (let i = 0; i < body.length;) {
    let end = i;
    let questions = 0;
    const isAnswer = (node: RootContent | undefined) => !!node && ANSWER_BLOCKS.has(node.type) && !isQuestion(node);
    while (isQuestion(body[end]) && isAnswer(body[end + 1])) {
      questions++;
      end++;
      while (isAnswer(body[end])) end++;
    }
    if (questions >= 2) {
      note('detected', body[i], `an FAQ of ${questions} bold questions with their answers, set as a Q&A block`);
      out.push(jsxBlock('Interview', {}, body.slice(i, end) as BlockContent[]));
      i = end;
    } else {
      out.push(body[i]!);
      i++;
    }
  }
  return out;
}

/** Who speaks in a tree: its interview turns' labels (`**Liang:** …` → `Liang`) and its quotes' `by` ids. */
export function speakersOf(tree: Root): { labels: string[]; quoted: string[] } {
  const labels: string[] = [];
  const quoted: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Quote') {
      const by = node.attributes.find(
        (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'by',
      )?.value;
      if (typeof by === 'string') quoted.push(by);
    } else if (node.type === 'mdxJsxFlowElement' && node.name === 'Interview') {
      for (const turn of node.children) {
        const first = turn.type === 'paragraph' ? turn.children[0] : undefined;
        const label = first?.type === 'strong' ? toString(first).replace(/[:：]\s*$/, '') : undefined;
        if (label) labels.push(label);
      }
    } else if ('children' in node) for (const child of node.children) walk(child as RootContent);
  };
  walk(tree);
  return { labels, quoted };
}

function boldSpeaker(line: Paragraph): Paragraph {
  const [first, ...rest] = line.children;
  if (first?.type !== 'text') return line;
  const match = SPEAKER_LABEL.exec(first.value)!;
  const label = first.value.slice(0, match[0].trimEnd().length);
  const after = first.value.slice(match[0].trimEnd().length);
  return {
    ...line,
    children: [
      { type: 'strong', children: [{ type: 'text', value: label }] },
      ...(after ? [{ type: 'text' as const, value: after }] : []),
      ...rest,
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Quotes after a lead-in

/** A lead-in that introduces a quotation: ends with a colon and names an act of saying or a quoted text. */
const QUOTE_CUE =
  /\b(?:said|says|say|put it|puts it|explains?|explained|wrote|writes|told|tells|stated|states|argues?|argued|asserts?|noted|notes|warned|warns|added|adds|recalled|posted|tweeted|this way|as follows|bluntly|reads|endorses|statement|essay|post|letter|speech|remarks)\b/i;
/** The quoted speaker's own voice: a first- or second-person word outside any quotation marks. */
const OWN_VOICE = /\b(?:I|I’m|I'm|I’ve|my|me|you|your)\b/;

function recoverQuotes(body: RootContent[], note: Note): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < body.length; i++) {
    const node = body[i]!;
    out.push(node);
    const text = textOf(node);
    const next = body[i + 1];
    if (node.type !== 'paragraph' || !/[:：]$/.test(text) || next?.type !== 'paragraph') continue;
    if (!QUOTE_CUE.test(text)) {
      note('unsure', node, 'a lead-in ends with a colon but names no speaker or text: what follows is kept as prose');
      continue;
    }
    const quoted: Paragraph[] = [next];
    let j = i + 2;
    while (j < body.length && body[j]!.type === 'paragraph' && continuesQuote(textOf(body[j - 1]), textOf(body[j])))
      quoted.push(body[j++] as Paragraph);
    const after = body[j];
    const lines = quoted.map((paragraph) => paragraph.position?.start.line).filter((line) => line !== undefined);
    note(
      'detected',
      next,
      `a quoted passage of ${quoted.length} paragraph${quoted.length === 1 ? '' : 's'} after a lead-in ending with a colon`,
    );
    if (after?.type === 'paragraph' && !/[:：]$/.test(textOf(after))) {
      note(
        'unsure',
        after,
        `the quote ${lines.length ? `from line ${lines[0]} ` : ''}is taken to end before this paragraph: check whether it belongs to the quote`,
      );
    }
    out.push({ type: 'blockquote', children: quoted, position: next.position });
    i = j - 1;
  }
  return out;
}

/**
 * A quote after a lead-in ending with a colon gets its speaker when the lead-in names exactly one (`<Quote
 * by="robin-li">`), or its described source (`<Quote source="a viral post by an engineer">`); otherwise it stays
 * unattributed, and the ingest says why.
 */
function attributeQuotes(body: RootContent[], speakers: SpeakerEntity[], note: Note): RootContent[] {
  return body.map((node, index) => {
    const leadIn = body[index - 1];
    if (node.type !== 'blockquote' || leadIn?.type !== 'paragraph' || !/[:：]$/.test(textOf(leadIn))) return node;
    const attribution = attributeQuote(textOf(leadIn), speakers);
    if ('unsure' in attribution) {
      note('unsure', node, `quote: ${attribution.unsure}`);
      return node;
    }
    const attributes: Record<string, string> =
      'by' in attribution ? { by: attribution.by } : { source: attribution.source };
    note(
      'detected',
      node,
      `quote attributed to ${'by' in attribution ? attribution.by : `“${attribution.source}”`}: ${attribution.evidence} (line ${leadIn.position?.start.line ?? '?'})`,
    );
    return jsxBlock('Quote', attributes, [node]);
  });
}

function continuesQuote(previous: string, text: string): boolean {
  if (/(?:\.\.\.|…)$/.test(previous)) return true; // an elided quote goes on
  if (/[:：]$/.test(previous)) return false;
  const unquoted = text.replace(/“[^”]*”|"[^"]*"/g, '');
  return OWN_VOICE.test(unquoted);
}

// ---------------------------------------------------------------------------------------------------------------
// Boilerplate and asides

const BOILERPLATE = [
  /\bsubscribe\b/i,
  /\bunsubscribe\b/i,
  /\bcheck it out on\b/i,
  /\b(?:listen|watch) (?:on|to it|now)\b/i,
  /\bpodcast app\b/i,
  /\badvertis(?:e|ers|ing)\b/i,
  /\bsponsor(?:ed|s)? by\b/i,
  /\brespond to this email\b/i,
  /\bshare this (?:post|newsletter|email)\b/i,
  /\bupgrade to (?:a )?paid\b/i,
  /\bview (?:this post )?in (?:your )?browser\b/i,
  /\bforward(?:ed)? this email\b/i,
  /\bleave a comment\b/i,
  /^(?:share|like|restack|comment|reply)$/i,
  /^thanks for reading\b.*\b(?:subscribe|free|support)/i,
];

/** A newsletter's own line (subscribe, advertise, listen): short and carrying one of the platforms' phrases. */
export function isBoilerplate(text: string): boolean {
  return text.length <= 250 && BOILERPLATE.some((pattern) => pattern.test(text));
}

function setApartBoilerplate(body: RootContent[], meta: SourceMeta, note: Note): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < body.length;) {
    let end = i;
    while (end < body.length && body[end]!.type === 'paragraph' && isBoilerplate(textOf(body[end]))) end++;
    if (end === i) {
      out.push(body[i++]!);
      continue;
    }
    const run = body.slice(i, end) as Paragraph[];
    for (const paragraph of run) {
      note(
        'flagged',
        paragraph,
        `newsletter boilerplate, set apart as “${NEWSLETTER_LABEL}”: “${shorten(textOf(paragraph))}”`,
      );
      const publication = /\bSubscribe to ((?:\p{Lu}[\p{L}\p{N}’'.&-]*)(?: \p{Lu}[\p{L}\p{N}’'.&-]*)*)/u.exec(
        textOf(paragraph),
      )?.[1];
      if (publication && !meta.publication) meta.publication = publication;
    }
    out.push({ ...jsxBlock('Aside', { label: NEWSLETTER_LABEL }, run), data: BOILERPLATE_BLOCK });
    i = end;
  }
  return out;
}

/** A whole paragraph in square brackets is an editor speaking inside the article. */
function setApartEditorAsides(body: RootContent[], note: Note): RootContent[] {
  return body.map((node) => {
    const text = textOf(node);
    if (node.type !== 'paragraph' || !/^\[[^\]]/.test(text) || !text.endsWith(']')) return node;
    note('detected', node, `a bracketed aside, set apart as “${EDITOR_ASIDE_LABEL}”`);
    return jsxBlock('Aside', { label: EDITOR_ASIDE_LABEL }, [node]);
  });
}

const shorten = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

// ---------------------------------------------------------------------------------------------------------------
// Reader comments

/** Readers address the author; they also type straight apostrophes where the newsletter sets curly ones. */
const COMMENT_VOICE =
  /\b(?:your (?:article|piece|post|story|essay|newsletter|analysis|writing|work)|thanks?\b|thank you|compliments|great (?:piece|article|post|read)|well written|I (?:appreciate|enjoyed|agree|disagree|wonder))/i;

/**
 * Reader comments only where the source marks them: under a comments label (`Comments`, `12 Comments`), or
 * written by another hand, which shows as the house style broken (straight apostrophes where the article sets
 * curly ones) in paragraphs that address the author. An author's own closing thanks are not comments.
 */
function takeTrailingComments(body: RootContent[], note: Note): Paragraph[] {
  const curlyHouseStyle = body.map(textOf).join(' ').split('’').length > body.map(textOf).join(' ').split("'").length;
  const label = body.findLastIndex((node) => isCommentsLabel(textOf(node)));
  if (label > 0 && body.slice(label + 1).every((node) => node.type === 'paragraph') && label < body.length - 1) {
    note(
      'detected',
      body[label + 1],
      `${body.length - label - 1} paragraph${body.length - label - 2 ? 's' : ''} under “${textOf(body[label])}”, read as reader comments`,
    );
    return body.slice(label + 1) as Paragraph[];
  }
  const comments: Paragraph[] = [];
  let otherHand = false;
  for (let i = body.length - 1; i > 0; i--) {
    const node = body[i]!;
    const text = textOf(node);
    const straight = curlyHouseStyle && /\p{L}'\p{L}/u.test(text) && !text.includes('’');
    if (node.type !== 'paragraph' || !(COMMENT_VOICE.test(text) || straight)) break;
    otherHand ||= straight;
    comments.unshift(node);
  }
  if (!otherHand) return [];
  note(
    'unsure',
    comments[0],
    'the last paragraphs read as reader comments (they address the author and break the house style): check',
  );
  return comments;
}

const isCommentsLabel = (text: string) => /^(?:\d+\s+)?(?:reader\s+)?(?:comments?|discussion|replies)$/i.test(text);

// ---------------------------------------------------------------------------------------------------------------
// Footnotes

function hasFootnoteReferences(nodes: RootContent[]): boolean {
  return nodes.some(
    (node) =>
      node.type === 'footnoteReference' ||
      ('children' in node && hasFootnoteReferences(node.children as RootContent[])),
  );
}

/**
 * A footnote marker glued to the end of a word or after punctuation (`innovations.1`, `plans3`), never inside a
 * name (`Qwen2`, `R1`) or a number (`3.5`): the preceding word is lowercase or the digit follows punctuation.
 */
const GLUED_MARKER =
  /(?<=(?:^|[^\p{L}\p{N}])\p{Ll}[\p{Ll}’'-]*|\p{L}[.,;:!?”’"')\]])([1-9]\d?)(?=[\s,;:!?)\]]|\.(?!\d)|$)/gu;

interface Marker {
  number: number;
  paragraph: Paragraph;
  text: Text;
  index: number;
  /** The sentence the marker ends, to match the note against. */
  context: string;
}

/** The same, after any word that is not a name of a letter or two (`Muon3`, but never `o1`, `V3`, `K2`). */
const GLUED_TO_ANY_WORD =
  /(?<=(?:^|[^\p{L}\p{N}])\p{L}{3,}[\p{Ll}’']*|\p{L}[.,;:!?”’"')\]])([1-9]\d?)(?=[\s,;:!?)\]]|\.(?!\d)|$)/gu;

/**
 * Markers numbered 1, 2, 3… in reading order; a candidate out of sequence is ordinary text, and so is a word the
 * article writes with that digit more than once (`Qwen3`, `K2`): a name, not a marker. When the notes state their
 * numbers (`noteNumbers`), a marker needs a note of its number, and may follow a capitalised word (`Muon3`).
 */
export function findGluedMarkers(body: RootContent[], noteNumbers?: Set<number>): Marker[] {
  const markers: Marker[] = [];
  const all = body.map(textOf).join('\n');
  const recurs = (value: string, at: number, digits: string) => {
    const word = /[\p{L}\p{N}’'-]+$/u.exec(value.slice(0, at))?.[0] ?? '';
    return (
      !!word &&
      (all.match(
        new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ -]?${digits}(?!\\p{N})`, 'gu'),
      )?.length ?? 0) > 1
    );
  };
  const visit = (paragraph: Paragraph, nodes: PhrasingContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        for (const match of node.value.matchAll(noteNumbers ? GLUED_TO_ANY_WORD : GLUED_MARKER)) {
          if (Number(match[1]) !== markers.length + 1) continue;
          if (noteNumbers && !noteNumbers.has(Number(match[1]))) continue;
          if (recurs(node.value, match.index, match[1]!)) continue;
          const before = node.value.slice(0, match.index);
          const sentenceStart = Math.max(
            0,
            ...[...before.matchAll(/[.!?…][”’"]?\s+(?=\S)/g)]
              .map((m) => m.index + m[0].length)
              .filter((at) => at < before.length - 1),
          );
          markers.push({
            number: markers.length + 1,
            paragraph,
            text: node,
            index: match.index,
            context: before.slice(sentenceStart),
          });
        }
      } else if ('children' in node && node.type !== 'link') {
        visit(paragraph, node.children as PhrasingContent[]);
      }
    }
  };
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') visit(node, node.children);
      else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(body);
  return markers;
}

/** The leading number of a note that states it (`1 The definition…`, `1. …`, `[1] …`), if any. */
const NOTE_NUMBER = /^\[?(\d{1,2})[\].)]?\s+(?=\S)/;

/** Substack-style notes: a line holding only the number, then the note. Joined, the note states its number. */
function joinBareNoteNumbers(body: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (let i = 0; i < body.length; i++) {
    const node = body[i]!;
    const next = body[i + 1];
    if (
      node.type === 'paragraph' &&
      /^\d{1,2}$/.test(textOf(node)) &&
      next?.type === 'paragraph' &&
      next.children[0]?.type === 'text' &&
      !/^\d{1,2}$/.test(textOf(next))
    ) {
      out.push({
        ...next,
        children: [
          { ...next.children[0], value: `${textOf(node)} ${next.children[0].value}` },
          ...next.children.slice(1),
        ],
        position: node.position ?? next.position,
      });
      i++;
    } else {
      out.push(node);
    }
  }
  return out;
}

/** The numbers the trailing notes state (`1 …`, `2 …`, in order from 1), if they state them. */
function statedNoteNumbers(body: RootContent[]): Set<number> | undefined {
  const numbers: number[] = [];
  for (let i = body.length - 1; i >= 0; i--) {
    const node = body[i]!;
    const text = textOf(node);
    if (node.type !== 'paragraph' || isHeadingLike(text) || isBoilerplate(text) || speakerLabel(text)) break;
    const number = NOTE_NUMBER.exec(text)?.[1];
    if (number) numbers.unshift(Number(number));
    if (number === '1') break;
  }
  return numbers[0] === 1 && numbers.every((number, at) => at === 0 || number > numbers[at - 1]!)
    ? new Set(numbers)
    : undefined;
}

function attachGluedFootnotes(
  source: RootContent[],
  note: Note,
): { body: RootContent[]; definitions: FootnoteDefinition[] } {
  const joined = joinBareNoteNumbers(source);
  const markers = findGluedMarkers(joined, statedNoteNumbers(joined));
  if (!markers.length) return { body: source, definitions: [] };
  const body = joined;
  // The block holding the last marker: the paragraph itself, or the quote or interview it sits in.
  const lastMarked = body.findIndex((node) => holds(node, markers.at(-1)!.paragraph));

  // The notes are the paragraphs at the end, after the last marker, up to a line that is not a note (a heading, a
  // label, the newsletter's boilerplate, a lead-in).
  let start = body.length;
  while (start - 1 > lastMarked) {
    const candidate = body[start - 1]!;
    const text = textOf(candidate);
    if (
      candidate.type !== 'paragraph' ||
      isHeadingLike(text) ||
      isBoilerplate(text) ||
      speakerLabel(text) ||
      /[:：]$/.test(text)
    )
      break;
    start--;
  }
  if (start < body.length && /^(?:foot)?notes$/i.test(textOf(body[start - 1]))) start--;
  // Notes that state their numbers begin at the last paragraph numbered 1.
  const firstNumbered = body.findLastIndex(
    (node, index) => index >= start && node.type === 'paragraph' && NOTE_NUMBER.exec(textOf(node))?.[1] === '1',
  );
  if (firstNumbered >= 0) start = firstNumbered;
  let notes = body
    .slice(start)
    .filter((node): node is Paragraph => node.type === 'paragraph' && !/^(?:foot)?notes$/i.test(textOf(node)));
  if (notes.length > markers.length * 3) {
    note(
      'unsure',
      notes[0],
      `${notes.length} paragraphs follow the last footnote marker: only the last ${markers.length} are taken as notes`,
    );
    notes = notes.slice(-markers.length);
  }
  const numbered = firstNumbered >= 0;
  // A numbered note runs on over the unnumbered paragraphs after it.
  let current = -1;
  const assignment = numbered
    ? notes.map((paragraph) => (current = Number(NOTE_NUMBER.exec(textOf(paragraph))?.[1] ?? current + 1) - 1))
    : alignNotes(markers, notes, body);

  const definitions: FootnoteDefinition[] = markers.map((marker, index) => {
    const paragraphs = notes.filter((_, j) => assignment[j] === index).map((paragraph) => stripNoteNumber(paragraph));
    if (!paragraphs.length) {
      note(
        'unsure',
        marker.paragraph,
        `footnote marker ${marker.number} (“…${marker.context.slice(-40)}”) has no note text at the end: marked as such for the editor`,
      );
      return {
        type: 'footnoteDefinition',
        identifier: String(marker.number),
        label: String(marker.number),
        children: [
          {
            type: 'paragraph',
            data: EDITORIAL,
            children: [
              {
                type: 'emphasis',
                children: [
                  {
                    type: 'text',
                    value: 'Editorial note: the source text carries this marker but gives no note for it.',
                  },
                ],
              },
            ],
          },
        ],
      };
    }
    note(
      'detected',
      marker.paragraph,
      `footnote ${marker.number} (“…${marker.context.slice(-40)}”) ← ${paragraphs.length} paragraph${paragraphs.length === 1 ? '' : 's'} of notes from line ${paragraphs[0]!.position?.start.line ?? '?'}`,
    );
    return {
      type: 'footnoteDefinition',
      identifier: String(marker.number),
      label: String(marker.number),
      children: paragraphs,
    };
  });
  if (notes.length && notes.length !== markers.length && !numbered) {
    note(
      'unsure',
      notes[0],
      `${markers.length} footnote markers but ${notes.length} note paragraphs: notes were matched to markers by their words; check the pairing`,
    );
  }

  // Each marker becomes a reference: every text holding markers is split once, at all of its markers.
  for (const text of new Set(markers.map((marker) => marker.text))) {
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const marker of markers.filter((candidate) => candidate.text === text)) {
      if (marker.index > last) pieces.push({ type: 'text', value: text.value.slice(last, marker.index) });
      pieces.push({ type: 'footnoteReference', identifier: String(marker.number), label: String(marker.number) });
      last = marker.index + String(marker.number).length;
    }
    if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
    replaceDeep(markers.find((marker) => marker.text === text)!.paragraph.children, text, pieces);
  }
  return { body: body.filter((node) => !notes.includes(node as Paragraph)), definitions };
}

function holds(node: RootContent, target: Paragraph): boolean {
  return (
    node === target || ('children' in node && (node.children as RootContent[]).some((child) => holds(child, target)))
  );
}

function replaceDeep(nodes: PhrasingContent[], target: Text, pieces: PhrasingContent[]): boolean {
  const at = nodes.indexOf(target);
  if (at >= 0) {
    nodes.splice(at, 1, ...pieces);
    return true;
  }
  return nodes.some((node) => 'children' in node && replaceDeep(node.children as PhrasingContent[], target, pieces));
}

function stripNoteNumber(paragraph: Paragraph): Paragraph {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'text' || !NOTE_NUMBER.test(first.value)) return paragraph;
  return { ...paragraph, children: [{ ...first, value: first.value.replace(NOTE_NUMBER, '') }, ...rest] };
}

const STOPWORDS = new Set(
  "the and for but not with that this from its their they them are was were has have had been being which who whom what when where why how than then also into onto over under about after before while such these those other some many more most much very can could would should will may might must our your you his her him she he it’s it's there here just only even both each any all one two three own same so too out off per via like".split(
    ' ',
  ),
);

/** Words of a text for matching notes to markers: lowercase, three letters or more, hyphenated words whole and split. */
export function noteWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/\p{L}[\p{L}\p{N}’'-]*/gu)) {
    const word = match[0].replace(/[’'](?:s)?$/, '');
    for (const part of [word, ...(word.includes('-') ? word.split('-') : [])]) {
      const stem = part.length > 4 && part.endsWith('s') && !part.endsWith('ss') ? part.slice(0, -1) : part;
      if (stem.length >= 3 && !STOPWORDS.has(stem)) words.push(stem);
    }
  }
  return words;
}

/**
 * Which marker each note paragraph belongs to, when the notes do not say: notes keep the markers' order, a marker
 * may have no note, a note may run over several paragraphs; among those pairings, the one whose notes share the
 * most (rare) words with their markers' sentences.
 */
const MISSING_NOTE_COST = 1.5;

function alignNotes(markers: Marker[], notes: Paragraph[], body: RootContent[]): number[] {
  if (!notes.length) return [];
  const documentFrequency = new Map<string, number>();
  for (const node of body)
    for (const word of new Set(noteWords(textOf(node))))
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const weight = (word: string) => Math.log(1 + body.length / (1 + (documentFrequency.get(word) ?? 0)));
  const contexts = markers.map((marker) => new Set(noteWords(marker.context)));
  const similarity = notes.map((paragraph) => {
    const words = new Set(noteWords(textOf(paragraph)));
    return contexts.map((context) =>
      [...words].filter((word) => context.has(word)).reduce((sum, word) => sum + weight(word), 0),
    );
  });

  // best[j][i]: the best total with note paragraph j given to marker i; from[j][i] the marker of paragraph j-1. A
  // marker left without a note costs about one shared uncommon word: markers usually have notes.
  const skipped = (count: number) => count * MISSING_NOTE_COST;
  const best = notes.map(() => markers.map(() => -Infinity));
  const from = notes.map(() => markers.map(() => -1));
  for (let i = 0; i < markers.length; i++) best[0]![i] = similarity[0]![i]! - skipped(i);
  for (let j = 1; j < notes.length; j++) {
    for (let i = 0; i < markers.length; i++) {
      for (let previous = 0; previous <= i; previous++) {
        const total = best[j - 1]![previous]! + similarity[j]![i]! - skipped(Math.max(0, i - previous - 1));
        if (total > best[j]![i]!) {
          best[j]![i] = total;
          from[j]![i] = previous;
        }
      }
    }
  }
  best[notes.length - 1] = best.at(-1)!.map((total, i) => total - skipped(markers.length - 1 - i));
  const last = best.at(-1)!;
  let marker = last.indexOf(Math.max(...last));
  const assignment: number[] = [];
  for (let j = notes.length - 1; j >= 0; j--) {
    assignment[j] = marker;
    marker = from[j]![marker]!;
  }
  return assignment;
}
