/** The script that applies the reader's kept colour choice before the first paint (src/lib/present/theme.ts). */
import type { APIRoute } from 'astro';
import { THEME_SCRIPT } from '../lib/present/theme.ts';

export const GET: APIRoute = () =>
  new Response(THEME_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
