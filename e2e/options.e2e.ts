/**
 * The integration's options as a site uses them: a starter site written by `dossier init` in a temporary folder,
 * with `cards: false`, `search: false` and its own infobox (wrapping Dossier's) in its astro.config.mjs, built once
 * with `dossier build` and read in Chromium. Dossier is this repository packed with `npm pack` and unpacked into the
 * site's node_modules beside links to this repository's packages: installed as npm would, without the registry.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { brokenLinks, builtPages, serve } from './site.ts';

test.describe.configure({ mode: 'serial' });

const repository = process.cwd();
const scratch = mkdtempSync(join(tmpdir(), 'dossier-options-'));
const site = join(scratch, 'field-notes');
const dist = join(site, 'dist');

const CONFIG = `import { defineConfig } from 'astro/config';
import dossier from 'dossier';

export default defineConfig({
  integrations: [
    dossier({
      title: 'Field notes',
      site: 'https://notes.example',
      cards: false,
      search: false,
      components: { EntityInfobox: './src/components/DeskInfobox.astro' },
    }),
  ],
});
`;

// Dossier's own infobox, wrapped; the wavy underline is a class no file of Dossier's uses.
const INFOBOX = `---
import type { ComponentProps } from 'astro/types';
import Infobox from 'dossier/components/Infobox.astro';
type Props = ComponentProps<typeof Infobox>;
---
<div>
  <Infobox {...Astro.props} />
  <p class="mt-2 underline decoration-wavy" data-desk-note>Facts checked by the desk of {Astro.props.entity.data.name}</p>
</div>
`;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`);
  return output;
}

let served: { server: Server; url: string };
const ORIGINAL = 'https://notes.example/2026/01/harbor-labs/';

test.beforeAll(async () => {
  test.setTimeout(3 * 60_000);
  run('npm', ['pack', '--silent', '--pack-destination', scratch], repository);
  const tarball = join(
    scratch,
    readdirSync(scratch).find((file) => file.endsWith('.tgz'))!,
  );
  const installed = join(site, 'node_modules', 'dossier');
  mkdirSync(installed, { recursive: true });
  run('tar', ['xzf', tarball, '-C', installed, '--strip-components=1'], scratch);
  for (const entry of readdirSync(join(repository, 'node_modules')).filter((name) => !name.startsWith('.')))
    symlinkSync(join(repository, 'node_modules', entry), join(site, 'node_modules', entry));
  const dossierCommand = join(installed, 'bin', 'dossier.mjs');
  run(process.execPath, [dossierCommand, 'init', site], scratch);
  writeFileSync(join(site, 'astro.config.mjs'), CONFIG);
  // The example article as a writer's own post, republished: its front matter gives the original's address.
  const welcome = join(site, 'content/articles/welcome.md');
  writeFileSync(welcome, readFileSync(welcome, 'utf8').replace('source:\n', `source:\n  url: ${ORIGINAL}\n`));
  mkdirSync(join(site, 'src/components'), { recursive: true });
  writeFileSync(join(site, 'src/components/DeskInfobox.astro'), INFOBOX);
  run(process.execPath, [dossierCommand, 'build'], site);
  served = await serve(dist);
});

test.afterAll(() => {
  served?.server.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('a site’s own component takes the place of Dossier’s, wrapping it, with its own Tailwind classes', async ({
  page,
}) => {
  await page.goto(`${served.url}/people/mei-lin/`);
  const note = page.locator('[data-desk-note]');
  await expect(note).toHaveText('Facts checked by the desk of Mei Lin');
  await expect(note).toHaveCSS('text-decoration-style', 'wavy');
  // Dossier's infobox is still there, inside the site's.
  await expect(page.getByRole('complementary', { name: 'Facts' })).toContainText('Head of research at Harbor Labs');
});

test('without cards and search, nothing refers to either, and every link leads somewhere', async ({ page }) => {
  const pages = builtPages(dist);
  expect(pages.length).toBeGreaterThan(5);
  for (const [path, html] of pages) {
    expect(html, path).not.toMatch(/\/cards\/|og:image|twitter:image|\/search\/|pagefind\/|data-search-open/);
    expect(html, path).not.toContain('summary_large_image');
  }
  for (const folder of ['cards', 'search', 'pagefind']) expect(existsSync(join(dist, folder)), folder).toBe(false);
  expect(readdirSync(join(dist, '_astro')).filter((file) => /search/i.test(file))).toEqual([]);
  expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).not.toContain('search');
  expect(readFileSync(join(dist, '_headers'), 'utf8')).not.toContain('pagefind');
  expect(brokenLinks(pages)).toEqual([]);

  // In the browser: the preview falls back to a summary, and "/" opens nothing and fetches nothing.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${served.url}/articles/welcome/`);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  await page.keyboard.press('/');
  await expect(page.locator('dialog')).toHaveCount(0);
  expect(requests.filter((url) => /pagefind|search|cards/.test(url))).toEqual([]);
});

test('an article whose front matter gives its original links to it, and its tag leads to the tag’s page', async ({
  page,
}) => {
  await page.goto(`${served.url}/articles/welcome/`);
  const header = page.locator('main article > header');
  const original = header.getByRole('link', { name: 'Original' });
  await expect(original).toHaveAttribute('href', ORIGINAL);
  await expect(original).toHaveAttribute('rel', 'noopener noreferrer');
  // Author and date given: one line, and no note about the text to open.
  await expect(header.getByText(/^.+ · Your Name · 15 January 2026 · Original · 1 min read$/)).toBeVisible();
  await expect(header.getByText('About this text')).toHaveCount(0);
  await header.getByRole('link', { name: '#example' }).click();
  await expect(page).toHaveURL(`${served.url}/tags/example/`);
  await expect(page.getByRole('link', { name: 'Harbor Labs opens its harbour model' })).toBeVisible();
});
