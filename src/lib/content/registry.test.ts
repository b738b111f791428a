import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf } from './content-errors.ts';
import {
  articleOf,
  entityOf,
  knownEntityId,
  loadContent,
  parseContent,
  surfaceForms,
  type ContentFile,
} from './registry.ts';

const encoder = new TextEncoder();
const file = (path: string, text: string): ContentFile => ({ path, bytes: encoder.encode(text) });
const entity = (path: string, frontmatter: string, body = 'A description.') =>
  file(`entities/${path}`, `---\n${frontmatter.trim()}\n---\n${body}\n`);

const deepseek = entity(
  'organizations/deepseek.md',
  `
name: DeepSeek
summary: A Chinese AI lab.
aliases: [深度求索]
orgType: company
founders: [liang-wenfeng]
`,
);
const liang = entity(
  'people/liang-wenfeng.md',
  `
name: Liang Wenfeng
summary: Founder of DeepSeek.
native: { name: 梁文锋, script: zh-Hans }
weakAliases: [Liang]
roles: [CEO of DeepSeek]
related: [deepseek]
`,
);
const article = file(
  'articles/deepseek.mdx',
  `---
title: DeepSeek
dek: A piece.
source: { publication: ChinaTalk }
entities: [liang-wenfeng]
---
Body.
`,
);

/** The problems a set of files produces, as the editor reads them. */
const problemsIn = (...files: ContentFile[]) => problemsOf(() => parseContent(files));

describe('the registry', () => {
  it('reads entities with their kind from the folder and their id from the file name', () => {
    const { entities, articles } = parseContent([deepseek, liang, article]);
    expect([...entities.keys()]).toEqual(['deepseek', 'liang-wenfeng']);
    expect(entities.get('liang-wenfeng')).toMatchObject({ kind: 'person', body: 'A description.\n', bodyLine: 9 });
    expect(articles.map((a) => a.slug)).toEqual(['deepseek']);
  });

  it('gathers every surface form: name, native name and aliases strong, weak aliases weak', () => {
    const { entities } = parseContent([deepseek, liang]);
    expect(surfaceForms(entities.get('liang-wenfeng')!.data)).toEqual([
      { text: 'Liang Wenfeng', ignoreCase: false, weak: false, shared: false },
      { text: '梁文锋', ignoreCase: false, weak: false, shared: false },
      { text: 'Liang', ignoreCase: false, weak: true, shared: false },
    ]);
  });

  it('reads a place and its country, and takes an organization’s country as text, not as an id', () => {
    const china = entity('places/china.md', 'name: China\nsummary: A country.\naliases: [中国]\nplaceType: country');
    const beijing = entity(
      'places/beijing.md',
      'name: Beijing\nsummary: Its capital.\nplaceType: city\ncountry: china',
    );
    const company = entity(
      'organizations/baidu.md',
      'name: Baidu\nsummary: A company.\norgType: company\ncountry: China',
    );
    const { entities } = parseContent([china, beijing, company]);
    expect(entities.get('beijing')).toMatchObject({ kind: 'place', data: { placeType: 'city', country: 'china' } });
    expect(entities.get('baidu')?.data).toMatchObject({ country: 'China' });
  });

  it('validates the real content folder', () => {
    const { entities, articles } = loadContent('content');
    expect(entities.size).toBeGreaterThanOrEqual(60);
    expect(articles.map((a) => a.slug)).toContain('deepseek-and-open-source');
  });
});

