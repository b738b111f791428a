/**
 * The settings of the site in the working directory, as its `astro.config.mjs` gives them to `dossier()`, with the
 * DOSSIER_* overrides: the command-line tools see the content folder and the kinds the build sees. A project
 * without a config (a content folder alone) has the defaults.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { optionsOf } from '../integration.ts';
import { readSettings, type Settings } from '../lib/build/site-config.ts';
import { useKinds } from '../lib/content/kinds.ts';

const CONFIG_FILES = ['astro.config.mjs', 'astro.config.js', 'astro.config.mts', 'astro.config.ts'];

export async function siteSettings(root = process.cwd(), env = process.env): Promise<Settings> {
  const file = CONFIG_FILES.map((name) => join(root, name)).find((path) => existsSync(path));
  let options: unknown = {};
  if (file) {
    const config = ((await import(pathToFileURL(file).href)) as { default?: { integrations?: unknown[] } }).default;
    options = optionsOf((config?.integrations ?? []).flat(Infinity)) ?? {};
  }
  const settings = readSettings(env, options, root);
  useKinds(settings.kinds);
  return settings;
}
