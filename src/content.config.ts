import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/content-schema.ts';
import { contentRoot, siteIndexOptions } from './lib/site-config.ts';
import { entityLoader } from './integrations/entity-loader.ts';

/** Articles: MDX, rendered by Astro; frontmatter checked by the same schema the registry uses. */
const articles = defineCollection({
  loader: glob({ pattern: '*.{md,mdx}', base: `${contentRoot}/articles` }),
  schema: articleSchema,
});

/** Entities: read and cross-checked by the registry, so `kind` comes from the folder and ids from file names. */
const entities = defineCollection({ loader: entityLoader(siteIndexOptions) });

export const collections = { articles, entities };
