/** The site's icon, unless the site has its own in `public/`. */
import type { APIRoute } from 'astro';
import icon from './favicon.svg?raw';

export const GET: APIRoute = () => new Response(icon, { headers: { 'Content-Type': 'image/svg+xml' } });
