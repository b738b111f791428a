import { describe, expect, it } from 'vitest';
import { readTheme, SYSTEM_COLOR_SCHEME, THEME_KEY, THEME_SCRIPT } from './theme.ts';

/** Runs the head script against a root element and a storage holding `kept`: the theme and scheme it sets. */
function runScript(kept: string | null, storageThrows = false) {
  const attributes = new Map<string, string>();
  const meta = { content: SYSTEM_COLOR_SCHEME, setAttribute: (_: string, value: string) => (meta.content = value) };
  const document = {
    documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) },
    querySelector: (selector: string) => (selector === 'meta[name="color-scheme"]' ? meta : null),
  };
  const localStorage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('storage is blocked');
      return key === THEME_KEY ? kept : null;
    },
  };
  new Function('document', 'localStorage', THEME_SCRIPT)(document, localStorage);
  expect(attributes.get('data-script')).toBe('');
  return { theme: attributes.get('data-theme'), scheme: meta.content };
}

describe('the kept colour choice', () => {
  it('reads light and dark as themselves, and anything else as the system’s', () => {
    expect(readTheme('light')).toBe('light');
    expect(readTheme('dark')).toBe('dark');
    for (const kept of [null, undefined, '', 'system', 'midnight', 'Dark']) expect(readTheme(kept)).toBe('system');
  });

  it('is applied by the head script before the page paints, and only when it is light or dark', () => {
    expect(runScript('dark')).toEqual({ theme: 'dark', scheme: 'dark' });
    expect(runScript('light')).toEqual({ theme: 'light', scheme: 'light' });
    for (const kept of ['system', '<script>', null])
      expect(runScript(kept)).toEqual({ theme: undefined, scheme: SYSTEM_COLOR_SCHEME });
  });

  it('leaves the page in the system’s colours where storage is blocked', () => {
    expect(runScript('dark', true)).toEqual({ theme: undefined, scheme: SYSTEM_COLOR_SCHEME });
  });
});
