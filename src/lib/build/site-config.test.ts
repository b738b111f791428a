import { describe, expect, it } from 'vitest';
import { readSettings } from './site-config.ts';

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
      cards: true,
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
      }),
    ).toMatchObject({ linking: false, trustCode: true, linkMode: 'every', title: 'Notes', cards: false });
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
      }),
    ).toThrow(
      [
        'Dossier found 8 problems in the settings:',
        '  - DOSSIER_CONTENT is ""; expected the path of a content folder, or nothing for content/',
        '  - DOSSIER_SITE is "not a url"; expected the public address of the site, an http(s) URL like https://example.org, or nothing',
        '  - DOSSIER_BASE is "k b/../x"; expected the sub-path the site is served under, like /kb/ (letters, digits, "-", "_", "." and "~" between slashes), or nothing',
        '  - DOSSIER_LINK_MODE is "sections"; expected one of article, section, paragraph, every, or nothing',
        '  - DOSSIER_LINKING is "no"; expected one of on, off, or nothing',
        '  - DOSSIER_TRUST_CODE is "true"; expected one of 1, 0, or nothing',
        '  - DOSSIER_TITLE is " "; expected the name of the site, or nothing for "Dossier"',
        '  - DOSSIER_CARDS is "off"; expected one of 1, 0, or nothing',
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
      cards: false,
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
        '  - dossier() has no option "titel"; it takes title, description, site, base, content, linkMode, linking, trustCode, cards',
        '  - the option site is "notes.example"; expected the public address of the site, an http(s) URL like https://example.org',
        '  - the option linkMode is "sections"; expected one of article, section, paragraph, every',
      ].join('\n'),
    );
  });
});
