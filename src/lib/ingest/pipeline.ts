/**
 * One article through the ingest, exactly as `npm run ingest` runs it and as `npm run ingest:eval` and the bench
 * measure it: decoded, read, shaped, and the words that entity suggestions are drawn from.
 */
import { decodeSource, formatOf, readSource, SourceError } from './read.ts';
import type { SpeakerEntity } from './speakers.ts';
import { shapeArticle, sourceTexts, type ShapedArticle, type ShapeOptions } from './shape.ts';

export interface IngestOptions {
  /** The encoding the file is in, when it is not UTF-8 (and, for a page, not the one it declares). */
  encoding?: string | undefined;
  /** The source's address, for relative links. */
  url?: string | undefined;
  shape?: ShapeOptions;
  /** The content's entities, for attributing quotes. */
  speakers?: SpeakerEntity[];
}

export interface IngestedArticle extends ShapedArticle {
  /** The article's own words, block by block, without the newsletter's lines: what suggestions read. */
  texts: string[];
}

export function ingestArticle(bytes: Uint8Array, file: string, options: IngestOptions = {}): IngestedArticle {
  const format = formatOf(file);
  if (!format) throw new SourceError(`${file}: ingest reads .txt, .md and .html files`);
  const text = decodeSource(bytes, file, options.encoding);
  const shaped = shapeArticle(readSource(text, format, { file, url: options.url }), options.shape, {
    speakers: options.speakers ?? [],
  });
  return { ...shaped, texts: sourceTexts(shaped.tree, { boilerplate: false }) };
}
