/**
 * What the pages read: the site's settings and its index, from the options the integration validated. Pages and
 * components take their data from here, never from the environment or from the library's options themselves.
 */
import config from 'virtual:dossier/config';
import { useKinds } from '../lib/content/kinds.ts';
import { getSiteIndex, type SiteIndex } from '../lib/index/site-index.ts';

export const settings = config.settings;
// The pages are bundled apart from the config: they learn the site's kinds here.
useKinds(settings.kinds);

/** The site index, built once per build and shared by every page. */
export const siteIndex = (): SiteIndex => getSiteIndex(config.siteIndex);
