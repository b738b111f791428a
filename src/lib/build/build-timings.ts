/**
 * Time spent in each stage of a build, for `npm run bench`. Stages add to one record on globalThis, since Astro loads
 * the library twice (from the config, and bundled for the pages); the record is written out when the build ends.
 */
/** `parsing` is Markdown to HTML, done with or without linking; `linking` is finding, wrapping and indexing mentions. */
export type Stage = 'registry' | 'matcher' | 'parsing' | 'linking' | 'cards' | 'searchIndex';

const KEY = Symbol.for('dossier.build-timings');

function record(): Record<Stage, number> {
  const slot = globalThis as { [KEY]?: Record<Stage, number> };
  return (slot[KEY] ??= { registry: 0, matcher: 0, parsing: 0, linking: 0, cards: 0, searchIndex: 0 });
}

/** Runs `work` and adds its duration to `stage`. */
export function timed<T>(stage: Stage, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    record()[stage] += performance.now() - started;
  }
}

/** The same, for work that returns a promise. */
export async function timedAsync<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    record()[stage] += performance.now() - started;
  }
}

export function stageTimings(): Record<Stage, number> {
  return { ...record() };
}
