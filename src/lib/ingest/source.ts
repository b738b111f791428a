/** What every reader of a source produces, and the one error a source that cannot be read ends in. */
import type { Root } from 'mdast';

export type SourceFormat = 'text' | 'markdown' | 'html';

/** What the source says about itself; every field is absent when it does not say. */
export interface SourceMeta {
  title?: string;
  dek?: string;
  date?: string;
  authors?: string[];
  publication?: string;
  url?: string;
}

/** Something the ingest noticed: what it did, or where a person should look. */
export interface Finding {
  /** `detected`: structure recognised; `unsure`: a guess worth checking; `flagged`: kept, but marked for review. */
  level: 'detected' | 'unsure' | 'flagged';
  /** Line of the source as received, when known. */
  line?: number | undefined;
  message: string;
}

export interface SourceDocument {
  format: SourceFormat;
  tree: Root;
  meta: SourceMeta;
  findings: Finding[];
}

/** A source that cannot be read: the message names the file (and line) and says what was expected. */
export class SourceError extends Error {}
