/**
 * Site-wide settings, from the environment so one codebase builds any content folder at any address.
 * Read by astro.config.mjs, the pages and the command-line tools alike.
 */
import { LINK_MODES, type LinkMode } from '../content/content-schema.ts';
import type { SiteIndexOptions } from '../index/site-index.ts';

/** A DOSSIER_* setting whose value cannot be used, named with what was expected. */
export class SettingError extends Error {
  constructor(problems: string[]) {
    super(`Dossier found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} in the settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingError';
    // The message names the variable and its value; a stack trace would only hide it.
    this.stack = this.message;
  }
}

export interface Settings {
  /** The content folder: `content/` unless DOSSIER_CONTENT names another (a corpus, a fixture). */
  contentRoot: string;
  /** The public address of the site (DOSSIER_SITE), for canonical links, cards and the feed. */
  site: string;
  /** The path the site is served under (DOSSIER_BASE): `/`, or a sub-path such as `/dossier/`. */
  basePath: string;
  linkMode: LinkMode;
  /** DOSSIER_LINKING=off builds without linking and the mention index: the bench's baseline. */
  linking: boolean;
  /** DOSSIER_TRUST_CODE=1: the editors vouch for the code of every article, as `trusted: true` does for one. */
  trustCode: boolean;
  /** What the site calls itself (DOSSIER_TITLE). */
  title: string;
}

/** Every DOSSIER_* setting of `env`, checked, and normalised where the intent is plain (`kb` is `/kb/`). */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const problems: string[] = [];
  const bad = (name: string, expected: string) => problems.push(`${name} is ${JSON.stringify(env[name])}; expected ${expected}`);
  const choice = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const value = env[name] ?? fallback;
    if ((values as readonly string[]).includes(value)) return value as T;
    bad(name, `one of ${values.join(', ')}, or nothing`);
    return fallback;
  };

  const contentRoot = env.DOSSIER_CONTENT ?? 'content';
  if (!contentRoot.trim()) bad('DOSSIER_CONTENT', 'the path of a content folder, or nothing for content/');

  const site = env.DOSSIER_SITE ?? 'https://dossier.example';
  if (!URL.canParse(site) || !/^https?:$/.test(new URL(site).protocol)) bad('DOSSIER_SITE', 'the public address of the site, an http(s) URL like https://example.org');

  // `kb`, `/kb` and `kb/` all mean the sub-path /kb/; links are written from it, so it must be exact.
  const base = (env.DOSSIER_BASE ?? '/').trim();
  const segments = base.split('/').filter(Boolean);
  const basePath = segments.length ? `/${segments.join('/')}/` : '/';
  if (segments.some((segment) => segment === '.' || segment === '..' || !/^[\w.~-]+$/.test(segment))) {
    bad('DOSSIER_BASE', 'the sub-path the site is served under, like /kb/ (letters, digits, "-", "_", "." and "~" between slashes)');
  }

  const linkMode = choice('DOSSIER_LINK_MODE', LINK_MODES, 'section');
  const linking = choice('DOSSIER_LINKING', ['on', 'off'], 'on') === 'on';
  const trustCode = choice('DOSSIER_TRUST_CODE', ['0', '1'], '0') === '1';
  const title = env.DOSSIER_TITLE ?? 'Dossier';
  if (!title.trim()) bad('DOSSIER_TITLE', 'the name of the site, or nothing for "Dossier"');

  if (problems.length) throw new SettingError(problems);
  return { contentRoot, site, basePath, linkMode, linking, trustCode, title: title.trim() };
}

const settings = readSettings(process.env);

export const { contentRoot, site, basePath } = settings;

export const siteIndexOptions: SiteIndexOptions = {
  contentRoot,
  linkMode: settings.linkMode,
  linking: settings.linking,
  base: basePath,
  // Set by `npm run build`, which puts the grown ledger in place once the build has succeeded.
  ledgerOut: process.env.DOSSIER_LEDGER_OUT,
  trustCode: settings.trustCode,
};

/** What the site calls itself in titles, the header and link previews. */
export const SITE = {
  title: settings.title,
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
