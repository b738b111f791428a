/**
 * `npm run ingest -- <file or folder>…`: turns newsletters as received (plain text, Markdown, HTML pages) into
 * `content/articles/<slug>.mdx`, prints what it recognised and where it was unsure, and drafts entities for the
 * names no entity covers into a review folder, one draft per entity across all the articles of the run.
 * `npm run ingest -- --accept <id>…` (or `--accept-all`) shows what the reviewed drafts would add to the published
 * articles, then moves them into `content/entities/`. Nothing an editor wrote is overwritten unless `--force` says so.
 */
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
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { EXIT, visit } from 'unist-util-visit';
import { articleSchema } from '../lib/content/content-schema.ts';
import { BUILT_IN_KINDS, entityKinds, kindFolder, kindOfFolder, kindTable } from '../lib/content/kinds.ts';
import { ContentError } from '../lib/content/content-errors.ts';
import { mergeSuggestions, type ArchiveSuggestion, type ArticleRef } from '../lib/ingest/archive.ts';
import { acceptedFile, aliasReport, draftFile, placeholdersOf, unsureReport } from '../lib/ingest/drafts.ts';
import { commonAliases, mentionChanges, type MentionChange } from '../lib/ingest/impact.ts';
import { ingestArticle } from '../lib/ingest/pipeline.ts';
import { formatOf, SourceError, SUPPORTED_EXTENSIONS, type Finding } from '../lib/ingest/read.ts';
import { GUESSES, speakersOf, type ShapeOptions } from '../lib/ingest/shape.ts';
import { undeclaredSpeakers, type SpeakerEntity } from '../lib/ingest/speakers.ts';
import { suggestEntities, type KnownEntity, type Suggestions } from '../lib/ingest/suggest.ts';
import { articleFile, articleSlug, type ArticleFrontmatter } from '../lib/ingest/write.ts';
import { toHast } from '../lib/content/markdown.ts';
import { parseContent, readContentFolder, surfaceForms } from '../lib/content/registry.ts';
import { siteSettings } from './site-settings.ts';
import { buildSiteIndex } from '../lib/index/site-index.ts';

const USAGE = `Usage:
  npm run ingest -- <file or folder>… [--title T] [--dek D] [--date YYYY-MM-DD] [--author A]…
                    [--publication P] [--url URL] [--slug S] [--encoding E] [--force] [--no-<guess>]…
      Files: ${SUPPORTED_EXTENSIONS.join(' ')}; a folder is read whole (an archive). --title, --dek, --date, --url
      and --slug apply to a single file only. Guesses that can be turned off: ${GUESSES.map((guess) => `--no-${guess}`).join(' ')}
  npm run ingest -- --accept <id>… [--yes] [--force]
  npm run ingest -- --accept-all [--yes] [--force]
Options for both: --content DIR (default: DOSSIER_CONTENT or content), --review DIR (default: review, beside it)`;

class UsageError extends Error {}
/** A problem with the input or the content folder: its message is the whole story, no stack needed. */
class IngestError extends Error {}

const parsed = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      allowNegative: true,
      options: {
        title: { type: 'string' },
        dek: { type: 'string' },
        date: { type: 'string' },
        author: { type: 'string', multiple: true },
        publication: { type: 'string' },
        url: { type: 'string' },
        slug: { type: 'string' },
        encoding: { type: 'string' },
        force: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        accept: { type: 'boolean', default: false },
        'accept-all': { type: 'boolean', default: false },
        content: { type: 'string' },
        review: { type: 'string' },
        help: { type: 'boolean', default: false },
        ...Object.fromEntries(GUESSES.map((guess) => [guess, { type: 'boolean' as const }])),
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(1);
  }
})();
const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
const positionals = parsed.positionals;
const option = (name: string) => values[name] as string | undefined;
const flag = (name: string) => values[name] === true;

// The site's content folder and kinds, from its astro.config.mjs; a bad option stops here, named.
const settings = await siteSettings().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const contentRoot = resolve(option('content') ?? settings.contentRoot);
const reviewRoot = resolve(option('review') ?? join(dirname(contentRoot), 'review'));
const shown = (path: string) => relative(process.cwd(), path) || '.';
const shapeOptions: ShapeOptions = Object.fromEntries(
  GUESSES.filter((guess) => values[guess] === false).map((guess) => [guess, false]),
);

