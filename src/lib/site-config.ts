/**
 * Site-wide settings, from the environment so one codebase builds any content folder at any address.
 * Read by astro.config.mjs, the pages and the command-line tools alike.
 */
import { LINK_MODES, type LinkMode } from './content-schema.ts';
import type { SiteIndexOptions } from './site-index.ts';

/** The content folder: `content/` unless DOSSIER_CONTENT names another (a corpus, a fixture). */
export const contentRoot = process.env.DOSSIER_CONTENT ?? 'content';

/** The path the site is served under: `/`, or a sub-path such as `/dossier/`. */
export const basePath = process.env.DOSSIER_BASE ?? '/';

function linkModeFromEnvironment(): LinkMode {
  const value = process.env.DOSSIER_LINK_MODE ?? 'section';
  if ((LINK_MODES as readonly string[]).includes(value)) return value as LinkMode;
  throw new Error(`DOSSIER_LINK_MODE is "${value}"; expected one of ${LINK_MODES.join(', ')}`);
}

export const siteIndexOptions: SiteIndexOptions = {
  contentRoot,
  linkMode: linkModeFromEnvironment(),
  // DOSSIER_LINKING=off builds without linking and the mention index: the bench's baseline.
  linking: process.env.DOSSIER_LINKING !== 'off',
  base: basePath,
  // Set by `npm run build`, which puts the grown ledger in place once the build has succeeded.
  ledgerOut: process.env.DOSSIER_LEDGER_OUT,
  // DOSSIER_TRUST_CODE=1: the editors vouch for the code of every article, as `trusted: true` does for one.
  trustCode: process.env.DOSSIER_TRUST_CODE === '1',
};

/** What the site calls itself in titles, the header and link previews. */
export const SITE = {
  title: process.env.DOSSIER_TITLE ?? 'Dossier',
  description: 'the companies, people, policies and ideas in the reporting, each with every passage that mentions it.',
};

/**
 * Everything the site loads comes from itself. Pagefind compiles its WebAssembly (`wasm-unsafe-eval`) and runs in a
 * worker; no inline script or style anywhere. Sent as a meta tag on every page, and as a header for hosts that read
 * a `_headers` file, where `frame-ancestors` can be added too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
