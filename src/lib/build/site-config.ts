/**
 * Site-wide settings: the options given to the `dossier()` integration in `astro.config.mjs`, each of which a
 * DOSSIER_* environment variable can override (for CI, the bench and fixture sites). One table says, per setting,
 * its option, its variable, its default and what a good value is, so an option and its variable are checked alike.
 */
import { z } from 'zod';
import { LINK_MODES, type LinkMode } from '../content/content-schema.ts';
import { kindsOptionSchema, resolveKinds } from '../content/kind-options.ts';
import type { KindTable } from '../content/kinds.ts';
import type { SiteIndexOptions } from '../index/site-index.ts';
import { resolveComponents, type ComponentName } from './components.ts';
/** Settings whose values cannot be used, each named (option or variable) with what was expected. */
export class SettingError extends Error {
  constructor(problems: string[]) {
    super(
      `Dossier found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} in the settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'SettingError';
    // The message names the setting and its value; a stack trace would only hide it.
    this.stack = this.message;
  }
}

/** The settings one option or one DOSSIER_* variable gives (the SETTINGS table). */
interface ScalarSettings {
  /** The content folder: `content/` unless another is named (a corpus, a fixture). */
  contentRoot: string;
  /** The public address of the site, for canonical links, cards and the feed. */
  site: string;
  /** The path the site is served under: `/`, or a sub-path such as `/dossier/`. */
  basePath: string;
  linkMode: LinkMode;
  /** Off builds without linking and the mention index: the bench's baseline. */
  linking: boolean;
  /** The editors vouch for the code of every article, as `trusted: true` does for one. */
  trustCode: boolean;
  /** What the site calls itself. */
  title: string;
  /** What the site is about, after its title in the home page's lead and in link previews. */
  description: string;
  /** Off draws no social cards: link previews show the page's title and description without an image. */
  cards: boolean;
  /** Off builds no search: no Pagefind index, no search page, no search control in the header. */
  search: boolean;
}
export interface Settings extends ScalarSettings {
  /** The site's entity kinds: the built-in ones as the `kinds` option changes them, and the site's own. */
  kinds: KindTable;
  /** The site's own components in place of Dossier's, by name: absolute paths (see components.ts). */
  components: Partial<Record<ComponentName, string>>;
}

/** What `dossier({ … })` takes. Every option may be left out. */
export const dossierOptionsSchema = z.strictObject({
  title: z.string().optional(),
  description: z.string().optional(),
  site: z.string().optional(),
  base: z.string().optional(),
  content: z.string().optional(),
  linkMode: z.string().optional(),
  linking: z.boolean().optional(),
  trustCode: z.boolean().optional(),
  kinds: kindsOptionSchema.optional(),
  cards: z.boolean().optional(),
  search: z.boolean().optional(),
  components: z.record(z.string(), z.string()).optional(),
});
export type DossierOptions = z.input<typeof dossierOptionsSchema>;

type Check<T> = (value: string) => { value: T } | { expected: string };

const text =
  (expected: string): Check<string> =>
  (value) =>
    value.trim() ? { value: value.trim() } : { expected };
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (value) =>
    (values as readonly string[]).includes(value) ? { value: value as T } : { expected: `one of ${values.join(', ')}` };
const webAddress: Check<string> = (value) =>
  URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
    ? { value }
    : { expected: 'the public address of the site, an http(s) URL like https://example.org' };
// `kb`, `/kb` and `kb/` all mean the sub-path /kb/; links are written from it, so it must be exact.
const subPath: Check<string> = (value) => {
  const segments = value.trim().split('/').filter(Boolean);
  if (segments.some((segment) => segment === '.' || segment === '..' || !/^[\w.~-]+$/.test(segment))) {
    return {
      expected:
        'the sub-path the site is served under, like /kb/ (letters, digits, "-", "_", "." and "~" between slashes)',
    };
  }
  return { value: segments.length ? `/${segments.join('/')}/` : '/' };
};
const onOff =
  (on: string, off: string): Check<boolean> =>
  (value) =>
    value === on ? { value: true } : value === off ? { value: false } : { expected: `one of ${on}, ${off}` };

interface Setting<K extends keyof ScalarSettings> {
  option: keyof DossierOptions;
  variable: string;
  fallback: ScalarSettings[K];
  /** What a good value is, for an option's string and a variable alike. */
  check: Check<ScalarSettings[K]>;
  /** How the variable is written, when not as the option's string (`on`/`off` for a boolean option). */
  variableCheck?: Check<ScalarSettings[K]>;
  /** How an empty value reads in the message's "or nothing for …". */
  nothing: string;
}

const DESCRIPTION =
  'the companies, people, policies and ideas in the reporting, each with every passage that mentions it.';

/** The address a site without one is built for: a reserved name, so no link to it reaches anybody else's site. */
export const PLACEHOLDER_SITE = 'https://dossier.example';

/**
 * What a site can be built with but should not be published with, said when it is built: without its address,
 * every canonical URL, link preview, social card, feed item and copied paragraph link points at the placeholder.
 */
export function settingWarnings(settings: Settings): string[] {
  return settings.site === PLACEHOLDER_SITE
    ? [
        `no public address is set (the option site, or DOSSIER_SITE), so canonical URLs, link previews, social cards, the feed and copied paragraph links point at ${PLACEHOLDER_SITE}, which is no site; set site to the address the site is published at, like https://notes.example`,
      ]
    : [];
}

/** Every setting: its option, its variable, its default and its check. */
const SETTINGS: { [K in keyof ScalarSettings]: Setting<K> } = {
  contentRoot: {
    option: 'content',
    variable: 'DOSSIER_CONTENT',
    fallback: 'content',
    check: text('the path of a content folder'),
    nothing: 'content/',
  },
  site: {
    option: 'site',
    variable: 'DOSSIER_SITE',
    fallback: PLACEHOLDER_SITE,
    check: webAddress,
    nothing: '',
  },
  basePath: { option: 'base', variable: 'DOSSIER_BASE', fallback: '/', check: subPath, nothing: '' },
  linkMode: {
    option: 'linkMode',
    variable: 'DOSSIER_LINK_MODE',
    fallback: 'section',
    check: oneOf(LINK_MODES),
    nothing: '',
  },
  linking: {
    option: 'linking',
    variable: 'DOSSIER_LINKING',
    fallback: true,
    check: onOff('true', 'false'),
    variableCheck: onOff('on', 'off'),
    nothing: '',
  },
  trustCode: {
    option: 'trustCode',
    variable: 'DOSSIER_TRUST_CODE',
    fallback: false,
    check: onOff('true', 'false'),
    variableCheck: onOff('1', '0'),
    nothing: '',
  },
  title: {
    option: 'title',
    variable: 'DOSSIER_TITLE',
    fallback: 'Dossier',
    check: text('the name of the site'),
    nothing: '"Dossier"',
  },
  description: {
    option: 'description',
    variable: 'DOSSIER_DESCRIPTION',
    fallback: DESCRIPTION,
    check: text('a sentence on what the site is about'),
    nothing: 'the default',
  },
  cards: {
    option: 'cards',
    variable: 'DOSSIER_CARDS',
    fallback: true,
    check: onOff('true', 'false'),
    variableCheck: onOff('1', '0'),
    nothing: '',
  },
  search: {
    option: 'search',
    variable: 'DOSSIER_SEARCH',
    fallback: true,
    check: onOff('true', 'false'),
    variableCheck: onOff('1', '0'),
    nothing: '',
  },
};

/**
 * The settings from the integration's options, each overridden by its DOSSIER_* variable where `env` has it;
 * every bad value (an unknown option too) is named, all at once, with what was expected. Paths in the options are
 * relative to `root`, the project's folder.
 */
export function readSettings(
  env: Record<string, string | undefined>,
  options: unknown = {},
  root: string = process.cwd(),
): Settings {
  const problems: string[] = [];
  const parsed = dossierOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap(withinUnion)) {
      const option = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        problems.push(
          `dossier() has no option ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}; it takes ${Object.keys(dossierOptionsSchema.shape).join(', ')}`,
        );
      else
        problems.push(
          `the option ${option} is wrong: ${/^Invalid \w+: /.test(issue.message) ? issue.message.replace(/^Invalid \w+: /, '') : `expected ${issue.message}`}`,
        );
    }
  }
  // Options of the right type are still checked for their values, so every problem is named in one go.
  const shape = dossierOptionsSchema.shape;
  const given: DossierOptions = parsed.success
    ? parsed.data
    : Object.fromEntries(
        Object.entries(typeof options === 'object' && options ? options : {}).filter(
          ([key, value]) => key in shape && shape[key as keyof typeof shape].safeParse(value).success,
        ),
      );
  const settings = {} as Record<keyof Settings, unknown>;
  for (const [key, setting] of Object.entries(SETTINGS) as [keyof ScalarSettings, Setting<keyof ScalarSettings>][]) {
    const variable = env[setting.variable];
    const option = given[setting.option];
    const [raw, name, check] =
      variable !== undefined
        ? [variable, setting.variable, setting.variableCheck ?? setting.check]
        : option !== undefined
          ? [String(option), `the option ${setting.option}`, setting.check]
          : [undefined, '', setting.check];
    if (raw === undefined) {
      settings[key] = setting.fallback;
      continue;
    }
    const result = check(raw);
    if ('value' in result) settings[key] = result.value;
    else {
      problems.push(
        `${name} is ${JSON.stringify(raw)}; expected ${result.expected}${variable !== undefined ? `, or nothing${setting.nothing ? ` for ${setting.nothing}` : ''}` : ''}`,
      );
      settings[key] = setting.fallback;
    }
  }
  settings.kinds = resolveKinds(given.kinds, problems);
  const components = resolveComponents(given.components ?? {}, root);
  settings.components = components.components;
  problems.push(...components.problems);
  if (problems.length) throw new SettingError(problems);
  return settings as unknown as Settings;
}

