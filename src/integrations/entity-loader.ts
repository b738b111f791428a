import type { Loader } from 'astro/loaders';
import { entitySchema } from '../lib/content-schema.ts';
import { loadContent } from '../lib/registry.ts';

/**
 * Feeds the registry's validated entities into Astro's content layer. The registry, not Astro, validates: it knows
 * the kind from the folder and checks what one file cannot (ids, aliases and references across files).
 */
export function entityLoader(contentRoot: string): Loader {
  return {
    name: 'dossier-entities',
    schema: entitySchema,
    async load({ store, renderMarkdown }) {
      const { entities } = loadContent(contentRoot);
      store.clear();
      for (const entity of entities.values()) {
        store.set({
          id: entity.id,
          data: entity.data,
          body: entity.body,
          filePath: `${contentRoot}/${entity.file}`,
          rendered: await renderMarkdown(entity.body),
        });
      }
    },
  };
}
