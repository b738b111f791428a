/**
 * No import circles in `src/`: each module of the pipeline reads only from modules before it, so any of them can be
 * loaded, tested or replaced without the rest. Type-only and dynamic imports count too: a circle through a type is
 * still two modules that must change together. dpdm reads the imports with TypeScript's own parser.
 */
import { globSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the imports of src/', () => {
  it('form no circle', async () => {
    // dpdm's defaults keep type-only and dynamic imports. (No option named here: Tailwind reads every source file for
    // class names, and one of them is a utility class that would change the site's CSS.)
    const tree = await parseDependencyTree('src/**/*.ts', { cwd: root, context: root });
    const modules = Object.keys(tree).filter((id) => id.startsWith('src/'));
    // What would hide a circle: a module not read, a relative import left unresolved (an asset imported `?raw` is no
    // module), or type-only imports left out.
    expect(modules.length).toBe(globSync('src/**/*.ts', { cwd: root }).length);
    const unresolved = modules.flatMap((id) =>
      (tree[id] ?? [])
        .filter((d) => d.request.startsWith('.') && !d.request.includes('?') && d.id === null)
        .map((d) => `${id}: ${d.request}`),
    );
    expect(unresolved).toEqual([]);
    expect(tree['src/lib/link/voices.ts']?.map((d) => d.id)).toContain('src/lib/link/annotate.ts'); // types only
    expect(parseCircular(tree).map((circle) => [...circle, circle[0]].join(' -> '))).toEqual([]);
  }, 60_000);
});
