import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_KINDS, kindFolder, useKinds } from '../lib/content/kinds.ts';
import { siteSettings } from './site-settings.ts';

afterEach(() => useKinds(BUILT_IN_KINDS));

const integration = pathToFileURL(join(import.meta.dirname, '..', 'integration.ts')).href;
/** A project folder whose astro.config.mjs gives `dossier()` these options. */
function project(options: string): string {
  const root = mkdtempSync(join(tmpdir(), 'dossier-settings-'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import dossier from ${JSON.stringify(integration)};\nexport default { integrations: [dossier(${options})] };\n`,
  );
  return root;
}

describe('the settings the command-line tools read', () => {
  it('are those the site’s astro.config.mjs gives dossier(): its content folder and its kinds', async () => {
    const root = project(
      "{ content: 'writing', kinds: { person: { folder: 'speakers', singular: 'Speaker', plural: 'Speakers' } } }",
    );
    const settings = await siteSettings(root, {});
    expect(settings.contentRoot).toBe('writing');
    expect(kindFolder('person')).toBe('speakers');
  });

  it('are overridden by the DOSSIER_* variables, as for the build', async () => {
    expect((await siteSettings(project("{ content: 'writing' }"), { DOSSIER_CONTENT: 'other' })).contentRoot).toBe(
      'other',
    );
  });

  it('are the defaults in a folder without a config', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-settings-'));
    expect((await siteSettings(root, {})).contentRoot).toBe('content');
  });

  it('stop at a bad option, naming it', async () => {
    await expect(siteSettings(project("{ linkMode: 'sections' }"), {})).rejects.toThrow(
      'the option linkMode is "sections"; expected one of article, section, paragraph, every',
    );
  });
});
