/**
 * The components a site may replace with its own, as Starlight allows:
 *
 *   dossier({ components: { EntityInfobox: './src/components/MyInfobox.astro' } })
 *
 * Pages and components import each as `virtual:dossier/components/<Name>`, which the integration resolves to the
 * site's file or to Dossier's own. A site's component may import Dossier's own from `dossier/components/<file>` to
 * wrap it: that path is the file itself, never the virtual module, so it cannot import itself.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every component a site may replace: its name and Dossier's own, in `src/components/`. */
export const COMPONENTS = {
  Header: 'Header.astro',
  Footer: 'Footer.astro',
  Search: 'SearchControl.astro',
  ArticleByline: 'ArticleByline.astro',
  EntityInfobox: 'Infobox.astro',
  EntityPassages: 'EntityPassages.astro',
  KindBadge: 'KindBadge.astro',
} as const;
export type ComponentName = keyof typeof COMPONENTS;
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as ComponentName[];

/** The prefix of the modules pages import the replaceable components from. */
export const COMPONENT_MODULE = 'virtual:dossier/components/';

/** Dossier's own file for a component, or for the nothing a component is where the site turns its feature off. */
export const dossierComponentFile = (file: (typeof COMPONENTS)[ComponentName] | 'Nothing.astro') =>
  fileURLToPath(new URL(`../../components/${file}`, import.meta.url));

/**
 * The site's components, by name, as absolute paths: each given path resolved against the project root and checked.
 * Returns the problems instead, each naming the option and what was expected.
 */
export function resolveComponents(
  given: Record<string, string>,
  root: string,
): { components: Partial<Record<ComponentName, string>>; problems: string[] } {
  const components: Partial<Record<ComponentName, string>> = {};
  const problems: string[] = [];
  for (const [name, path] of Object.entries(given)) {
    if (!(name in COMPONENTS)) {
      problems.push(
        `the option components names "${name}", which is no component Dossier lets a site replace; expected one of ${COMPONENT_NAMES.join(', ')}`,
      );
      continue;
    }
    const option = `the option components.${name}`;
    const expected = `expected the path of a component file (like ./src/components/My${name}.astro), relative to the project root ${root}`;
    if (!path.trim()) {
      problems.push(`${option} is ${JSON.stringify(path)}; ${expected}`);
      continue;
    }
    const file = resolve(root, path.trim());
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) {
      problems.push(
        `${option} is ${JSON.stringify(path)}, but ${stat ? 'that is a folder' : 'there is no such file'}: looked for ${file}; ${expected}`,
      );
      continue;
    }
    components[name as ComponentName] = file;
  }
  return { components, problems };
}
