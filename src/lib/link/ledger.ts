/**
 * The ledger of published block ids: every id a page has ever had, so a link pasted into a newsletter keeps landing
 * after the text is edited. It only grows. When an id disappears, it keeps pointing at the edited paragraph if one
 * is recognisably the same, else at the nearest paragraph that survived.
 */
import { z } from 'zod';
import { ContentError } from '../content/content-errors.ts';

export interface LedgerEntry {
  id: string;
  /** The block's text when it was last published under this id (trimmed), to recognise it once edited. */
  text: string;
}

export interface Redirect {
  from: string;
  to: string;
  why: 'edited' | 'removed';
}

export interface Reconciled {
  /** The page's ledger: today's blocks in order, with every retired id kept where it stood. */
  entries: LedgerEntry[];
  /** Retired ids and the current id each now resolves to. */
  redirects: Redirect[];
}

/** The ledger file: page path -> every id the page published, with the text it last had. */
export const ledgerSchema = z.record(z.string(), z.array(z.strictObject({ id: z.string().min(1), text: z.string() })));
export type Ledger = z.output<typeof ledgerSchema>;

/**
 * The ledger read from the text of its file (`file` names it in the message). Only the build writes it, so a ledger
 * that does not read (cut short, emptied, edited by hand, a merge left unresolved) is recovered from version control.
 */
export function parseLedger(text: string, file: string): Ledger {
  let problem: string;
  try {
    const result = ledgerSchema.safeParse(JSON.parse(text));
    if (result.success) return result.data;
    const issue = result.error.issues[0]!;
    problem = `${issue.path.length ? `at "${issue.path.join('.')}" ` : ''}expected ${issue.path.length ? 'an id and the text it had' : 'a mapping of page paths to their ids'}`;
  } catch (error) {
    problem = `is not JSON: ${(error as Error).message}`;
  }
  throw new ContentError([
    {
      file,
      message: `is not a ledger of published ids (${problem}); the build writes it and it is never edited by hand: recover the last committed one with "git checkout ${file}", then build again`,
    },
  ]);
}

/** The ledger file's text, as parseLedger reads it back. */
export function ledgerText(ledger: Ledger): string {
  return `${JSON.stringify(ledger, null, 1)}\n`;
}

const KEPT_TEXT = 400;
/** How alike (shared words over all words) an edited paragraph must be to its old self to inherit its id. */
const SAME_PARAGRAPH = 0.5;

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

export function reconcile(
  previous: readonly LedgerEntry[],
  blocks: readonly { id: string; text: string }[],
): Reconciled {
  const current = blocks.map(({ id, text }) => ({ id, text: text.slice(0, KEPT_TEXT) }));
  const live = new Set(current.map((b) => b.id));
  const retired = previous.filter((entry) => !live.has(entry.id));

  // Merge: today's order, each retired id placed right after the entry that preceded it in the old ledger.
  const entries = [...current];
  for (const entry of retired) {
    const before = previous
      .slice(0, previous.indexOf(entry))
      .reverse()
      .find((e) => entries.some((x) => x.id === e.id));
    entries.splice(before ? entries.findIndex((x) => x.id === before.id) + 1 : 0, 0, entry);
  }

  // First the edited paragraphs: a retired id goes to the current block most like its old text.
  const currentWords = current.map((block) => ({ id: block.id, words: words(block.text) }));
  const editedTo = new Map<string, string>();
  for (const entry of retired) {
    const old = words(entry.text);
    let best: { id: string; score: number } | undefined;
    for (const block of currentWords) {
      const score = similarity(old, block.words);
      if (score >= SAME_PARAGRAPH && (!best || score > best.score)) best = { id: block.id, score };
    }
    if (best) editedTo.set(entry.id, best.id);
  }
  // Then the removed ones: the nearest neighbour, before it first, where an edited neighbour counts as its new self.
  const resolve = (id: string) => (live.has(id) ? id : editedTo.get(id));
  const redirects: Redirect[] = [];
  for (const entry of retired) {
    const edited = editedTo.get(entry.id);
    if (edited) {
      redirects.push({ from: entry.id, to: edited, why: 'edited' });
      continue;
    }
    const at = entries.findIndex((e) => e.id === entry.id);
    const neighbour = [...entries.slice(0, at).reverse(), ...entries.slice(at + 1)]
      .map((e) => resolve(e.id))
      .find(Boolean);
    if (neighbour) redirects.push({ from: entry.id, to: neighbour, why: 'removed' });
  }
  return { entries, redirects };
}
