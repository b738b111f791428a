/**
 * The linker as a rehype plugin: a thin adapter that runs `annotateTree` over each content file Astro renders, with
 * the build's one matcher. Files outside the content folder pass through untouched.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { annotateTree } from './annotate.ts';
import { getSiteIndex, type SiteIndexOptions } from './site-index.ts';

export function rehypeEntityLinks(options: SiteIndexOptions) {
  return (tree: Root, file: VFile) => {
    const index = getSiteIndex(options);
    const context = file.path ? index.contextFor(file.path) : undefined;
    if (context) annotateTree(tree, index.matcher, context);
  };
}
