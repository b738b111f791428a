/**
 * The build as an editor meets it, through a real `npm run build`: broken content stops it with its message and
 * loses nothing; odd but valid content builds correctly; two builds are identical; settings, the ledger and the
 * ingest reach the built site. What each kind of broken content says is checked without a build, on the same
 * fixtures (src/lib/index/bad-content.test.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { SHARD_MANIFEST, shardOf } from '../src/lib/build/shards.ts';
import { axeViolations, brokenLinks, builtPages, serve } from './site.ts';

const FIXTURES = 'src/lib/index/fixtures/bad-content';
// One build at a time: a second build in the project stops at once (src/lib/build/build-lock.ts).
test.describe.configure({ mode: 'default' });

/** A content folder: the small base, with the files of each case laid over it. */
function contentFolder(...cases: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-content-'));
  cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
  for (const name of cases) cpSync(join(FIXTURES, 'cases', name), dir, { recursive: true });
  return dir;
}

function build(content: string, out: string, env: Record<string, string> = {}, args: string[] = []) {
  const run = spawnSync(process.execPath, ['src/cli/build.ts', ...args], {
    env: { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT: out, ...env },
    encoding: 'utf8',
  });
  // Colour codes would only get between a test and the words it looks for.
  return { status: run.status, output: `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

/** `build`, started without waiting for it. */
function buildInBackground(
  content: string,
  out: string,
  env: Record<string, string> = {},
): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const run = spawn(process.execPath, ['src/cli/build.ts'], {
      env: { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT: out, ...env },
    });
    let output = '';
    run.stdout.on('data', (chunk) => (output += chunk));
    run.stderr.on('data', (chunk) => (output += chunk));
    run.on('close', (status) => done({ status, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

const outFolder = () => join(mkdtempSync(join(tmpdir(), 'dossier-out-')), 'site');

/** Every file of a folder with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/**
 * The small site with a name full of markup, an article with code trusted in its front matter, and the same article
 * unmarked, which builds only with DOSSIER_TRUST_CODE=1 (without it, it stops the build: bad-content.test.ts).
 */
function smallSite(): string {
  const content = contentFolder('script-in-name', 'article-with-code');
  const figures = readFileSync(join(content, 'articles/figures.mdx'), 'utf8');
  writeFileSync(
    join(content, 'articles/unmarked.mdx'),
    figures.replace('trusted: true\n', '').replace('title: The figures', 'title: The figures, unmarked'),
  );
  return content;
}
const TRUST_CODE = { DOSSIER_TRUST_CODE: '1' };

// One good site serves every test below that needs one: each build costs seconds, and they all build this content.
test.describe('a small site with a name full of markup and articles with code', () => {
  const content = smallSite();
  const site = outFolder();
  let built: Record<string, string> = {};
  test.beforeAll(() => {
    test.setTimeout(120_000);
    const result = build(content, site, TRUST_CODE);
    expect(result.status, result.output).toBe(0);
    built = snapshot(site);
  });

  test('a name with markup and quotes is shown as text, never run', () => {
    const html = readFileSync(join(site, 'organizations/evil-corp/index.html'), 'utf8');
    // Outside attribute values (where `<` is inert), no script element but the site's own modules and JSON-LD, and
    // the JSON-LD cannot be closed early by the text inside it.
    const markup = html.replace(/"[^"]*"/g, '""');
    expect(markup.match(/<script\b[^>]*>/g)?.every((tag) => tag.includes('src=') || tag === '<script type="">')).toBe(
      true,
    );
    expect(/<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)![1]).not.toContain('<');
    expect(markup).not.toContain('<script>alert');
    // Shown as the text it is: the name in the heading, the description's own markup as characters.
    const text = markup
      .replace(/<[^>]*>/g, '')
      .replace(
        /&(#x3C|lt|gt|quot|amp);/g,
        (_, e: string) => ({ '#x3C': '<', lt: '<', gt: '>', quot: '"', amp: '&' })[e]!,
      );
    expect(text).toContain('Evil <script>alert("pwned")</script> "Corp" & Co');
    expect(text).toContain('Evil Corp <script>alert(1)</script> is described here.');
  });

  test('a trusted article with code is compiled as MDX, and linked and indexed like any other', () => {
    expect(brokenLinks(builtPages(site))).toEqual([]);
    const html = readFileSync(join(site, 'articles/figures/index.html'), 'utf8');
    // The code ran; the article components and the links are there as in an article without code. What code writes
    // is not seen by the linker, so the paragraph's id is made of its other words.
    expect(html).toMatch(
      /<p id="p-in-deepseek-had-no-near"[^>]*>In 2024 <a href="\/organizations\/deepseek\/" class="entity-link"[^>]*>DeepSeek<\/a> had no near-term profit strategy, and <a href="\/people\/liang-wenfeng\/"[^>]*>Liang Wenfeng<\/a> said it <strong class="figure">42<\/strong> times\.<a href="#p-in-deepseek-had-no-near" class="permalink"/,
    );
    expect(html).toContain('<aside role="note" aria-label="From the newsletter"');
    // The entity page's passage lands on that paragraph.
    const deepseek = readFileSync(join(site, 'organizations/deepseek/index.html'), 'utf8');
    expect(deepseek).toContain('href="/articles/figures/#p-in-deepseek-had-no-near"');
    expect(readFileSync(join(site, 'rss.xml'), 'utf8')).toContain(
      'said it &lt;strong class=&quot;figure&quot;&gt;42&lt;/strong&gt; times.',
    );
  });

  test('DOSSIER_TRUST_CODE=1 trusts the code of every article, marked or not', () => {
    expect(readFileSync(join(site, 'articles/unmarked/index.html'), 'utf8')).toContain(
      '<strong class="figure">42</strong>',
    );
  });

  // One broken front matter, one broken MDX body: both stop the build the way every content error does.
  for (const [name, message] of [
    ['malformed-yaml', /entities\/organizations\/deepseek\.md:5: the YAML frontmatter is malformed/],
    ['unclosed-mdx-tag', /articles\/note\.mdx:9:1: the MDX does not parse: Expected a closing tag for `<Aside>`/],
  ] as const) {
    test(`bad content stops the build with its message and leaves the last good site exactly as it was: ${name}`, () => {
      const failed = build(contentFolder(name), site);
      expect(failed.status, failed.output).not.toBe(0);
      expect(failed.output).toMatch(/Dossier found (a problem|\d+ problems) in the content:/);
      expect(failed.output).toMatch(message);
      expect(failed.output).not.toMatch(/^\s+at /m);
      expect(failed.output).toContain(`The build failed. The last good site in ${site} is untouched.`);
      expect(snapshot(site)).toEqual(built);
    });
  }

  test('two builds of the same content are byte for byte identical', () => {
    test.setTimeout(120_000);
    const second = outFolder();
    expect(build(content, second, TRUST_CODE).status).toBe(0);
    expect(Object.keys(built).length).toBeGreaterThan(5);
    expect(snapshot(second)).toEqual(built);
    rmSync(second, { recursive: true, force: true });
  });

  test('two builds started at once: one builds, the other stops at once, and the output is one whole site', async () => {
    test.setTimeout(180_000);
    const other = smallSite();
    writeFileSync(
      join(other, 'articles/second.mdx'),
      '---\ntitle: Second\ndek: Only in the second content folder.\nsource: { publication: Example }\n---\n\nDeepSeek again.\n',
    );
    const out = outFolder();
    const runs = [
      buildInBackground(content, out, TRUST_CODE),
      new Promise((wait) => setTimeout(wait, 300)).then(() => buildInBackground(other, out, TRUST_CODE)),
    ];
    const [a, b] = await Promise.all(runs);
    expect(
      [a!.status, b!.status].filter((status) => status === 0),
      `${a!.output}\n${b!.output}`,
    ).toHaveLength(1);
    const [winner, loser] = a!.status === 0 ? [content, b!] : [other, a!];
    expect(loser.output).toMatch(
      /Another build \(pid \d+, started [^)]+\) is running in this project; only one build runs at a time/,
    );
    expect(loser.output).not.toMatch(/^\s+at /m);
    // The output is exactly what the winner's content builds on its own: nothing of the other, nothing missing.
    let alone = built;
    if (winner === other) {
      const folder = outFolder();
      expect(build(other, folder, TRUST_CODE).status).toBe(0);
      alone = snapshot(folder);
    }
    expect(snapshot(out)).toEqual(alone);
    expect(existsSync(`${out}.staging`) || existsSync(`${out}.previous`)).toBe(false);
  });
});

test('a 5 MB article builds, whole', () => {
  test.setTimeout(180_000);
  const content = contentFolder();
  const paragraph =
    'DeepSeek, on the other hand, has no near-term profit strategy, and Liang Wenfeng 梁文锋 says so at length.';
  const sections: string[] = [];
  for (let part = 1; sections.join('').length < 5 * 1024 * 1024; part++) {
    sections.push(
      `## Part ${part}\n\n${Array.from({ length: 40 }, (_, i) => `${paragraph} (${part}.${i})`).join('\n\n')}\n\n`,
    );
  }
  const last = `The very last paragraph, number ${sections.length}.`;
  writeFileSync(
    join(content, 'articles/long.mdx'),
    `---\ntitle: A long article\ndek: Five megabytes.\nsource: { publication: Example }\n---\n\n${sections.join('')}${last}\n`,
  );
  const out = outFolder();
  const result = build(content, out);
  expect(result.status, result.output).toBe(0);
  const html = readFileSync(join(out, 'articles/long/index.html'), 'utf8');
  expect(html).toContain(last);
  expect(html).toContain('class="entity-link"');
  // The feed carries its opening, whole paragraphs, and a link to the rest: a reader fetches the feed at once.
  const feed = readFileSync(join(out, 'rss.xml'), 'utf8');
  expect(feed.length).toBeLessThan(1024 * 1024);
  expect(feed).toContain('(1.0)');
  expect(feed).not.toContain(last);
  expect(feed).toContain(
    '&lt;a href=&quot;https://dossier.example/articles/long/&quot;&gt;The article continues on the site.',
  );
});

