import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { entitySchema } from '../lib/content-schema.ts';
import { loadContent } from '../lib/registry.ts';

/**
 * Feeds the registry's validated entities into Astro's content layer. The registry, not Astro, validates: it knows
 * the kind from the folder and checks what one file cannot (ids, aliases and references across files).
 */
export function entityLoader(contentRoot: string): Loader & { schema: typeof entitySchema } {
  return {
    name: 'dossier-entities',
    schema: entitySchema,
    async load({ store, renderMarkdown, config }) {
      const { entities } = loadContent(contentRoot);
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
