import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import dossier from './integration.ts';
import { COMPONENT_NAMES, COMPONENTS } from './lib/build/components.ts';

/** Runs the integration's setup over a project folder; returns the patterns it injected and the config it set. */
function setUp(project: string, options: Parameters<typeof dossier>[0] = {}) {
  const root = pathToFileURL(`${project}/`);
  const config = {
    root,
    srcDir: new URL('src/', root),
    publicDir: new URL('public/', root),
    cacheDir: new URL('node_modules/.astro/', root),
    integrations: [],
  } as unknown as AstroConfig;
  const patterns: string[] = [];
  const warnings: string[] = [];
  let updated: Record<string, unknown> = {};
  const hook = dossier(options).hooks['astro:config:setup']!;
  void hook({
    config,
    command: 'build',
    logger: { warn: (message: string) => warnings.push(message) },
    updateConfig: (next: Record<string, unknown>) => (updated = next),
    injectRoute: ({ pattern }: { pattern: string }) => patterns.push(pattern),
  } as never);
  return { patterns, updated, warnings };
}

const project = () => mkdtempSync(join(tmpdir(), 'dossier-site-'));

interface Plugin {
  name: string;
  resolveId?: (id: string) => string | undefined;
  load?: (id: string) => string | undefined;
}
/** The Vite plugin of that name the integration adds. */
const plugin = (updated: Record<string, unknown>, name: string) =>
  ((updated.vite as { plugins: Plugin[] }).plugins.flat() as Plugin[]).find((p) => p.name === name)!;

/** What `virtual:dossier/components/<name>` is, as Vite loads it. */
function componentModule(updated: Record<string, unknown>, name: string) {
  const modules = plugin(updated, 'dossier-components');
  const id = modules.resolveId!(`virtual:dossier/components/${name}`);
  return id === undefined ? undefined : modules.load!(id);
}
const dossierFile = (file: string) => fileURLToPath(new URL(`./components/${file}`, import.meta.url));

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

  it('builds no search when search is off: no page, no index, no control in the header, no rule for its files', () => {
    const on = setUp(project());
    const off = setUp(project(), { search: false });
    expect(on.patterns).toContain('/search');
    expect(off.patterns).not.toContain('/search');
    const integrations = ({ updated }: typeof on) => (updated.integrations as { name: string }[]).map((i) => i.name);
    expect(integrations(on)).toContain('dossier-search-index');
    expect(integrations(off)).not.toContain('dossier-search-index');
    expect(componentModule(on.updated, 'Search')).toContain(JSON.stringify(dossierFile('SearchControl.astro')));
    expect(componentModule(off.updated, 'Search')).toContain(JSON.stringify(dossierFile('Nothing.astro')));
    const headers = ({ updated }: typeof on) => {
      const dir = project();
      const hostHeaders = (updated.integrations as AstroIntegration[]).find((i) => i.name === 'dossier-host-headers')!;
      void hostHeaders.hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`) } as never);
      return readFileSync(join(dir, '_headers'), 'utf8');
    };
    expect(headers(on)).toContain('/pagefind/*');
    expect(headers(off)).not.toContain('pagefind');
  });

  it('stops on a bad option, naming it', () => {
    expect(() => setUp(project(), { linkMode: 'sections' })).toThrow(
      'the option linkMode is "sections"; expected one of article, section, paragraph, every',
    );
  });

  it('gives each replaceable component from the site’s file where it names one, else Dossier’s own', () => {
    const folder = project();
    mkdirSync(join(folder, 'src/components'), { recursive: true });
    writeFileSync(join(folder, 'src/components/MyInfobox.astro'), '<aside>Facts</aside>\n');
    const { updated } = setUp(folder, { components: { EntityInfobox: './src/components/MyInfobox.astro' } });
    expect(componentModule(updated, 'EntityInfobox')).toBe(
      `export { default } from ${JSON.stringify(join(folder, 'src/components/MyInfobox.astro'))};`,
    );
    expect(componentModule(updated, 'KindBadge')).toBe(
      `export { default } from ${JSON.stringify(dossierFile('KindBadge.astro'))};`,
    );
    expect(componentModule(updated, 'Infobox')).toBeUndefined();
  });

  it('has Dossier’s own file and a type for every replaceable component', () => {
    const declarations = readFileSync(new URL('./virtual-config.d.ts', import.meta.url), 'utf8');
    for (const name of COMPONENT_NAMES) {
      expect(existsSync(dossierFile(COMPONENTS[name])), COMPONENTS[name]).toBe(true);
      expect(declarations).toContain(
        `declare module 'virtual:dossier/components/${name}' {\n  const ${name}: typeof import('./components/${COMPONENTS[name]}').default;`,
      );
    }
  });

  it('lets Tailwind find the classes of a site’s components, and changes nothing for a site without', () => {
    const styles = fileURLToPath(new URL('./styles/global.css', import.meta.url));
    const folder = project();
    writeFileSync(join(folder, 'Footer.astro'), '<footer>Notes</footer>\n');
    const own = plugin(setUp(folder, { components: { Footer: 'Footer.astro' } }).updated, 'dossier-component-styles');
    expect(own.load!(styles)).toBe(
      `${readFileSync(styles, 'utf8')}\n@source ${JSON.stringify(join(folder, 'src/'))};\n@source ${JSON.stringify(join(folder, 'Footer.astro'))};\n`,
    );
    expect(own.load!(join(folder, 'other.css'))).toBeUndefined();
    const none = plugin(setUp(project()).updated, 'dossier-component-styles');
    expect(none.load!(styles)).toBeUndefined();
  });

  it('stops on a component it cannot use, naming the option and where it looked', () => {
    const folder = project();
    expect(() => setUp(folder, { components: { EntityInfobox: './src/components/MyInfobox.astro' } })).toThrow(
      `the option components.EntityInfobox is "./src/components/MyInfobox.astro", but there is no such file: looked for ${join(folder, 'src/components/MyInfobox.astro')}`,
    );
  });

  it('says when a site is built without its public address, which its permalinks and previews need', () => {
    expect(setUp(project()).warnings).toEqual([expect.stringContaining('no public address is set (the option site')]);
    expect(setUp(project(), { site: 'https://notes.example' }).warnings).toEqual([]);
  });
});
