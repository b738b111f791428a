/**
 * Dossier as a writer installs it: the package packed with `npm pack`, a new site written by `dossier init` in a
 * folder outside this repository, the tarball installed there, and the site built with its own `npm run build`,
 * once from the starter's content and once from a copy of the first corpus. Both are served on 127.0.0.1 and read
 * in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { brokenLinks, builtPages, serve } from './site.ts';

test.describe.configure({ mode: 'serial' });

const scratch = mkdtempSync(join(tmpdir(), 'dossier-package-'));
const site = join(scratch, 'field-notes');

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`);
  return output;
}

let starter: { server: Server; url: string };
let corpus: { server: Server; url: string };
let initOutput = '';

test.beforeAll(async () => {
  test.setTimeout(12 * 60_000);
  run('npm', ['pack', '--silent', '--pack-destination', scratch], process.cwd());
  const tarball = join(
    scratch,
    readdirSync(scratch).find((file) => file.endsWith('.tgz'))!,
  );
  // The packed `dossier` command, as `npx dossier init` runs it.
  run('tar', ['xzf', tarball, '-C', scratch], scratch);
  initOutput = run(process.execPath, [join(scratch, 'package', 'bin', 'dossier.mjs'), 'init', site], scratch);
  // From npm's cache where it has the packages (`npm ci` here just fetched them), from the registry where not: asking
  // the registry again about each of some 400 packages took longer than installing them.
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], site);
  run('npm', ['run', 'build'], site);
  cpSync('content', join(site, 'corpus'), { recursive: true });
  run('npm', ['run', 'build'], site, { DOSSIER_CONTENT: 'corpus', DOSSIER_OUT: 'dist-corpus' });
  starter = await serve(join(site, 'dist'));
  corpus = await serve(join(site, 'dist-corpus'));
});

test.afterAll(() => {
  starter?.server.close();
  corpus?.server.close();
  rmSync(scratch, { recursive: true, force: true });
});

test('dossier init writes a whole project, and a second run overwrites nothing', () => {
  for (const file of [
    'package.json',
    'astro.config.mjs',
    'src/content.config.ts',
    'content/articles/welcome.md',
    'README.md',
    '.gitignore',
  ])
    expect(existsSync(join(site, file)), file).toBe(true);
  expect(initOutput).toContain('npm install && npm run build');
  // An editor's change to a file the starter wrote survives running init again.
  const article = join(site, 'content/articles/welcome.md');
  writeFileSync(article, `${readFileSync(article, 'utf8')}\nAn editor's own paragraph.\n`);
  const again = run(process.execPath, [join(scratch, 'package', 'bin', 'dossier.mjs'), 'init', site], scratch);
  expect(again).toMatch(/Wrote 0 files[\s\S]*Left 8 that exist already, unchanged/);
  expect(readFileSync(article, 'utf8')).toContain("An editor's own paragraph.");
});

test('the starter site links its article to its entities, and the person’s page shows her words', async ({ page }) => {
  await page.goto(`${starter.url}/articles/welcome/`);
  await expect(page.locator('a.entity-link', { hasText: 'Harbor Labs' }).first()).toHaveAttribute(
    'href',
    '/organizations/harbor-labs/',
  );
  await page.locator('a.entity-link', { hasText: 'Mei Lin' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Mei Lin/);
  await expect(page.locator('main')).toContainText('We would rather be checked than trusted');
  expect(brokenLinks(builtPages(join(site, 'dist')))).toEqual([]);
});

test('the starter site’s search finds its entities in Chinese', async ({ page }) => {
  await page.goto(`${starter.url}/search/?q=${encodeURIComponent('港湾实验室')}`);
  await expect(page.locator('.search-result').first()).toContainText('Harbor Labs');
});

test('the first corpus, built from the installed package, has every page of this repository’s build', async ({
  page,
}) => {
  const pagesOf = (dist: string) => builtPages(dist).map(([path]) => path);
  expect(pagesOf(join(site, 'dist-corpus'))).toEqual(pagesOf('dist'));
  await page.goto(`${corpus.url}/people/robin-li/`);
  await expect(page.locator('main')).toContainText('Open source is a kind of IQ tax');
});
