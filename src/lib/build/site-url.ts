/**
 * Addresses under the site's base path. The base is `/` or a sub-path like `/kb/`, with its trailing slash, as the
 * settings and Astro's `import.meta.env.BASE_URL` give it; site paths are root-relative (`/people/robin-li/`). Only
 * here is the slash between the two handled.
 */

/** A site path under the base: `/kb/` and `/people/robin-li/` give `/kb/people/robin-li/`. */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/** The absolute URL of a site path under the base, on the site's address. */
export function siteUrl(site: URL | string | undefined, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}
