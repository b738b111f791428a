/**
 * One build at a time per project. Two Astro builds of one project share `.astro/` and the prerender folder, and two
 * builds into one output folder mix or destroy it; a lock file, created only if absent, holds the pid of the build
 * that owns it. A lock whose pid no longer runs was left by a build that was killed, and is taken over.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** Why a build cannot start now: another one holds the lock. */
export class BuildLockedError extends Error {
  constructor(file: string, owner: LockOwner | undefined) {
    super(
      `Another build${owner ? ` (pid ${owner.pid}, started ${owner.started})` : ''} is running in this project; only one build runs at a time, since builds share .astro/ and the output folder. Wait for it to finish, then build again. If no build is running, delete ${file}.`,
    );
    this.name = 'BuildLockedError';
    this.stack = this.message;
  }
}

export interface LockOwner {
  pid: number;
  started: string;
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : undefined;
  } catch {
    return undefined; // gone meanwhile, or not written in full yet
  }
}

/** A lock file without a readable owner is being written by a starting build, unless it is older than that takes. */
const isFresh = (file: string) => {
  try {
    return Date.now() - statSync(file).mtimeMs < 10_000;
  } catch {
    return false;
  }
};

/** Takes the lock at `file` for this process, or throws BuildLockedError; returns the function that releases it. */
export function acquireBuildLock(file: string): () => void {
  const mine = JSON.stringify({ pid: process.pid, started: new Date().toISOString() } satisfies LockOwner);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(file);
    if (owner && (owner.pid === process.pid || isRunning(owner.pid))) throw new BuildLockedError(file, owner);
    if (!owner && isFresh(file)) throw new BuildLockedError(file, undefined);
    // A lock left by a build that died (or one half written): take it over, once; a second race means a live rival.
    if (attempt > 0) throw new BuildLockedError(file, owner);
    rmSync(file, { force: true });
  }
  return () => {
    if (ownerOf(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}
