// @ts-check
// The example site: the first corpus in content/, built through the integration exactly as a user's site is.
import { defineConfig } from 'astro/config';
import dossier from './src/integration.ts';

export default defineConfig({
  integrations: [dossier()],
});
