import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { entitySchema } from '../lib/content-schema.ts';
import { getSiteIndex, type SiteIndexOptions } from '../lib/site-index.ts';

/**
 * Feeds the registry's validated entities into Astro's content layer. The registry, not Astro, validates: it knows
 * the kind from the folder and checks what one file cannot (ids, aliases and references across files).
 */
export function entityLoader(options: SiteIndexOptions): Loader & { schema: typeof entitySchema } {
  const { contentRoot } = options;
  return {
    name: 'dossier-entities',
    schema: entitySchema,
    async load({ store, renderMarkdown, config }) {
      // The build's one registry: the rehype plugin that renders these descriptions uses the same index.
      const { entities } = getSiteIndex(options).content;
      store.clear();
      for (const entity of entities.values()) {
        const absolutePath = resolve(contentRoot, entity.file);
        store.set({
          id: entity.id,
          data: entity.data,
          body: entity.body,
          // Astro wants the path relative to the project, wherever DOSSIER_CONTENT points.
          filePath: relative(fileURLToPath(config.root), absolutePath),
          // The file's URL tells the linker whose description this is, so it never links an entity to itself.
          rendered: await renderMarkdown(entity.body, { fileURL: pathToFileURL(absolutePath) }),
        });
      }
    },
  };
}
