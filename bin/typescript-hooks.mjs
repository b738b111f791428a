/**
 * Loaded with `node --import` by `dossier build` and `dossier ingest`: Node strips the types of TypeScript files,
 * but not of those under node_modules, where an installed Dossier is. This hook strips them there, for Dossier's
 * own files only.
 */
import { readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageRoot = new URL('../', import.meta.url).href;

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith(packageRoot) || !url.endsWith('.ts') || url.includes('/node_modules/', packageRoot.length))
      return nextLoad(url, context);
    return {
      format: 'module',
      source: stripTypeScriptTypes(readFileSync(fileURLToPath(url), 'utf8')),
      shortCircuit: true,
    };
  },
});