test('a bad setting stops the build with one line naming the variable', () => {
  const run = spawnSync(process.execPath, ['src/cli/build.ts'], {
    env: { ...process.env, DOSSIER_OUT: outFolder(), DOSSIER_SITE: 'not a url' },
    encoding: 'utf8',
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain(
    'DOSSIER_SITE is "not a url"; expected the public address of the site, an http(s) URL like https://example.org',
  );
  expect(run.stderr).not.toMatch(/^\s+at /m);
});

test('links to paragraphs survive edits, insertions and deletions', () => {
  test.setTimeout(120_000);
  const content = contentFolder();
  const article = (paragraphs: string[]) =>
    `---\ntitle: Edits\ndek: A page that changes.\nsource: { publication: Example }\n---\n\n${paragraphs.join('\n\n')}\n`;
  const v1 = [
    'DeepSeek released its first models in the autumn of that year.',
    'The company says it has no plan to make money soon, and investors seem relaxed about it.',
    'A paragraph that the editor will delete entirely in the next version.',
    'Liang Wenfeng gave two long interviews about talent and curiosity.',
  ];
  writeFileSync(join(content, 'articles/edits.mdx'), article(v1));
  const out = outFolder();
  expect(build(content, out).status).toBe(0);
  const idsOf = (html: string) => [...html.matchAll(/<p id="([^"]+)"/g)].map((m) => m[1]!);
  const published = idsOf(readFileSync(join(out, 'articles/edits/index.html'), 'utf8'));
  expect(published).toHaveLength(4);
  expect(existsSync(join(content, 'ledger.json'))).toBe(true);

  // v2: a paragraph inserted on top, the second one reworded, the third deleted.
  const v2 = [
    'A new opening paragraph, added above everything else.',
    v1[0]!,
    'Investors seem relaxed about it, and the company says it has no plan to make money soon.',
    v1[3]!,
  ];
  writeFileSync(join(content, 'articles/edits.mdx'), article(v2));
  const rebuilt = build(content, out);
  expect(rebuilt.status, rebuilt.output).toBe(0);
  const html = readFileSync(join(out, 'articles/edits/index.html'), 'utf8');
  // Every id published before still exists, on the block it belongs to now.
  const holder = (id: string) => {
    const at = html.indexOf(`id="${id}"`);
    const start = html.lastIndexOf('<p id="', at);
    return /<p id="([^"]+)"/.exec(html.slice(start))![1];
  };
  const [first, reworded, deleted, last] = published as [string, string, string, string];
  expect(holder(first)).toBe(first);
  expect(holder(last)).toBe(last);
  expect(holder(reworded)).toMatch(/^p-investors-seem-relaxed/);
  expect(holder(reworded)).not.toBe(reworded);
  expect(holder(deleted)).toBe(holder(reworded));
  expect(rebuilt.output).toMatch(
    new RegExp(`Ledger: /articles/edits/#${reworded} now lands on #\\S+ \\(the same paragraph, edited\\)`),
  );
  expect(rebuilt.output).toMatch(
    new RegExp(`Ledger: /articles/edits/#${deleted} now lands on #\\S+ \\(removed; the nearest paragraph\\)`),
  );
  // The ledger only grows.
  const ledger = JSON.parse(readFileSync(join(content, 'ledger.json'), 'utf8'))['/articles/edits/'].map(
    (e: { id: string }) => e.id,
  );
  for (const id of published) expect(ledger).toContain(id);
});

