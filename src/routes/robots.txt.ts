/** Crawlers may read everything, and are told where the sitemap is. */
import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/build/site-url.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = siteUrl(site, import.meta.env.BASE_URL, '/sitemap-index.xml');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
