import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { describe, expect, it } from 'vitest';
import dossier from './integration.ts';

/** Runs the integration's setup over a project folder; returns the patterns it injected and the config it set. */
function setUp(project: string, options: Parameters<typeof dossier>[0] = {}) {
  const root = pathToFileURL(`${project}/`);
  const config = {
    root,
    srcDir: new URL('src/', root),
    publicDir: new URL('public/', root),
    integrations: [],
  } as unknown as AstroConfig;
  const patterns: string[] = [];
  let updated: Record<string, unknown> = {};
  const hook = dossier(options).hooks['astro:config:setup']!;
  void hook({
    config,
    updateConfig: (next: Record<string, unknown>) => (updated = next),
    injectRoute: ({ pattern }: { pattern: string }) => patterns.push(pattern),
  } as never);
  return { patterns, updated };
}

const project = () => mkdtempSync(join(tmpdir(), 'dossier-site-'));

describe('the dossier() integration', () => {
  it('gives a site every page, and the settings Astro needs', () => {
    const { patterns, updated } = setUp(project(), { site: 'https://notes.example', base: 'kb' });
    expect(patterns).toEqual(
      expect.arrayContaining(['/', '/articles/[slug]', '/[kind]/[id]', '/search', '/rss.xml', '/404', '/favicon.svg']),
    );
    expect(updated).toMatchObject({ site: 'https://notes.example', base: '/kb/', trailingSlash: 'always' });
  });

  it('lets a site’s own 404 page and icon take the place of Dossier’s', () => {
    const folder = project();
    mkdirSync(join(folder, 'src/pages'), { recursive: true });
    mkdirSync(join(folder, 'public'));
    writeFileSync(join(folder, 'src/pages/404.md'), '# Not here\n');
    writeFileSync(join(folder, 'public/favicon.svg'), '<svg/>');
    const { patterns } = setUp(folder);
    expect(patterns).not.toContain('/404');
    expect(patterns).not.toContain('/favicon.svg');
    expect(patterns).toContain('/');
  });

  it('draws no social cards when cards are off', () => {
    expect(setUp(project()).patterns).toContain('/cards/[...card].png');
    expect(setUp(project(), { cards: false }).patterns).not.toContain('/cards/[...card].png');
  });

  it('stops on a bad option, naming it', () => {
    expect(() => setUp(project(), { linkMode: 'sections' })).toThrow(
      'the option linkMode is "sections"; expected one of article, section, paragraph, every',
    );
  });
});
