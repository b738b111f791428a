#!/usr/bin/env node
/**
 * `dossier <command>`: the command line of an installed Dossier.
 *
 *   dossier init <folder>     writes a new site into <folder> (never over a file that exists)
 *   dossier build             builds the site into dist/, keeping the last good one if the build fails
 *   dossier build --shard i/n builds shard i of n; dossier build --merge <folders…> joins the shards into dist/
 *   dossier ingest <files…>   brings articles in and drafts the entities they name (see the README)
 *
 * Plain JavaScript, so that `npx dossier init` runs on whatever Node runs npx. The other commands are Dossier's
 * TypeScript tools, which need Node 22.18 or newer (a new site brings Node 24 as a devDependency, as this package
 * does): they run with a hook that strips their types, which Node itself does not do under node_modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
const TOOLS = { build: 'src/cli/build.ts', ingest: 'src/cli/ingest.ts' };
const USAGE = `Usage: dossier init <folder> | dossier build [--shard i/n | --merge <shard folders…>] | dossier ingest <files or folders…> (dossier ${manifest.version})`;

const [command, ...args] = process.argv.slice(2);
if (command === 'init') init(args);
else if (command in TOOLS) runTool(TOOLS[command], args);
else
  fail(
    command && command !== '--help' ? `dossier has no command "${command}".\n${USAGE}` : USAGE,
    command && command !== '--help' ? 1 : 0,
  );

function fail(message, status = 1) {
  (status ? console.error : console.log)(message);
  process.exit(status);
}

/** Writes the starter into a folder, leaving every file that is already there as it is. */
function init([folder, ...rest]) {
  if (!folder || rest.length) fail(`dossier init takes one folder: the new site's.\n${USAGE}`);
  const target = resolve(folder);
  const name =
    basename(target)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'dossier-site';
  const title = basename(target)
    .replace(/[-_]+/g, ' ')
    .replace(/^\w/, (initial) => initial.toUpperCase());
  const values = {
    name,
    title,
    dossierVersion: `^${manifest.version}`,
    astroVersion: manifest.peerDependencies.astro,
    nodeVersion: manifest.devDependencies.node,
  };
  const starter = join(packageRoot, 'starter');
  const written = [];
  const kept = [];
  for (const file of filesUnder(starter)) {
    // npm leaves `.gitignore` out of a package, so the starter ships it without its dot.
    const destination = join(target, relative(starter, file).replace(/^gitignore$/, '.gitignore'));
    if (existsSync(destination)) {
      kept.push(relative(process.cwd(), destination));
      continue;
    }
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(
      destination,
      readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => values[key] ?? `{{${key}}}`),
      { flag: 'wx' },
    );
    written.push(relative(process.cwd(), destination));
  }
  console.log(`Wrote ${written.length} files into ${relative(process.cwd(), target) || '.'}:`);
  for (const file of written) console.log(`  ${file}`);
  if (kept.length)
    console.log(`Left ${kept.length} that exist already, unchanged:\n${kept.map((file) => `  ${file}`).join('\n')}`);
  console.log(
    `\nNext:\n  cd ${relative(process.cwd(), target) || '.'}\n  npm install && npm run build\n  npm run preview`,
  );
}

function filesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** Runs one of the TypeScript tools on a Node that can strip types, with the hook that lets it under node_modules. */
function runTool(tool, toolArgs) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 18)) {
    fail(
      `dossier ${command} needs Node 22.18 or newer, and this is Node ${process.versions.node}. A site made by \`dossier init\` brings Node 24: run it through npm (\`npm run ${command}\`).`,
    );
  }
  const hooks = join(packageRoot, 'bin', 'typescript-hooks.mjs');
  const result = spawnSync(
    process.execPath,
    [
      '--disable-warning=ExperimentalWarning',
      '--import',
      pathToFileURL(hooks).href,
      join(packageRoot, tool),
      ...toolArgs,
    ],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
