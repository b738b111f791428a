/**
 * Stable block ids: derived from a block's own text, never from its position, so inserting a paragraph above leaves
 * every id below it as it was. Readable where the text allows: `p-deepseek-on-the-other-hand`.
 */

export type BlockRole = 'paragraph' | 'list-item' | 'heading';

const PREFIX: Record<BlockRole, string> = { paragraph: 'p-', 'list-item': 'li-', heading: '' };
/** Words in a base id; a collision lengthens the id word by word before falling back to a counter. */
const BASE_WORDS: Record<BlockRole, number> = { paragraph: 5, 'list-item': 5, heading: 8 };
const MAX_HAN_RUN = 8;

/**
 * The words of a text as id parts: Latin words lowercased and stripped of accents and apostrophes, runs of Han
 * characters kept as they are (browsers show them readably in the address bar), at most eight characters each.
 */
export function idWords(text: string): string[] {
  const words: string[] = [];
  const normalized = text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/['’‘]/g, '').toLowerCase();
  for (const [, latin, han] of normalized.matchAll(/([a-z0-9]+)|(\p{Script=Han}+)/gu)) {
    if (latin) words.push(latin);
    else if (han) for (let i = 0; i < han.length; i += MAX_HAN_RUN) words.push(han.slice(i, i + MAX_HAN_RUN));
  }
  return words;
}

/** Hands out ids for the blocks of one page, in document order. */
export class BlockIdAllocator {
  private readonly taken = new Set<string>();

  /** Marks ids that exist already (footnote ids, ids written by hand) so no block takes them. */
  reserve(id: string) {
    this.taken.add(id);
  }

  allocate(role: BlockRole, text: string): string {
    const words = idWords(text);
    const prefix = PREFIX[role];
    if (!words.length) return this.take(`${prefix || 'h-'}${role === 'heading' ? 'section' : 'block'}`);
    for (let count = Math.min(BASE_WORDS[role], words.length); count <= words.length; count++) {
      const id = prefix + words.slice(0, count).join('-');
      if (!this.taken.has(id)) return this.take(id);
    }
    return this.take(prefix + words.join('-'));
  }

  /** The id itself if free, else the first free `id-2`, `id-3`, …: only identical texts get here. */
  private take(id: string): string {
    let candidate = id;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${id}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
