import { dossierCollections } from 'dossier/content';

/** Articles and entities, read from content/ and checked by Dossier. */
export const collections = dossierCollections();
