import { dossierCollections } from './content.ts';

/** Articles (Markdown or MDX) and entities, read, checked and rendered by the site index. */
export const collections = dossierCollections();
