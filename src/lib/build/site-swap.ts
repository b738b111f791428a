/**
 * Putting a finished build in place, all or nothing: the old site steps aside, the new one moves in, the grown
 * ledger replaces the old one; if any of these renames fails, the ones done are undone in reverse, so the output
 * folder and the ledger are either both the new ones or both the old ones.
 */
import { existsSync, renameSync } from 'node:fs';

export interface SwapPaths {
  /** The finished build. */
  staging: string;
  /** The published site, replaced. */
  output: string;
  /** Where the published site waits until the swap is done. */
  previous: string;
  /** The grown ledger, written beside the ledger, and the ledger it replaces; absent when it did not change. */
  ledger?: { next: string; current: string } | undefined;
}

/** The file operations of the swap, replaceable so a test can make one fail. */
export interface SwapFileSystem {
  exists(path: string): boolean;
  rename(from: string, to: string): void;
}

const nodeFileSystem: SwapFileSystem = { exists: existsSync, rename: renameSync };

/** The swap failed; `rolledBack` says whether the old site and ledger are back in place. */
export class SwapError extends Error {
  readonly rolledBack: boolean;
  constructor(message: string, rolledBack: boolean) {
    super(message);
    this.name = 'SwapError';
    this.rolledBack = rolledBack;
  }
}

/** Swaps the staging folder in with the ledger, or throws a SwapError after putting everything back it could. */
export function swapIn({ staging, output, previous, ledger }: SwapPaths, fs: SwapFileSystem = nodeFileSystem): void {
  const undo: (() => void)[] = [];
  const step = (from: string, to: string) => {
    fs.rename(from, to);
    undo.unshift(() => fs.rename(to, from));
  };
  try {
    if (fs.exists(output)) step(output, previous);
    step(staging, output);
    // Last, since it cannot be undone (the rename replaces the old ledger); nothing after it can fail.
    if (ledger) fs.rename(ledger.next, ledger.current);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Every undo is tried, even after one fails, to put back as much as can be.
    const undone = undo.map((back) => {
      try {
        back();
        return true;
      } catch {
        return false;
      }
    });
    const rolledBack = undone.every(Boolean);
    throw new SwapError(
      rolledBack
        ? `the new site could not be put in place (${reason}); it was rolled back`
        : `the new site could not be put in place (${reason}), nor everything put back: the last good site is in ${fs.exists(previous) ? previous : output}`,
      rolledBack,
    );
  }
}
