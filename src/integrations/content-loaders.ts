import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articleSchema, entitySchema } from '../lib/content-schema.ts';
import { getSiteIndex, type SiteIndexOptions } from '../lib/site-index.ts';

/**
 * Feed the site index's documents into Astro's content layer: their checked frontmatter, and for an article with
 * code the file for @astrojs/mdx to compile. The index parsed, checked, linked and wrote out every body once, so
 * Astro neither validates nor renders them again. The registry validates rather than Astro because it knows the
 * kind from the folder and checks what one file cannot (ids, aliases and references across files). The bodies stay
 * out of the content store, which the build bundles as one module (DocumentBody.astro takes them from the index).
 */
export function articleLoader(options: SiteIndexOptions): Loader & { schema: typeof articleSchema } {
  return {
    name: 'dossier-articles',
    schema: articleSchema,
    load: (context) => {
      const index = getSiteIndex(options);
      return fill(context, options, index.content.articles.map((article) => ({ id: article.slug, ...article, compiled: index.articles.get(article.slug)!.html === undefined })));
    },
  };
}

export function entityLoader(options: SiteIndexOptions): Loader & { schema: typeof entitySchema } {
  return {
    name: 'dossier-entities',
    schema: entitySchema,
    load: (context) => {
      const index = getSiteIndex(options);
      return fill(context, options, [...index.content.entities.values()].map((entity) => ({ ...entity, compiled: false })));
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