try {
  if (flag('help')) console.log(USAGE);
  else if (flag('accept') || flag('accept-all')) await accept(flag('accept-all') ? undefined : positionals);
  else if (positionals.length) ingestAll(positionals);
  else throw new UsageError('give the files or folders to ingest');
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof ContentError || error instanceof IngestError || error instanceof SourceError)
    console.error(error.message);
  else console.error(`ingest stopped: ${(error as Error).message ?? error}`);
  process.exitCode = 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Ingest

interface Written {
  file: string;
  article: ArticleRef;
  target: string;
  findings: Finding[];
  suggestions: Suggestions;
}

/** Every source file named: files as given, folders read whole (hidden files and unknown extensions skipped). */
function sourceFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (formatOf(name) && !/^(?:readme|sources|license|changelog)\.(?:md|txt)$/i.test(name)) files.push(path);
    }
  };
  for (const path of paths) {
    if (!existsSync(path)) throw new IngestError(`${path}: no such file or folder`);
    if (statSync(path).isDirectory()) walk(path);
    else if (formatOf(path)) files.push(path);
    else throw new UsageError(`${path}: ingest reads ${SUPPORTED_EXTENSIONS.join(', ')} files`);
  }
  if (!files.length)
    throw new IngestError(`${paths.join(', ')}: no ${SUPPORTED_EXTENSIONS.join(', ')} files to ingest`);
  return files;
}

function ingestAll(paths: string[]) {
  const files = sourceFiles(paths);
  const single = files.length === 1 && !statSync(paths[0]!).isDirectory();
  for (const name of ['title', 'dek', 'date', 'url', 'slug']) {
    if (!single && option(name) !== undefined)
      throw new UsageError(`--${name} applies to one file; ${files.length} files are being ingested`);
  }
  const existing = existingEntities();
  const written: Written[] = [];
  const refused: { file: string; reason: string }[] = [];
  const skipped: { file: string; target: string }[] = [];
  files.forEach((file, index) => {
    if (!single) progress(index, files.length, file);
    try {
      const result = ingestOne(file, existing, single);
      if ('skipped' in result) skipped.push({ file, target: result.skipped });
      else written.push(result);
    } catch (error) {
      if (single) throw error;
      const known_ = error instanceof SourceError || error instanceof IngestError || error instanceof ContentError;
      refused.push({
        file,
        reason: known_
          ? (error as Error).message
          : `${file}: could not be read (${(error as Error).message}); expected a plain text, Markdown or HTML article`,
      });
    }
  });
  if (!single) progress(files.length, files.length, '');

  if (single && written[0]) printFindings(written[0].file, written[0].findings);
  const merged = mergeSuggestions(written.map(({ article, suggestions }) => ({ article, suggestions })));
  const drafts = writeDrafts(merged.entities, written.length > 1);
  if (merged.aliases.length) {
    const report = join(reviewRoot, written.length === 1 ? `aliases-${written[0]!.article.slug}.md` : 'aliases.md');
    mkdirSync(reviewRoot, { recursive: true });
    writeFileSync(
      report,
      aliasReport(
        merged.aliases,
        written.length === 1
          ? written[0]!.article
          : { title: `${written.length} articles`, slug: written.map((entry) => entry.article.slug).join(', ') },
      ),
    );
    console.log(
      `\nExisting entities the article${written.length === 1 ? '' : 's'} name in other forms (a report, not an edit: ${shown(report)}):`,
    );
    for (const { entityId: id, aliases } of merged.aliases) console.log(`  ${id}: ${aliases.join(' · ')}`);
  }
  const unsure = mergeSuggestions(
    written.map(({ article, suggestions }) => ({
      article,
      suggestions: { entities: suggestions.unsure, unsure: [], aliases: [] },
    })),
  ).entities;
  if (unsure.length) {
    const report = join(reviewRoot, written.length === 1 ? `unsure-${written[0]!.article.slug}.md` : 'unsure.md');
    mkdirSync(reviewRoot, { recursive: true });
    writeFileSync(report, unsureReport(unsure));
    console.log(
      `\n${unsure.length} more name${unsure.length === 1 ? '' : 's'}, too unsure to draft (listed in ${shown(report)} with their evidence): ${unsure
        .slice(0, 12)
        .map(({ suggestion }) => suggestion.name)
        .join(', ')}${unsure.length > 12 ? ', …' : ''}`,
    );
  }
  if (!single) summary(written, refused, skipped, drafts);
  for (const { file, reason } of refused) console.error(`Refused ${basename(file)}: ${reason}`);
  if (drafts.written) console.log(`\nReview the drafts, then: npm run ingest -- --accept <id>… (or --accept-all)`);
  if (written.length) console.log(`Then build and preview: npm run build && npm run preview`);
  if (refused.length) process.exitCode = 1;
}