describe('bad content stops the build with a message naming file, field and expectation', () => {
  it.each([
    [
      'malformed YAML',
      [entity('organizations/deepseek.md', 'name: DeepSeek\nsummary: [unclosed\norgType: company')],
      /^content\/entities\/organizations\/deepseek\.md:\d+: the YAML frontmatter is malformed/,
    ],
    [
      'a missing name',
      [entity('concepts/open-source.md', 'summary: Sharing code.')],
      'content/entities/concepts/open-source.md: field "name": is required (expected name as text)',
    ],
    [
      'a wrong type',
      [entity('policies/plan.md', 'name: Plan\nsummary: A plan.\npolicyType: five-year-plan\nyear: twenty-twenty')],
      'content/entities/policies/plan.md: field "year": expected number, got string "twenty-twenty"',
    ],
    [
      'a value outside its list',
      [entity('organizations/x.md', 'name: X\nsummary: S.\norgType: startup')],
      /field "orgType": expected one of "company", "investment-fund", .*, got string "startup"/,
    ],
    [
      'a misspelt field',
      [entity('concepts/x.md', 'name: X\nsummary: S.\nalias: [X]')],
      'content/entities/concepts/x.md: field "alias": is not a field of this kind; check its spelling, the fields are name, summary, aliases, weakAliases, native, related, events, outsideFacts, field',
    ],
    [
      'an entity in an unknown kind folder',
      [entity('companies/deepseek.md', 'name: DeepSeek\nsummary: S.')],
      /^content\/entities\/companies\/deepseek\.md: is not in an entity kind folder; expected content\/entities\/<kind>\/<id>\.md with <kind> one of organizations, people, policies, concepts, products, places$/,
    ],
    [
      'the same alias claimed by two entities',
      [
        deepseek,
        liang,
        entity(
          'products/deepseek-app.md',
          'name: DeepSeek App\nsummary: S.\naliases: [深度求索]\nproductType: chatbot',
        ),
      ],
      /^content\/entities\/products\/deepseek-app\.md: field "aliases": claims "深度求索", which is already an alias of "deepseek" \(entities\/organizations\/deepseek\.md\)/,
    ],
    [
      'a strong alias that is another entity’s weak alias',
      [
        deepseek,
        liang,
        entity('people/liang-qichao.md', 'name: Liang Qichao\nsummary: S.\naliases: [Liang]\nroles: [Writer]'),
      ],
      /liang-qichao\.md: field "aliases": claims "Liang", which is a weak alias of "liang-wenfeng"/,
    ],
    [
      'a related id that does not exist, with the likely intent',
      [
        liang,
        entity('organizations/deepseek.md', 'name: DeepSeek\nsummary: S.\norgType: company\nrelated: [liang-wenfen]'),
      ],
      'content/entities/organizations/deepseek.md: field "related.0": names "liang-wenfen", which is no entity; expected the id (file name) of a file in content/entities/, like "liang-wenfeng"',
    ],
    [
      'a place in a country that is no entity, with the likely intent',
      [
        entity('places/china.md', 'name: China\nsummary: S.\nplaceType: country'),
        entity('places/beijing.md', 'name: Beijing\nsummary: S.\nplaceType: city\ncountry: chna'),
      ],
      'content/entities/places/beijing.md: field "country": names "chna", which is no entity; expected the id (file name) of a file in content/entities/, like "china"',
    ],
    [
      'a one-letter alias',
      [entity('concepts/x.md', 'name: Xylophone\nsummary: S.\naliases: [X]')],
      'content/entities/concepts/x.md: field "aliases": has the alias "X"; expected at least two characters, a one-letter alias would match everywhere',
    ],
    [
      'an empty alias',
      [entity('concepts/x.md', 'name: X-ray\nsummary: S.\naliases: [""]')],
      'content/entities/concepts/x.md: field "aliases.0": expected a non-empty alias',
    ],
    [
      'the same id in two kinds',
      [deepseek, liang, entity('products/deepseek.md', 'name: DeepSeek Chat\nsummary: S.\nproductType: chatbot')],
      /products\/deepseek\.md: uses the id "deepseek", already taken by content\/entities\/organizations\/deepseek\.md/,
    ],
    [
      'an article naming an unknown entity',
      [
        deepseek,
        liang,
        file('articles/a.mdx', '---\ntitle: T\ndek: D\nsource: { publication: P }\nentities: [jordan]\n---\n'),
      ],
      /^content\/articles\/a\.mdx: field "entities\.0": names "jordan", which is no entity/,
    ],
    [
      'an article with an invalid date',
      [file('articles/a.mdx', '---\ntitle: T\ndek: D\ndate: "early 2025"\nsource: { publication: P }\n---\n')],
      'content/articles/a.mdx: field "date": expected a date written YYYY-MM-DD, like 2025-02-03, got string "early 2025"',
    ],
    [
      'an article dated on a day the calendar does not have, unquoted',
      [file('articles/a.mdx', '---\ntitle: T\ndek: D\ndate: 2025-02-30\nsource: { publication: P }\n---\n')],
      'content/articles/a.mdx: field "date": expected a date written YYYY-MM-DD, like 2025-02-03, got string "2025-02-30"',
    ],
    [
      'an event dated on a day the calendar does not have, unquoted',
      [
        deepseek,
        liang,
        article,
        entity(
          'concepts/x.md',
          'name: X-ray\nsummary: S.\nevents:\n  - { date: 2019-02-30, description: D., source: { article: deepseek, quote: Body } }',
        ),
      ],
      'content/entities/concepts/x.md: field "events.0.date": expected a date that exists in the calendar, got "2019-02-30"',
    ],
    [
      'front matter in CoffeeScript',
      [file('entities/concepts/x.md', '---coffee\nname: "X-ray"\n---\nBody.\n')],
      'content/entities/concepts/x.md:1: opens its front matter with "---coffee"; front matter is YAML data only, opened by a plain "---" line, never code or another language',
    ],
    [
      'front matter that is a list, not fields',
      [entity('concepts/x.md', '- name\n- summary')],
      'content/entities/concepts/x.md:2: the YAML frontmatter is not a list of fields; expected one "field: value" per line',
    ],
    [
      'an event dated in words',
      [
        deepseek,
        liang,
        article,
        entity(
          'concepts/x.md',
          'name: X-ray\nsummary: S.\nevents:\n  - { date: May 2019, description: D., source: { article: deepseek, quote: Body } }',
        ),
      ],
      'content/entities/concepts/x.md: field "events.0.date": expected a date written 2019, 2019-05 or 2019-05-16, a decade like 2000s, or a range of two of these like 2020/2023, got "May 2019"',
    ],
    [
      'an event from an article that does not exist, with the likely intent',
      [
        deepseek,
        liang,
        article,
        entity(
          'concepts/x.md',
          'name: X-ray\nsummary: S.\nevents:\n  - { date: 2019, description: D., source: { article: deepsek, quote: Body } }',
        ),
      ],
      'content/entities/concepts/x.md: field "events.0.source.article": names "deepsek", which is no article; expected the slug (file name) of a file in content/articles/, like "deepseek"',
    ],
    [
      'a file that is not UTF-8',
      [{ path: 'entities/concepts/x.md', bytes: new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]) }],
      'content/entities/concepts/x.md: is not valid UTF-8 text; save it as UTF-8',
    ],
    [
      'a file name that cannot be an id',
      [entity('concepts/Open Source.md', 'name: Open source\nsummary: S.')],
      /Open Source\.md: has a file name that cannot serve as an id/,
    ],
  ])('%s', (_, files, expected) => {
    const problems = problemsIn(...files);
    expect(problems).toHaveLength(1);
    if (typeof expected === 'string') expect(problems[0]).toBe(expected);
    else expect(problems[0]).toMatch(expected);
  });

  it('never runs front matter written as JavaScript, and names the file', () => {
    const witness = join(mkdtempSync(join(tmpdir(), 'dossier-frontmatter-')), 'ran');
    const code = `---js\n{ name: require("fs").writeFileSync(${JSON.stringify(witness)}, "ran") || "X-ray", summary: "S." }\n---\nBody.\n`;
    expect(problemsIn(file('entities/concepts/x.md', code), file('articles/a.mdx', code))).toEqual([
      'content/entities/concepts/x.md:1: opens its front matter with "---js"; front matter is YAML data only, opened by a plain "---" line, never code or another language',
      'content/articles/a.mdx:1: opens its front matter with "---js"; front matter is YAML data only, opened by a plain "---" line, never code or another language',
    ]);
    expect(existsSync(witness)).toBe(false);
  });

  it('reports every problem of a build at once, not just the first', () => {
    const problems = problemsIn(
      entity('concepts/a.md', 'summary: S.'),
      entity('concepts/b.md', 'name: Bee\nsummary: S.\nrelated: [nope]'),
    );
    expect(problems).toHaveLength(2);
  });

  it('throws an error whose message alone tells the whole story', () => {
    expect(() => parseContent([entity('concepts/a.md', 'summary: S.')])).toThrow(
      /Dossier found a problem in the content:\n {2}- content\/entities\/concepts\/a\.md: field "name"/,
    );
  });
});