test('the site builds for a sub-path, with every link and anchor intact', () => {
  test.setTimeout(120_000);
  const out = outFolder();
  const run = spawnSync(process.execPath, ['src/cli/build.ts'], {
    // Written without its slashes, as it is easily meant: still the sub-path /kb/.
    env: { ...process.env, DOSSIER_OUT: out, DOSSIER_BASE: 'kb', DOSSIER_SITE: 'https://example.org' },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const pages = builtPages(out, '/kb/');
  expect(pages.length).toBeGreaterThan(70);
  expect(brokenLinks(pages)).toEqual([]);
  const article = readFileSync(join(out, 'articles/deepseek-and-open-source/index.html'), 'utf8');
  expect(article).toContain('<link rel="canonical" href="https://example.org/kb/articles/deepseek-and-open-source/">');
  expect(article).toContain('href="/kb/organizations/deepseek/"');
  expect(article).toContain('content="https://example.org/kb/cards/articles/deepseek-and-open-source.png"');
  // Its tags lead to their pages under the sub-path, which list it.
  expect(article).toContain('href="/kb/tags/open-source/"');
  expect(readFileSync(join(out, 'tags/open-source/index.html'), 'utf8')).toContain(
    'href="/kb/articles/deepseek-and-open-source/"',
  );
  expect(readFileSync(join(out, 'tags/index.html'), 'utf8')).toContain('href="/kb/tags/ai-policy/"');
});

test('a newsletter ingested into an empty content folder, with its suggestions accepted, builds a linked site', () => {
  const content = join(mkdtempSync(join(tmpdir(), 'dossier-ingest-')), 'content');
  const ingest = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['src/cli/ingest.ts', ...args, '--content', content], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  };
  const seed = [
    'e2e/fixtures/chinatalk-deepseek-open-source.txt',
    '--title',
    'DeepSeek, Open Source, and the Chinese State',
  ];
  const article = join(content, 'articles', 'deepseek-open-source-and-the-chinese-state.mdx');

  const first = ingest(...seed);
  expect(first.status, first.output).toBe(0);
  expect(first.output).toMatch(/Unsure: check these:[\s\S]*footnote marker 3/);
  expect(first.output).toMatch(/suggested entities, drafted in/);

  // An editor's file is never overwritten unless asked.
  writeFileSync(article, `${readFileSync(article, 'utf8')}\nAn editor’s line.\n`);
  const again = ingest(...seed);
  expect(again.status).toBe(1);
  expect(again.output).toContain('already exists: ingest never overwrites an article. Pass --force to replace it');
  expect(readFileSync(article, 'utf8')).toContain('An editor’s line.');

  // Drafts still holding their placeholders are refused; taken as they are only when the editor says so.
  const refused = ingest('--accept-all');
  expect(refused.status).toBe(1);
  expect(refused.output).toMatch(
    /still a draft: the summary is still “Named in “DeepSeek, Open Source, and the Chinese State”\.”; there is no description\. Write them, or pass --force/,
  );
  const accepted = ingest('--accept-all', '--force', '--yes');
  expect(accepted.status, accepted.output).toBe(0);
  expect(accepted.output).toMatch(
    /Accepting changes \d+ mentions in the published articles:[\s\S]*\+ robin-li: \d+ mentions/,
  );
  const forced = ingest(...seed, '--force');
  expect(forced.status, forced.output).toBe(0);
  expect(forced.output).not.toContain('suggested entities'); // every name now has its entity
  expect(readFileSync(article, 'utf8')).not.toContain('An editor’s line.');

  const out = outFolder();
  const result = build(content, out);
  expect(result.status, result.output).toBe(0);
  expect(brokenLinks(builtPages(out))).toEqual([]);
  const html = readFileSync(join(out, 'articles', 'deepseek-open-source-and-the-chinese-state', 'index.html'), 'utf8');
  for (const entity of ['organizations/deepseek', 'people/robin-li', 'concepts/iq-tax', 'people/liang-wenfeng'])
    expect(html).toContain(`href="/${entity}/"`);
  const deepseek = readFileSync(join(out, 'organizations', 'deepseek', 'index.html'), 'utf8');
  expect(deepseek).toContain('has no near-term profit strategy');
});

test('an archive of three sources ingests in one run, and accepting shows every link it adds to the published site', () => {
  const content = join(mkdtempSync(join(tmpdir(), 'dossier-archive-')), 'content');
  cpSync('content', content, { recursive: true });
  const ingest = (...args: string[]) => {
    const run = spawnSync(process.execPath, ['src/cli/ingest.ts', ...args, '--content', content], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  };
  const first = ingest('e2e/fixtures/archive', '--publication', 'Lab Notes');
  expect(first.status, first.output).toBe(0);
  expect(first.output).toMatch(/articles written +3\n +skipped \(already ingested\) +0\n +refused +0/);
  // One draft per entity across the archive, ranked by how many articles name it.
  expect(first.output).toMatch(/ +3 +organization +moonshot-ai +Moonshot AI · 月之暗面/);
  expect(readdirSync(join(content, '..', 'review', 'organizations'))).toContain('moonshot-ai.md');
  const again = ingest('e2e/fixtures/archive', '--publication', 'Lab Notes');
  expect(again.output).toMatch(/articles written +0\n +skipped \(already ingested\) +3/);

  // A draft as drafted is refused; reviewed, it is accepted only once the editor has seen what it changes.
  const draft = join(content, '..', 'review', 'organizations', 'moonshot-ai.md');
  expect(ingest('--accept', 'moonshot-ai').output).toContain(
    'still a draft: the summary is still “Named in “A field report from Beijing” and 2 other articles.”',
  );
  writeFileSync(
    draft,
    readFileSync(draft, 'utf8')
      .replace(/^summary: .*$/m, 'summary: A Beijing AI lab that releases its Kimi models as open weights.')
      .replace(/-->\n*$/, '-->\n\nThe lab behind Kimi K2.\n'),
  );
  const unasked = ingest('--accept', 'moonshot-ai');
  expect(unasked.status).toBe(1);
  expect(unasked.output).toContain('pass --yes to accept them without asking');
  expect(existsSync(join(content, 'entities', 'organizations', 'moonshot-ai.md'))).toBe(false);

  // A common word is never accepted as a name: "AI" would be found all over the published article.
  mkdirSync(join(content, '..', 'review', 'concepts'), { recursive: true });
  writeFileSync(
    join(content, '..', 'review', 'concepts', 'artificial-intelligence.md'),
    '---\nname: Artificial intelligence\nsummary: Machines that learn.\naliases:\n  - AI\n---\n\n<!-- review\nFound in the-lab-that-ships-on-fridays as a capitalised name.\n-->\n\nMachines that learn.\n',
  );
  const common = ingest('--accept', 'artificial-intelligence', '--yes');
  expect(common.status).toBe(1);
  expect(common.output).toMatch(
    /artificial-intelligence: the alias “AI” would be found in \d+ of \d+ paragraphs of the other articles: a common word, not a name/,
  );

  // An entity the published article names too: its links there are what the report must show.
  writeFileSync(
    join(content, '..', 'review', 'concepts', 'chip-industry.md'),
    '---\nname: chip industry\nsummary: The industry that designs and makes chips.\n---\n\n<!-- review\nFound in the-weekly-on-open-weights as a recurring term.\n-->\n\nThe industry that designs and makes chips.\n',
  );
  const accepted = ingest('--accept', 'moonshot-ai', 'chip-industry', '--yes');
  expect(accepted.status, accepted.output).toBe(0);
  const report = accepted.output;
  expect(report).toMatch(/\+ moonshot-ai: \d+ mentions/);
  expect(report).toMatch(
    /\+ chip-industry: \d+ mentions \(\d+ linked\)\n  deepseek-and-open-source#p-[\w-]+  “chip industry”: /,
  );

  // The curated article gains exactly the links the report showed, and nothing else.
  const out = outFolder();
  const result = build(content, out);
  expect(result.status, result.output).toBe(0);
  const links = (html: string) =>
    new Set(
      [...html.matchAll(/href="\/(?:organizations|people|policies|concepts|products|places)\/([^/"]+)\/"/g)].map(
        (match) => match[1]!,
      ),
    );
  const curated = 'articles/deepseek-and-open-source/index.html';
  const before = links(readFileSync(join('dist', curated), 'utf8'));
  const after = links(readFileSync(join(out, curated), 'utf8'));
  expect([...after].filter((id) => !before.has(id))).toContain('chip-industry');
  for (const id of [...after].filter((id) => !before.has(id)))
    expect(report, `a link to ${id} the report did not show`).toMatch(
      new RegExp(`\\+ ${id}: .*\\n  deepseek-and-open-source#`),
    );

  // The HTML page's navigation, sidebar and footer never reach the article.
  const page = readFileSync(join(out, 'articles', 'the-lab-that-ships-on-fridays', 'index.html'), 'utf8');
  const body = page.slice(page.indexOf('<article'), page.indexOf('</article>'));
  for (const chrome of [
    'Skip to content',
    'All writing',
    'Related posts',
    'A post about chips',
    'View source',
    'Privacy',
  ])
    expect(body).not.toContain(chrome);
  expect(body).toContain('releases its models on Fridays');

  // A newsletter's text that reads like code stays text: on the page as written, and never run.
  const weekly = readFileSync(join(out, 'articles', 'the-weekly-on-open-weights', 'index.html'), 'utf8');
  expect(weekly).toContain('export const answer = require("fs").writeFileSync("owned.txt", "42");');
  expect(weekly).toContain('{answer} and all');
  expect(existsSync('owned.txt')).toBe(false);
});

/**
 * A site with kinds of its own, from the integration's `kinds` option (e2e/fixtures/own-kinds/astro.config.mjs):
 * events beside the built-in kinds, people called speakers, places left out. Built once, here among the other
 * builds of this project, which run one at a time.
 */
test.describe('a site with kinds of its own', () => {
  const OWN_KINDS = 'e2e/fixtures/own-kinds';
  const ownKindsOutput = join(mkdtempSync(join(tmpdir(), 'dossier-own-kinds-')), 'site');
  let ownKindsSite: { server: Server; url: string };

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // A copy of the content, so the build's ledger lands there and not in the fixture.
    const content = mkdtempSync(join(tmpdir(), 'dossier-own-kinds-content-'));
    cpSync(join(OWN_KINDS, 'content'), content, { recursive: true });
    const args = ['src/cli/build.ts', '--config', `${OWN_KINDS}/astro.config.mjs`];
    const env = { ...process.env, DOSSIER_CONTENT: content, DOSSIER_OUT: ownKindsOutput };
    const build = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    ownKindsSite = await serve(ownKindsOutput);
  });

  test.afterAll(() => ownKindsSite?.server.close());

  // Chromium keeps drawing unmarked Han in an SVG label as empty boxes after the site's face has arrived: the
  // graph marks it with its script. A Chinese face draws each character a full em wide; the boxes are narrower.
  test('an entity named in Chinese is drawn in the graph and its neighbourhood by the site’s face', async ({
    page,
  }) => {
    for (const path of ['/graph/', '/people/lin-mei/']) {
      await page.goto(`${ownKindsSite.url}${path}`);
      const label = page.locator('.graph:visible svg text', { hasText: '林梅' }).first();
      await label.scrollIntoViewIfNeeded();
      const loaded = await label.evaluate(async (text) => {
        await document.fonts.ready;
        return document.fonts.check('12px "Dossier Han"', text.textContent!);
      });
      expect(loaded, `${path}: the face for 林梅 has arrived`).toBe(true);
      const advances = await label.evaluate((text: SVGTextElement) => {
        const size = parseFloat(getComputedStyle(text).fontSize);
        return [...text.textContent!].flatMap((char, i) =>
          /\p{Script=Han}/u.test(char) ? [Math.round((text.getExtentOfChar(i).width / size) * 100) / 100] : [],
        );
      });
      expect(advances, `${path}: the width of 林 and 梅, in ems`).toEqual([1, 1]);
    }
  });

  test('an entity of the site’s own kind has its page, its fields in the infobox, its colour and its type', async ({
    page,
  }) => {
    await page.goto(`${ownKindsSite.url}/events/northern-fair/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northern Fair');
    const facts = page.getByRole('complementary', { name: 'Facts' });
    await expect(facts.locator('dt')).toHaveText(['Venue', 'Start year', 'Organised by', 'Programme']);
    await expect(facts.locator('dd')).toHaveText(['Harbour Hall', '2025', 'Guild of Makers', 'fair.example/programme']);
    await expect(facts.getByRole('link', { name: 'Guild of Makers' })).toHaveAttribute(
      'href',
      '/organizations/guild-of-makers/',
    );
    await expect(facts.getByRole('link', { name: 'fair.example/programme' })).toHaveAttribute(
      'href',
      'https://fair.example/programme',
    );
    // The kind's own colour, from the option, on its badge.
    await expect(page.locator('.kind-badge').first()).toHaveCSS('color', 'rgb(107, 90, 0)');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd['@type']).toBe('Event');
    // The passage that names it, from the article.
    await expect(page.locator('#in-the-articles ~ * mark', { hasText: 'Northern Fair' }).first()).toBeVisible();
  });

  test('the article links its mentions to the site’s own kinds, and the navigation lists them', async ({ page }) => {
    await page.goto(`${ownKindsSite.url}/articles/fair-report/`);
    const article = page.locator('.article-body');
    await expect(article.getByRole('link', { name: 'Northern Fair' })).toHaveAttribute(
      'href',
      '/events/northern-fair/',
    );
    await expect(article.getByRole('link', { name: 'Ada Quill' })).toHaveAttribute('href', '/people/ada-quill/');
    // Its front matter gives the address of the original: the byline links to it, as a link out of the site.
    const original = page.locator('main article > header').getByRole('link', { name: 'Original' });
    await expect(original).toHaveAttribute('href', 'https://news.example/2025/05/a-week-at-the-fair');
    await expect(original).toHaveAttribute('rel', 'noopener noreferrer');
    const nav = page.getByRole('navigation').first();
    await expect(nav.getByRole('link', { name: 'Events' })).toHaveAttribute('href', '/events/');
    await expect(nav.getByRole('link', { name: 'Speakers' })).toHaveAttribute('href', '/people/');
    await expect(nav.getByRole('link', { name: 'Places' })).toHaveCount(0);

    await page.goto(`${ownKindsSite.url}/events/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
    await expect(page.getByRole('main').getByRole('link', { name: 'Northern Fair' })).toBeVisible();
  });

  test('a kind the site leaves out has no pages, and no page links anywhere it cannot reach', async ({ request }) => {
    expect((await request.get(`${ownKindsSite.url}/places/`)).status()).toBe(404);
    expect(brokenLinks(builtPages(ownKindsOutput))).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the pages of the site’s own kinds meet WCAG 2.2 AA (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      for (const path of ['/events/northern-fair/', '/events/', '/articles/fair-report/', '/graph/']) {
        await page.goto(`${ownKindsSite.url}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
      }
    });
  }
});

test.describe('a site built in two shards and merged', () => {
  // Words found in one article each, so that a search for one can only be answered by that article's shard.
  const WORDS = ['amberwick', 'bristlecone', 'cindervale', 'duskmoor', 'emberlyn', 'fernhollow', 'glimmerfen'];
  const content = contentFolder();
  WORDS.forEach((word, n) =>
    writeFileSync(
      join(content, `articles/field-note-${n + 1}.mdx`),
      `---\ntitle: Field note ${n + 1}\ndek: A note of its own.\ndate: 2025-03-0${n + 1}\nsource: { publication: Example }\n---\n\nDeepSeek wrote of ${word} in this note only.\n`,
    ),
  );
  // Which article each shard writes follows from its address alone; one of each shard is searched for.
  const inShard = (shard: number) =>
    WORDS.map((word, n) => ({
      word,
      page: `articles/field-note-${n + 1}/index.html`,
      title: `Field note ${n + 1}`,
    })).find(({ page }) => shardOf(`/${page.replace(/index\.html$/, '')}`, 2) === shard)!;
  const folders = { one: outFolder(), two: outFolder(), whole: outFolder(), merged: outFolder() };
  let merged: { server: Server; url: string };
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    for (const [folder, args] of [
      [folders.one, ['--shard', '1/2']],
      [folders.two, ['--shard=2/2']],
      [folders.whole, []],
      [folders.merged, ['--merge', folders.one, folders.two]],
    ] as const) {
      const result = build(content, folder, {}, [...args]);
      expect(result.status, result.output).toBe(0);
    }
    merged = await serve(folders.merged);
  });
  test.afterAll(() => merged?.server.close());

  test('each shard writes its own pages and search index, and the merged site has every page of a whole build', () => {
    const [one, two] = [inShard(1), inShard(2)];
    expect(existsSync(join(folders.one, one.page)) && !existsSync(join(folders.two, one.page))).toBe(true);
    expect(existsSync(join(folders.two, two.page)) && !existsSync(join(folders.one, two.page))).toBe(true);
    expect(existsSync(join(folders.one, 'pagefind/shard-1/pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(folders.two, 'pagefind/shard-2/pagefind-entry.json'))).toBe(true);
    // Every file of the whole build but its search index and sitemap (kept per shard), and its scripts (which name
    // the shards' indexes, so their hashed names differ) is in the merged site.
    const kept = (folder: string) =>
      Object.keys(snapshot(folder)).filter((file) => !/^(pagefind\/|sitemap-|_astro\/.*\.js$)/.test(file));
    const whole = kept(folders.whole);
    expect(whole.filter((file) => file.endsWith('.png')).length).toBeGreaterThan(5);
    expect(kept(folders.merged).sort()).toEqual(whole.sort());
    expect(existsSync(join(folders.merged, SHARD_MANIFEST))).toBe(false);
    const urls = (xml: string) => (xml.match(/<loc>[^<]*<\/loc>/g) ?? []).sort();
    const shardSitemaps = ['sitemap-shard-1-0.xml', 'sitemap-shard-2-0.xml'].map((file) =>
      readFileSync(join(folders.merged, file), 'utf8'),
    );
    expect(urls(shardSitemaps.join(''))).toEqual(urls(readFileSync(join(folders.whole, 'sitemap-0.xml'), 'utf8')));
    expect(urls(readFileSync(join(folders.merged, 'sitemap-index.xml'), 'utf8'))).toEqual([
      '<loc>https://dossier.example/sitemap-shard-1-0.xml</loc>',
      '<loc>https://dossier.example/sitemap-shard-2-0.xml</loc>',
    ]);
  });

  test('search in the merged site finds the words of either shard, first', async ({ page }) => {
    for (const { word, title } of [inShard(1), inShard(2)]) {
      await page.goto(`${merged.url}/search/?q=${word}`);
      // The other shard's index, which lacks the word, answers with what Pagefind finds for its first letters; those
      // come after, ranked far lower (see the README's scaling section).
      await expect(page.locator('#search-results .search-result > p:first-child a').first()).toHaveText(title);
    }
  });

  test('a failed shard build or merge leaves the last good output as it was', () => {
    const [shardBefore, mergedBefore] = [snapshot(folders.one), snapshot(folders.merged)];
    const broken = build(contentFolder('malformed-yaml'), folders.one, {}, ['--shard', '1/2']);
    expect(broken.status).not.toBe(0);
    expect(broken.output).toContain(`The build failed. The last good site in ${folders.one} is untouched.`);
    const incomplete = build(content, folders.merged, {}, ['--merge', folders.one]);
    expect(incomplete.status).not.toBe(0);
    expect(incomplete.output).toContain(
      `The shards cannot be merged:\n  - shard 2/2 is missing\nThe last good site in ${folders.merged} is untouched.`,
    );
    expect(incomplete.output).not.toMatch(/^\s+at /m);
    expect([snapshot(folders.one), snapshot(folders.merged)]).toEqual([shardBefore, mergedBefore]);
  });
});
