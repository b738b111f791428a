import { defineCollection } from 'astro:content';
import { siteIndexOptions } from './lib/build/site-config.ts';
import { articleLoader, entityLoader } from './integrations/content-loaders.ts';

/** Articles (Markdown or MDX) and entities, read, checked and rendered by the site index. */
const articles = defineCollection({ loader: articleLoader(siteIndexOptions) });
const entities = defineCollection({ loader: entityLoader(siteIndexOptions) });

export const collections = { articles, entities };