describe('the content folder as the build finds it', () => {
  const folder = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-folder-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
  const noteText = '---\ntitle: T\ndek: D\nsource: { publication: P }\n---\nBody.\n';
  const problemsOfFolder = (root: string) =>
    problemsOf(() => loadContent(root)).map((problem) => problem.replaceAll(root, '<root>'));

  it('stops on a missing content folder, or one that is a file', () => {
    const root = folder({ 'file.md': 'x' });
    const expected =
      'expected the content folder, with articles/ and entities/ in it (DOSSIER_CONTENT names another folder)';
    expect(problemsOf(() => loadContent(join(root, 'nowhere')))).toEqual([
      `${root}/nowhere: does not exist; ${expected}`,
    ]);
    expect(problemsOf(() => loadContent(join(root, 'file.md')))).toEqual([
      `${root}/file.md: is not a folder; ${expected}`,
    ]);
  });

  it('stops on an empty content folder', () => {
    const root = folder({ 'articles/.keep': '' });
    expect(problemsOfFolder(root)).toEqual([
      '<root>: holds no article and no entity; expected articles in articles/<slug>.mdx and entities in entities/<kind>/<id>.md',
    ]);
  });

  it('reports files it would otherwise ignore: upper-case and unknown extensions', () => {
    const root = folder({
      'articles/note.MDX': noteText,
      'articles/x.markdown': noteText,
      'articles/notes.txt': 'x',
      'entities/people/README': 'x',
      'ledger.json': '{}',
      'articles/.draft.mdx': 'x',
    });
    expect(problemsOfFolder(root)).toEqual([
      '<root>/articles/note.MDX: has the extension ".MDX"; expected it in lower case, ".mdx"',
      '<root>/articles/notes.txt: is not a file Dossier reads (.txt); expected an article, articles/<slug>.mdx, or an entity, entities/<kind>/<id>.md, and nothing else in the content folder',
      '<root>/articles/x.markdown: is not a file Dossier reads (.markdown); expected an article, articles/<slug>.mdx, or an entity, entities/<kind>/<id>.md, and nothing else in the content folder',
      '<root>/entities/people/README: is not a file Dossier reads; expected an article, articles/<slug>.mdx, or an entity, entities/<kind>/<id>.md, and nothing else in the content folder',
    ]);
  });

  it('reports symbolic links that lead nowhere or in a loop, and follows the others', () => {
    const root = folder({ 'articles/note.mdx': noteText });
    const elsewhere = folder({ 'other.mdx': noteText });
    symlinkSync(join(elsewhere, 'other.mdx'), join(root, 'articles/other.mdx'));
    symlinkSync(join(root, 'gone.mdx'), join(root, 'articles/dangling.mdx'));
    symlinkSync(join(root, 'articles/loop-b.mdx'), join(root, 'articles/loop-a.mdx'));
    symlinkSync(join(root, 'articles/loop-a.mdx'), join(root, 'articles/loop-b.mdx'));
    symlinkSync(root, join(root, 'articles/up'));
    expect(problemsOfFolder(root)).toEqual([
      `<root>/articles/dangling.mdx: is a symbolic link to <root>/gone.mdx, which does not exist; remove the link or restore its target`,
      `<root>/articles/loop-a.mdx: is a symbolic link to <root>/articles/loop-b.mdx, which leads back to itself (a loop); link to a file, or copy it in`,
      `<root>/articles/loop-b.mdx: is a symbolic link to <root>/articles/loop-a.mdx, which leads back to itself (a loop); link to a file, or copy it in`,
      `<root>/articles/up: is a symbolic link to <root>, a folder it is in (a loop); link to another folder, or remove it`,
    ]);
    // The link to a file elsewhere is followed: with the problems fixed, the article behind it is read.
    for (const name of ['dangling.mdx', 'loop-a.mdx', 'loop-b.mdx', 'up']) rmSync(join(root, 'articles', name));
    expect(loadContent(root).articles.map((article) => article.slug)).toEqual(['note', 'other']);
  });
});