/**
 * A value that fits none of a union's shapes is described by the shape it was meant to have: a kind given as an
 * object is a kind with a bad field, not "neither false nor a kind".
 */
function withinUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const meant = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0)) ?? issue.errors[0]!;
  return meant.flatMap((inner) => withinUnion({ ...inner, path: [...issue.path, ...inner.path] }));
}

/** The file beside `npm run build`'s grown ledger that names the content folder's ledger it belongs in. */
export const ledgerTarget = (pendingLedger: string) => `${pendingLedger}.target`;

/** What the pages and the build's stages take from the settings. */
export function siteIndexOptionsOf(settings: Settings): SiteIndexOptions {
  return {
    contentRoot: settings.contentRoot,
    linkMode: settings.linkMode,
    linking: settings.linking,
    base: settings.basePath,
    trustCode: settings.trustCode,
  };
}

/**
 * Everything the site loads comes from itself. Pagefind compiles its WebAssembly (`wasm-unsafe-eval`) and runs in a
 * worker; no inline script or style anywhere. Sent as a meta tag on every page, and as a header for hosts that read
 * a `_headers` file, where `frame-ancestors` can be added too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The policy `astro dev` pages carry: Vite's dev server injects every stylesheet as an inline style (and the
 * toolbar's), which the built site's policy blocks, so a preview showed the site unstyled. Never in a build.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "style-src 'self'",
  "style-src 'self' 'unsafe-inline'",
);
