/**
 * The content collections a Dossier site declares in its `src/content.config.ts`:
 *
 *   import { dossierCollections } from 'dossier/content';
 *   export const collections = dossierCollections();
 */
import { defineCollection } from 'astro:content';
import config from 'virtual:dossier/config';
import { articleLoader, entityLoader } from './integrations/content-loaders.ts';

export function dossierCollections() {
  return {
    articles: defineCollection({ loader: articleLoader(config.siteIndex) }),
    entities: defineCollection({ loader: entityLoader(config.siteIndex) }),
  };
}
