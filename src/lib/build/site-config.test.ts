import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_KINDS } from '../content/kinds.ts';
import { readSettings } from './site-config.ts';

/** A project folder with a component of its own in src/components/. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'dossier-site-'));
  mkdirSync(join(root, 'src/components'), { recursive: true });
  writeFileSync(join(root, 'src/components/MyInfobox.astro'), '<aside>Facts</aside>\n');
  return root;
}

describe('the settings: the integration’s options, and the DOSSIER_* variables over them', () => {
  it('have defaults for a site at the root', () => {
    expect(readSettings({})).toEqual({
      contentRoot: 'content',
      site: 'https://dossier.example',
      basePath: '/',
      linkMode: 'section',
      linking: true,
      trustCode: false,
      title: 'Dossier',
      description:
        'the companies, people, policies and ideas in the reporting, each with every passage that mentions it.',
      kinds: BUILT_IN_KINDS,
      cards: true,
      search: true,
      components: {},
    });
  });

  it.each([
    ['kb', '/kb/'],
    ['/kb', '/kb/'],
    ['kb/', '/kb/'],
    [' /kb/ ', '/kb/'],
    ['/', '/'],
    ['', '/'],
    ['a/b', '/a/b/'],
    ['//docs//kb', '/docs/kb/'],
  ])('read the sub-path %j as %j', (value, basePath) => {
    expect(readSettings({ DOSSIER_BASE: value }).basePath).toBe(basePath);
  });

  it('read the switches', () => {
    expect(
      readSettings({
        DOSSIER_LINKING: 'off',
        DOSSIER_TRUST_CODE: '1',
        DOSSIER_LINK_MODE: 'every',
        DOSSIER_TITLE: ' Notes ',
        DOSSIER_CARDS: '0',
        DOSSIER_SEARCH: '0',
      }),
    ).toMatchObject({
      linking: false,
      trustCode: true,
      linkMode: 'every',
      title: 'Notes',
      cards: false,
      search: false,
    });
  });

  it('name every bad value with what was expected, all at once', () => {
    expect(() =>
      readSettings({
        DOSSIER_SITE: 'not a url',
        DOSSIER_BASE: 'k b/../x',
        DOSSIER_LINK_MODE: 'sections',
        DOSSIER_LINKING: 'no',
        DOSSIER_TRUST_CODE: 'true',
        DOSSIER_TITLE: ' ',
        DOSSIER_CONTENT: '',
        DOSSIER_CARDS: 'off',
        DOSSIER_SEARCH: 'false',
      }),
    ).toThrow(
      [
        'Dossier found 9 problems in the settings:',
        '  - DOSSIER_CONTENT is ""; expected the path of a content folder, or nothing for content/',
        '  - DOSSIER_SITE is "not a url"; expected the public address of the site, an http(s) URL like https://example.org, or nothing',
        '  - DOSSIER_BASE is "k b/../x"; expected the sub-path the site is served under, like /kb/ (letters, digits, "-", "_", "." and "~" between slashes), or nothing',
        '  - DOSSIER_LINK_MODE is "sections"; expected one of article, section, paragraph, every, or nothing',
        '  - DOSSIER_LINKING is "no"; expected one of on, off, or nothing',
        '  - DOSSIER_TRUST_CODE is "true"; expected one of 1, 0, or nothing',
        '  - DOSSIER_TITLE is " "; expected the name of the site, or nothing for "Dossier"',
        '  - DOSSIER_CARDS is "off"; expected one of 1, 0, or nothing',
        '  - DOSSIER_SEARCH is "false"; expected one of 1, 0, or nothing',
      ].join('\n'),
    );
  });

  it('refuse a site address that is no web address', () => {
    expect(() => readSettings({ DOSSIER_SITE: 'javascript:alert(1)' })).toThrow(
      'DOSSIER_SITE is "javascript:alert(1)"',
    );
  });

  it('take the integration’s options, each checked as its variable is', () => {
    expect(
      readSettings(
        {},
        {
          title: 'Field Notes',
          description: 'what we saw.',
          site: 'https://notes.example',
          base: 'kb',
          content: 'writing',
          linkMode: 'every',
          linking: false,
          trustCode: true,
          cards: false,
          search: false,
        },
      ),
    ).toEqual({
      contentRoot: 'writing',
      site: 'https://notes.example',
      basePath: '/kb/',
      linkMode: 'every',
      linking: false,
      trustCode: true,
      title: 'Field Notes',
      description: 'what we saw.',
      kinds: BUILT_IN_KINDS,
      cards: false,
      search: false,
      components: {},
    });
  });

  it('let a variable override its option, for CI and fixture sites', () => {
    expect(
      readSettings({ DOSSIER_CONTENT: 'fixtures/site', DOSSIER_LINKING: 'on' }, { content: 'writing', linking: false }),
    ).toMatchObject({ contentRoot: 'fixtures/site', linking: true });
  });

  it('name a bad option, an unknown one and a wrong type with what was expected', () => {
    expect(() =>
      readSettings({}, { site: 'notes.example', linkMode: 'sections', titel: 'Notes', linking: 'yes' }),
    ).toThrow(
      [
        'Dossier found 4 problems in the settings:',
        '  - the option linking is wrong: expected boolean, received string',
        '  - dossier() has no option "titel"; it takes title, description, site, base, content, linkMode, linking, trustCode, kinds, cards, search, components',
        '  - the option site is "notes.example"; expected the public address of the site, an http(s) URL like https://example.org',
        '  - the option linkMode is "sections"; expected one of article, section, paragraph, every',
      ].join('\n'),
    );
  });

  it('take a site’s components as files relative to the project root', () => {
    const root = project();
    expect(
      readSettings({}, { components: { EntityInfobox: './src/components/MyInfobox.astro' } }, root).components,
    ).toEqual({ EntityInfobox: join(root, 'src/components/MyInfobox.astro') });
    // Written without "./", or absolute, it is the same file.
    expect(
      readSettings({}, { components: { KindBadge: join(root, 'src/components/MyInfobox.astro') } }, root).components,
    ).toEqual({ KindBadge: join(root, 'src/components/MyInfobox.astro') });
    expect(readSettings({}, { components: { Footer: 'src/components/MyInfobox.astro' } }, root).components).toEqual({
      Footer: join(root, 'src/components/MyInfobox.astro'),
    });
  });

  it('name a component Dossier has not, a file that is not there, a folder and a wrong type, with what was expected', () => {
    const root = project();
    const expected = (name: string) =>
      `expected the path of a component file (like ./src/components/My${name}.astro), relative to the project root ${root}`;
    expect(() =>
      readSettings(
        {},
        {
          components: {
            Infobox: './src/components/MyInfobox.astro',
            EntityInfobox: './src/components/MyInfobx.astro',
            Header: './src/components',
            Footer: ' ',
          },
        },
        root,
      ),
    ).toThrow(
      [
        'Dossier found 4 problems in the settings:',
        '  - the option components names "Infobox", which is no component Dossier lets a site replace; expected one of Header, Footer, Search, ArticleByline, EntityInfobox, EntityPassages, KindBadge',
        `  - the option components.EntityInfobox is "./src/components/MyInfobx.astro", but there is no such file: looked for ${join(root, 'src/components/MyInfobx.astro')}; ${expected('EntityInfobox')}`,
        `  - the option components.Header is "./src/components", but that is a folder: looked for ${join(root, 'src/components')}; ${expected('Header')}`,
        `  - the option components.Footer is " "; ${expected('Footer')}`,
      ].join('\n'),
    );
    expect(() => readSettings({}, { components: { EntityInfobox: true } }, root)).toThrow(
      'the option components.EntityInfobox is wrong: expected string, received boolean',
    );
    expect(() => readSettings({}, { components: './src/components/MyInfobox.astro' }, root)).toThrow(
      'the option components is wrong: expected record, received string',
    );
  });
});
