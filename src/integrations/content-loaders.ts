import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articleSchema, entitySchema } from '../lib/content/content-schema.ts';
import { getSiteIndex, invalidateSiteIndex, type SiteIndex, type SiteIndexOptions } from '../lib/index/site-index.ts';

/**
 * Feed the site index's documents into Astro's content layer: their checked frontmatter, and for an article with
 * code the file for @astrojs/mdx to compile. The index parsed, checked, linked and wrote out every body once, so
 * Astro neither validates nor renders them again. The registry validates rather than Astro because it knows the
 * kind from the folder and checks what one file cannot (ids, aliases and references across files). The bodies stay
 * out of the content store, which the build bundles as one module (DocumentBody.astro takes them from the index).
 */
export const articleLoader = (options: SiteIndexOptions) =>
  indexLoader('dossier-articles', articleSchema, options, (index) =>
    index.content.articles.map((article) => ({
      id: article.slug,
      ...article,
      compiled: index.articles.get(article.slug)!.html === undefined,
    })),
  );

export const entityLoader = (options: SiteIndexOptions) =>
  indexLoader('dossier-entities', entitySchema(), options, (index) =>
    [...index.content.entities.values()].map((entity) => ({ ...entity, compiled: false })),
  );

function indexLoader<Schema>(
  name: string,
  schema: Schema,
  options: SiteIndexOptions,
  documents: (index: SiteIndex) => IndexedDocument[],
): Loader & { schema: Schema } {
  return {
    name,
    schema,
    async load(context) {
      const sync = async () => fill(context, options, documents(getSiteIndex(options)));
      await sync();
      // In `astro dev`: an edit anywhere in the content folder can change any document (an alias, a title), so the
      // collection loads again from the index, rebuilt for the edit. A content error is shown; the store stays.
      const root = resolve(options.contentRoot);
      context.watcher?.add(root);
      context.watcher?.on('all', (_event, path) => {
        if (!resolve(path).startsWith(root + sep)) return;
        invalidateSiteIndex();
        sync().catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

interface IndexedDocument {
  id: string;
  data: Record<string, unknown>;
  file: string;
  /** An article with code, which Astro has @astrojs/mdx compile. */
  compiled: boolean;
}

async function fill({ store, config }: LoaderContext, { contentRoot }: SiteIndexOptions, documents: IndexedDocument[]) {
  store.clear();
  for (const { id, data, file, compiled } of documents) {
    store.set({
      id,
      data,
      // Astro wants the path relative to the project, wherever DOSSIER_CONTENT points.
      filePath: relative(fileURLToPath(config.root), resolve(contentRoot, file)),
      ...(compiled ? { deferredRender: true } : {}),
    });
  }
}
