/** The content folder: `content/` unless DOSSIER_CONTENT names another (a corpus, a fixture). */
export const contentRoot = process.env.DOSSIER_CONTENT ?? 'content';

/** What the site calls itself in titles, the header and link previews. */
export const SITE = {
  title: process.env.DOSSIER_TITLE ?? 'Dossier',
  description: 'the companies, people, policies and ideas in the reporting, each with every passage that mentions it.',
};