describe('names compared the way readers see them', () => {
  const cafe = (id: string, alias: string, extra = '') =>
    entity(`organizations/${id}.md`, `name: ${JSON.stringify(alias)}\nsummary: S.\norgType: company${extra}`);

  it('keeps every name and alias in NFC, so one typed with combining accents is the same name', () => {
    const { entities } = parseContent([cafe('cafe', 'Cafe\u0301 Group', '\naliases: ["Cafe\u0301"]')]);
    expect(surfaceForms(entities.get('cafe')!.data).map((form) => form.text)).toEqual(['Caf\u00e9 Group', 'Caf\u00e9']);
  });

  it.each([
    ['in NFC and in NFD', 'Caf\u00e9', 'Cafe\u0301', 'claims "Café", which is already an alias of "cafe"'],
    [
      'in full-width letters',
      'DeepSeek',
      '\uff24\uff45\uff45\uff50\uff33\uff45\uff45\uff4b',
      'claims "ＤｅｅｐＳｅｅｋ" (it looks the same as "DeepSeek"), which is already an alias of "cafe"',
    ],
  ])('catches two entities claiming one name written %s', (_, first, second, message) => {
    const problems = problemsIn(
      cafe('cafe', 'Xavier', `\naliases: [${JSON.stringify(first)}]`),
      cafe('cafe-two', 'Yolanda', `\naliases: [${JSON.stringify(second)}]`),
    );
    expect(problems).toEqual([
      `content/entities/organizations/cafe-two.md: field "aliases": ${message} (entities/organizations/cafe.md); expected each strong alias to name one entity: remove it from one of the two, or make both weak`,
    ]);
  });

  it.each([
    [
      'a zero-width space',
      'aliases: ["Deep\u200bSeek"]',
      'aliases.0',
      'expected an alias without invisible characters, got "Deep<U+200B>Seek": U+200B shows as nothing; delete it',
    ],
    [
      'nothing but zero-width characters',
      'aliases: [{ text: "\u200b\u200d" }]',
      'aliases.0.text',
      'expected an alias without invisible characters, got "<U+200B><U+200D>": U+200B, U+200D show as nothing; delete them',
    ],
    [
      'a direction mark in the name',
      'name: "Deep\u200fSeek"',
      'name',
      'expected a name without invisible characters, got "Deep<U+200F>Seek": U+200F shows as nothing; delete it',
    ],
  ])('refuses %s, naming the code point', (_, yaml, field, message) => {
    const text = yaml.startsWith('name')
      ? `${yaml}\nsummary: S.\norgType: company`
      : `name: DeepSeek\nsummary: S.\norgType: company\n${yaml}`;
    expect(problemsIn(entity('organizations/deepseek.md', text))).toEqual([
      `content/entities/organizations/deepseek.md: field "${field}": ${message}`,
    ]);
  });
});

describe('looking up ids', () => {
  const content = parseContent([deepseek, liang, article]);
  const other = parseContent([entity('concepts/open-source.md', 'name: Open source\nsummary: S.')]);

  it('gives the entity and the article of the ids the registry made or checked', () => {
    for (const { slug, data } of content.articles) {
      expect(articleOf(content, slug).data).toBe(data);
      expect(data.entities.map((id) => entityOf(content, id).data.name)).toEqual(['Liang Wenfeng']);
    }
    for (const { id, data } of content.entities.values()) {
      expect(entityOf(content, id).data).toBe(data);
      for (const other of data.related) expect(entityOf(content, other).data.name).toBe('DeepSeek');
    }
  });

  it('takes plain text as an id only when an entity has it', () => {
    expect(knownEntityId(content, 'liang-wenfeng')).toBe('liang-wenfeng');
    expect(knownEntityId(content, 'liang')).toBeUndefined();
  });

  it('stops on an id of other content', () => {
    for (const { id } of other.entities.values())
      expect(() => entityOf(content, id)).toThrow('No entity of this content has the id "open-source"');
  });
});
