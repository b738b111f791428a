/**
 * The reader's choice of colours: the system's, or light or dark whatever the system says. The choice is kept in
 * localStorage and written into the page's `color-scheme` meta tag, which every colour's `light-dark()` follows
 * (global.css), and as `data-theme` on the root element. No choice, or no script, leaves the meta tag's
 * "light dark": the system's.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Where the choice is kept, per site origin. */
export const THEME_KEY = 'dossier-theme';

/** What the `color-scheme` meta tag says without a choice: either, as the system prefers. */
export const SYSTEM_COLOR_SCHEME = 'light dark';

/** The site path of the script that applies a kept choice. */
export const THEME_SCRIPT_PATH = '/theme.js';

/** A kept value as a choice: anything unknown (nothing kept, an old value) is the system's. */
export function readTheme(kept: string | null | undefined): Theme {
  return THEMES.find((theme) => theme !== 'system' && theme === kept) ?? 'system';
}

/**
 * The classic script every page loads in its head, blocking, before the body is parsed: a dark choice paints dark
 * from the first frame. A file of the site's own, not inline, so the content security policy needs no hash. Plain
 * ES5 and a try, so a browser that blocks storage still shows the page, in the system's colours. It also marks the
 * root `data-script`, so what is only for readers without script (global.css, `.without-script`) is gone from the
 * first frame too.
 */
export const THEME_SCRIPT = `document.documentElement.setAttribute("data-script","");try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark"){document.documentElement.setAttribute("data-theme",t);document.querySelector('meta[name="color-scheme"]').setAttribute("content",t)}}catch(e){}\n`;

/** Applies a choice to the page at once, as the head script does on the next one. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.dataset.theme = theme;
  root
    .querySelector('meta[name="color-scheme"]')
    ?.setAttribute('content', theme === 'system' ? SYSTEM_COLOR_SCHEME : theme);
}