/** A progress bar on a terminal; a line per article elsewhere (a log, CI). */
function progress(done: number, total: number, file: string) {
  const width = 24;
  const filled = Math.round((done / total) * width);
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${file ? ` ${basename(file)}` : ''}`;
  if (process.stdout.isTTY)
    process.stdout.write(`\r${line.padEnd(process.stdout.columns - 1 || 80)}${done === total ? '\n' : ''}`);
  else if (file) console.log(line);
}

function ingestOne(
  file: string,
  { known, speakers }: ReturnType<typeof existingEntities>,
  single: boolean,
): Written | { skipped: string } {
  const shaped = ingestArticle(readFileSync(file), file, {
    encoding: option('encoding'),
    url: option('url'),
    shape: shapeOptions,
    speakers,
  });
  const meta = shaped.meta;
  const findings = shaped.findings;

  const title = option('title') ?? meta.title;
  if (!title)
    throw new IngestError(
      `${file}: the source states no title (its first line is not one); ${single ? 'pass --title "…"' : 'ingest it on its own with --title "…"'}`,
    );
  const slug = option('slug') ?? articleSlug(title);
  const target = join(contentRoot, 'articles', `${slug}.mdx`);
  for (const existing of [target, target.replace(/\.mdx$/, '.md')]) {
    if (existsSync(existing) && !(flag('force') && existing === target)) {
      if (!single) return { skipped: existing };
      throw new IngestError(
        `${shown(existing)} already exists: ingest never overwrites an article. Pass --force to replace it${existing === target ? '' : ' (delete the .md first)'}, or --slug to write another.`,
      );
    }
  }
  let dek = option('dek') ?? meta.dek?.replace(/\s+/g, ' ');
  if (!dek) {
    // The article's first paragraph of substance, not the newsletter's boilerplate set apart before it.
    let opening: RootContent | undefined;
    visit(shaped.tree, 'paragraph', (node) => {
      if (toString(node).length <= 80) return undefined;
      opening = node;
      return EXIT;
    });
    dek = firstSentence(opening ? toString(opening) : title);
    findings.push({
      level: 'unsure',
      message: `dek: the source gives none, so its first sentence stands in (“${dek}”); write a better one or pass --dek`,
    });
  }
  const publication = option('publication') ?? meta.publication;
  if (!publication)
    throw new IngestError(`${file}: the source does not say which publication it is from; pass --publication "…"`);

  const publicationEntity = known.find((entity) =>
    entity.forms.some((form) => form.toLowerCase() === publication.toLowerCase()),
  );
  const authors = (values.author as string[] | undefined) ?? meta.authors;
  const date = option('date') ?? meta.date;
  const url = option('url') ?? meta.url;
  const frontmatter: ArticleFrontmatter = {
    title,
    // Written by the editor (--title, --dek) where the source gives none: the page says so.
    ...(meta.title ? {} : { titleIsEditorial: true }),
    dek,
    ...(option('dek') && !meta.dek ? { dekIsEditorial: true } : {}),
    ...(date ? { date } : {}),
    ...(authors?.length ? { authors } : {}),
    source: { publication, ...(publicationEntity ? { entity: publicationEntity.id } : {}), ...(url ? { url } : {}) },
  };
  // Speakers called only by a short form the article never introduces are declared, so their words are theirs.
  const { labels, quoted } = speakersOf(shaped.tree);
  const declared = undeclaredSpeakers(labels, quoted, shaped.texts.join('\n'), speakers);
  for (const { id, label } of declared)
    findings.push({
      level: 'detected',
      message: `speaker “${label}” is ${id}, whom the article never introduces by a full name: listed in its entities`,
    });
  if (declared.length) frontmatter.entities = declared.map(({ id }) => id);
  const checked = articleSchema.safeParse(frontmatter);
  if (!checked.success)
    throw new IngestError(
      `${shown(target)}: the frontmatter would not be valid: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  const mdx = articleFile(frontmatter, shaped.tree);
  try {
    toHast(mdx.replace(/^---\n[\s\S]*?\n---\n/, ''), 'mdx');
  } catch (error) {
    throw new IngestError(
      `${file}: the article written would not read back as MDX (${(error as Error).message}); please report this source`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, mdx);
  if (single) console.log(`Wrote ${shown(target)}.`);
  const article = { title, slug };
  return { file, article, target, findings, suggestions: suggestEntities(shaped.texts, known) };
}

function writeDrafts(entities: ArchiveSuggestion[], ranked: boolean): { written: number; kept: number } {
  const written: string[] = [];
  const kept: string[] = [];
  for (const { suggestion, articles } of entities) {
    // A kind the site leaves out keeps its built-in folder: accepting it asks for a kind folder of the site.
    const folder = kindTable()[suggestion.kind]?.folder ?? BUILT_IN_KINDS[suggestion.kind].folder;
    const draft = join(reviewRoot, folder, `${suggestion.id}.md`);
    if (existsSync(draft) && !flag('force')) {
      kept.push(shown(draft));
      continue;
    }
    mkdirSync(dirname(draft), { recursive: true });
    writeFileSync(draft, draftFile(suggestion, articles));
    written.push(
      `  ${ranked ? `${String(articles.length).padStart(3)}  ` : ''}${suggestion.kind.padEnd(12)} ${suggestion.id.padEnd(28)} ${[suggestion.name, ...suggestion.aliases].join(' · ')}`,
    );
  }
  if (written.length) {
    console.log(
      `\n${written.length} suggested entit${written.length === 1 ? 'y' : 'ies'}, drafted in ${shown(reviewRoot)}/ for review${ranked ? ' (by how many articles name them)' : ''}:`,
    );
    if (ranked) console.log('  articles  kind        id');
    console.log(written.join('\n'));
  }
  if (kept.length)
    console.log(
      `\nKept ${kept.length} draft${kept.length === 1 ? '' : 's'} already under review (--force replaces them): ${kept.join(', ')}`,
    );
  return { written: written.length, kept: kept.length };
}

function summary(
  written: Written[],
  refused: { file: string }[],
  skipped: { file: string; target: string }[],
  drafts: { written: number; kept: number },
) {
  const unsure = written.reduce(
    (sum, entry) => sum + entry.findings.filter((finding) => finding.level === 'unsure').length,
    0,
  );
  const rows: [string, string][] = [
    ['articles written', String(written.length)],
    ['skipped (already ingested)', String(skipped.length)],
    ['refused', String(refused.length)],
    ['entity drafts', `${drafts.written}${drafts.kept ? ` (+${drafts.kept} kept from before)` : ''}`],
    ['unsure guesses to check', String(unsure)],
  ];
  console.log(`\n${rows.map(([label, value]) => `  ${label.padEnd(28)} ${value}`).join('\n')}`);
  for (const entry of written) {
    const count = (level: Finding['level']) => entry.findings.filter((finding) => finding.level === level).length;
    console.log(
      `  ${basename(entry.file).padEnd(48)} → ${shown(entry.target)}  (${count('unsure')} unsure, ${count('flagged')} flagged)`,
    );
  }
  for (const entry of skipped)
    console.log(`  ${basename(entry.file).padEnd(48)} skipped: ${shown(entry.target)} exists (--force replaces it)`);
}

function firstSentence(text: string): string {
  return /^.+?[.!?。！？](?=\s|$)/u.exec(text)?.[0] ?? text;
}

function printFindings(file: string, findings: Finding[]) {
  const order: Finding['level'][] = ['detected', 'flagged', 'unsure'];
  const headings = {
    detected: 'Recognised',
    flagged: 'Flagged (kept, set apart, or left out)',
    unsure: 'Unsure: check these',
  };
  for (const level of order) {
    const group = findings.filter((finding) => finding.level === level).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (!group.length) continue;
    console.log(`\n${headings[level]}:`);
    for (const finding of group)
      console.log(`  ${finding.line ? `${basename(file)}:${finding.line}` : basename(file)}  ${finding.message}`);
  }
}

/**
 * The entities of the content folder as it stands (none when there is none yet): every form, for suggestions, and
 * the forms that name one entity alone, for attributing quotes. Invalid content stops the ingest.
 */
function existingEntities(): { known: KnownEntity[]; speakers: SpeakerEntity[] } {
  if (!existsSync(contentRoot)) return { known: [], speakers: [] };
  const entities = [...parseContent(readContentFolder(contentRoot), shown(contentRoot)).entities.values()];
  return {
    known: entities.map((entity) => ({ id: entity.id, forms: surfaceForms(entity.data).map((form) => form.text) })),
    speakers: entities.map((entity) => ({
      id: entity.id,
      kind: entity.kind,
      forms: surfaceForms(entity.data).filter((form) => !form.shared),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Accept

function drafts(): { id: string; folder: string; path: string }[] {
  if (!existsSync(reviewRoot)) return [];
  return readdirSync(reviewRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = join(reviewRoot, entry.name);
      return readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => ({ id: name.slice(0, -3), folder: entry.name, path: join(dir, name) }));
    });
}

/** The articles a draft was found in, as its review note says. */
function draftSources(text: string): Set<string> {
  return new Set(/^Found in (.+?) as /m.exec(text)?.[1]?.split(', ') ?? []);
}

/**
 * Moves reviewed drafts into the content folder, once they hold no placeholder, the whole content with them passes
 * every check the build makes, and the editor has seen what they would change in the published articles.
 */
async function accept(ids: string[] | undefined) {
  const available = drafts();
  if (ids && !ids.length) throw new UsageError('name the drafts to accept, or use --accept-all');
  const chosen = ids
    ? ids.map((id) => available.find((draft) => draft.id === id) ?? missingDraft(id, available))
    : available;
  if (!chosen.length) throw new IngestError(`${shown(reviewRoot)}: no drafts to accept`);

  const moves = chosen.map((draft) => {
    const kind = kindOfFolder(draft.folder);
    if (!kind)
      throw new IngestError(
        `${shown(draft.path)}: ${draft.folder}/ is no kind folder; expected one of ${entityKinds().map(kindFolder).join(', ')}`,
      );
    const text = readFileSync(draft.path, 'utf8');
    const placeholders = placeholdersOf(text);
    if (placeholders.length && !flag('force'))
      throw new IngestError(
        `${shown(draft.path)}: still a draft: ${placeholders.join('; ')}. Write them, or pass --force to accept it as it is`,
      );
    const accepted = acceptedFile(text, kind);
    for (const field of accepted.dropped)
      console.log(
        `${shown(draft.path)}: dropped “${field}”, which a${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind} does not have`,
      );
    for (const field of accepted.guessed)
      console.log(`${shown(draft.path)}: “${field}” guessed for a ${kind}; check it`);
    return {
      ...draft,
      kind,
      sources: draftSources(text),
      target: join(contentRoot, 'entities', draft.folder, `${draft.id}.md`),
      text: accepted.text,
    };
  });
  const clashes = moves.filter((move) => existsSync(move.target));
  if (clashes.length && !flag('force')) {
    throw new IngestError(
      `${clashes.map((move) => shown(move.target)).join(', ')} already exist${clashes.length === 1 ? 's' : ''}: accepting never overwrites an entity. Pass --force to replace.`,
    );
  }
  // The drafts join the content only if the whole folder still passes: schema, unique ids, unique strong aliases.
  // A problem is reported against the draft where it really is, not the file it would become.
  const current = existsSync(contentRoot)
    ? readContentFolder(contentRoot).filter(
        (file) => !moves.some((move) => join(contentRoot, file.path) === move.target),
      )
    : [];
  const added = moves.map((move) => ({
    path: relative(contentRoot, move.target).split('\\').join('/'),
    bytes: Buffer.from(move.text),
  }));
  try {
    parseContent([...current, ...added], shown(contentRoot));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    let message = error.message;
    for (const move of moves)
      message = message.replaceAll(shown(move.target), `${shown(move.path)} (as ${shown(move.target)})`);
    throw new IngestError(message);
  }

  const impact = impactOf(moves.map((move) => ({ target: move.target, text: move.text })));
  const widespread = commonAliases(impact.after, new Map(moves.map((move) => [move.id, move.sources])));
  if (widespread.length && !flag('force')) {
    throw new IngestError(
      widespread
        .map(
          ({ entityId: id, alias, paragraphs, of }) =>
            `${id}: the alias “${alias}” would be found in ${paragraphs} of ${of} paragraphs of the other articles: a common word, not a name. Remove it from the draft's aliases (or pass --force)`,
        )
        .join('\n'),
    );
  }
  printImpact(impact.changes);
  if (impact.changes.length && !flag('yes')) {
    if (!process.stdin.isTTY)
      throw new IngestError('accepting changes published articles (above): pass --yes to accept them without asking');
    const answer = await createInterface({ input: process.stdin, output: process.stdout }).question(
      `Accept ${moves.length} entit${moves.length === 1 ? 'y' : 'ies'} with these changes? [y/N] `,
    );
    if (!/^y(?:es)?$/i.test(answer.trim())) {
      console.log('Nothing accepted.');
      process.exit(0);
    }
  }
  for (const move of moves) {
    mkdirSync(dirname(move.target), { recursive: true });
    writeFileSync(move.target, move.text);
    rmSync(move.path);
    console.log(`Accepted ${move.id}: ${shown(move.target)}`);
  }
  console.log(
    `\n${moves.length} entit${moves.length === 1 ? 'y' : 'ies'} added. Build and preview: npm run build && npm run preview`,
  );
}

/** The site's articles indexed as they are and as they would be with the accepted entities, in a scratch copy. */
function impactOf(files: { target: string; text: string }[]) {
  const index = (root: string) => {
    if (!existsSync(join(root, 'articles'))) return new Map();
    const built = buildSiteIndex({ contentRoot: root, linkMode: 'section', base: '/', linking: true });
    return new Map([...built.articles].map(([slug, article]) => [slug, article.blocks]));
  };
  const before = existsSync(contentRoot) ? index(contentRoot) : new Map();
  const scratch = mkdtempSync(join(tmpdir(), 'dossier-accept-'));
  try {
    if (existsSync(contentRoot)) cpSync(contentRoot, scratch, { recursive: true });
    for (const file of files) {
      const path = join(scratch, relative(contentRoot, file.target));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
    const after = index(scratch);
    return { after, changes: mentionChanges(before, after) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function printImpact(changes: MentionChange[]) {
  if (!changes.length) {
    console.log('No published article changes: the accepted entities are named in no paragraph of them yet.');
    return;
  }
  const byEntity = Map.groupBy(changes, (change) => `${change.change === 'added' ? '+' : '-'} ${change.entityId}`);
  console.log(
    `Accepting changes ${changes.length} mention${changes.length === 1 ? '' : 's'} in the published articles:`,
  );
  for (const [entity, list] of byEntity) {
    console.log(
      `\n${entity}: ${list.length} mention${list.length === 1 ? '' : 's'} (${list.filter((change) => change.linked).length} linked)`,
    );
    for (const change of list)
      console.log(
        `  ${change.article}#${change.block}  “${change.text}”: ${change.sentence.length > 160 ? `${change.sentence.slice(0, 157)}…` : change.sentence}`,
      );
  }
  console.log('');
}

function missingDraft(id: string, available: { id: string }[]): never {
  throw new IngestError(
    `no draft "${id}" in ${shown(reviewRoot)}/${available.length ? `; drafts there: ${available.map((draft) => draft.id).join(', ')}` : ''}`,
  );
}
