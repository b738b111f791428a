/**
 * For the articles @astrojs/mdx compiles (those with code, see article-components.ts): links each exactly as the site
 * index linked its own parse of the same file, so ids and passages agree, and expands the article components. Every
 * other file passes through untouched.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { expandComponents } from '../content/article-components.ts';
import { linkTree } from '../link/block-markup.ts';
import { timed } from '../build/build-timings.ts';
import { getSiteIndex, type SiteIndexOptions } from './site-index.ts';

export function rehypeArticleModules(options: SiteIndexOptions) {
  return (tree: Root, file: VFile) => {
    const index = getSiteIndex(options);
    const article = file.path ? index.articleAt(file.path) : undefined;
    if (!article) return;
    if (options.linking)
      timed('linking', () => linkTree(tree, index.matcher, article.context, () => article.redirects));
    // Problems in the components were reported by the site index already, naming file and line.
    expandComponents(tree, index.componentSite);
  };
}
