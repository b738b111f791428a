/**
 * `npm run ingest -- <file.txt|file.md|file.html>`: turns a newsletter as received into
 * `content/articles/<slug>.mdx`, prints what it recognised and where it was unsure, and writes draft entities for
 * the names no entity covers into a review folder. `npm run ingest -- --accept <id>…` (or `--accept-all`) moves
 * reviewed drafts into `content/entities/`. Nothing an editor wrote is overwritten unless `--force` says so.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toString } from 'mdast-util-to-string';
import { articleSchema, ENTITY_KINDS } from '../lib/content-schema.ts';
import { ContentError } from '../lib/content-errors.ts';
import { acceptedFile, aliasReport, draftFile } from '../lib/ingest/drafts.ts';
import { formatOf, readSource, SUPPORTED_EXTENSIONS, type Finding } from '../lib/ingest/read.ts';
import { shapeArticle, sourceTexts } from '../lib/ingest/shape.ts';
import { entityId, suggestEntities, type KnownEntity } from '../lib/ingest/suggest.ts';
import { articleFile, type ArticleFrontmatter } from '../lib/ingest/write.ts';
import { toHast } from '../lib/markdown.ts';
import { parseContent, readContentFolder, surfaceForms } from '../lib/registry.ts';
import { contentRoot as defaultContentRoot } from '../lib/site-config.ts';

const USAGE = `Usage:
  npm run ingest -- <file${SUPPORTED_EXTENSIONS.join('|')}> [--title T] [--dek D] [--date YYYY-MM-DD] [--author A]…
                    [--publication P] [--url URL] [--slug S] [--force]
  npm run ingest -- --accept <id>… [--force]
  npm run ingest -- --accept-all [--force]
Options for both: --content DIR (default: DOSSIER_CONTENT or content), --review DIR (default: review, beside it)`;

class UsageError extends Error {}
/** A problem with the input or the content folder: its message is the whole story, no stack needed. */
class IngestError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    dek: { type: 'string' },
    date: { type: 'string' },
    author: { type: 'string', multiple: true },
    publication: { type: 'string' },
    url: { type: 'string' },
    slug: { type: 'string' },
    force: { type: 'boolean', default: false },
    accept: { type: 'boolean', default: false },
    'accept-all': { type: 'boolean', default: false },
    content: { type: 'string' },
    review: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

const contentRoot = resolve(values.content ?? defaultContentRoot);
const reviewRoot = resolve(values.review ?? join(dirname(contentRoot), 'review'));
const shown = (path: string) => relative(process.cwd(), path) || '.';

try {
  if (values.help) console.log(USAGE);
  else if (values.accept || values['accept-all']) accept(values['accept-all'] ? undefined : positionals);
  else if (positionals.length === 1) ingest(positionals[0]!);
  else throw new UsageError(positionals.length ? 'give one file to ingest at a time' : 'give the file to ingest');
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
  else if (error instanceof ContentError || error instanceof IngestError) console.error(error.message);
  else throw error;
  process.exitCode = 1;
}

function ingest(file: string) {
  const format = formatOf(file);
  if (!format) throw new UsageError(`${file}: ingest reads ${SUPPORTED_EXTENSIONS.join(', ')} files`);
  if (!existsSync(file)) throw new IngestError(`${file}: no such file`);
  const shaped = shapeArticle(readSource(readFileSync(file, 'utf8'), format));
  const meta = shaped.meta;
  const findings = shaped.findings;

  const title = values.title ?? meta.title;
  if (!title) throw new IngestError(`${file}: the source states no title (its first line is not one); pass --title "…"`);
  const texts = sourceTexts(shaped.tree);
  let dek = values.dek ?? meta.dek;
  if (!dek) {
    // The article's first paragraph of substance, not the newsletter's boilerplate set apart before it.
    const opening = shaped.tree.children.find((node) => node.type === 'paragraph' && toString(node).length > 80);
    dek = firstSentence(opening ? toString(opening) : title);
    findings.push({ level: 'unsure', message: `dek: the source gives none, so its first sentence stands in (“${dek}”); write a better one or pass --dek` });
  }
  const publication = values.publication ?? meta.publication;
  if (!publication) throw new IngestError(`${file}: the source does not say which publication it is from; pass --publication "…"`);

  const known = existingEntities();
  const slug = values.slug ?? entityId(title);
  const target = join(contentRoot, 'articles', `${slug}.mdx`);
  for (const existing of [target, target.replace(/\.mdx$/, '.md')]) {
    if (existsSync(existing) && !(values.force && existing === target)) {
      throw new IngestError(`${shown(existing)} already exists: ingest never overwrites an article. Pass --force to replace it${existing === target ? '' : ' (delete the .md first)'}, or --slug to write another.`);
    }
  }

  const publicationEntity = known.find((entity) => entity.forms.some((form) => form.toLowerCase() === publication.toLowerCase()));
  const frontmatter: ArticleFrontmatter = {
    title,
    // Written by the editor (--title, --dek) where the source gives none: the page says so.
    ...(meta.title ? {} : { titleIsEditorial: true }),
    dek,
    ...(values.dek && !meta.dek ? { dekIsEditorial: true } : {}),
    ...((values.date ?? meta.date) ? { date: (values.date ?? meta.date)! } : {}),
    ...((values.author ?? meta.authors)?.length ? { authors: (values.author ?? meta.authors)! } : {}),
    source: { publication, ...(publicationEntity ? { entity: publicationEntity.id } : {}), ...((values.url ?? meta.url) ? { url: (values.url ?? meta.url)! } : {}) },
  };
  const checked = articleSchema.safeParse(frontmatter);
  if (!checked.success) throw new IngestError(`${shown(target)}: the frontmatter would not be valid: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  const mdx = articleFile(frontmatter, shaped.tree);
  toHast(mdx.replace(/^---\n[\s\S]*?\n---\n/, ''), 'mdx'); // throws on MDX the build could not read
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, mdx);

  printFindings(file, findings);
  console.log(`\nWrote ${shown(target)}.`);

  const suggestions = suggestEntities(texts, known);
  const article = { title, slug };
  const written: string[] = [];
  const kept: string[] = [];
  for (const suggestion of suggestions.entities) {
    const draft = join(reviewRoot, ENTITY_KINDS[suggestion.kind], `${suggestion.id}.md`);
    if (existsSync(draft) && !values.force) {
      kept.push(shown(draft));
      continue;
    }
    mkdirSync(dirname(draft), { recursive: true });
    writeFileSync(draft, draftFile(suggestion, article));
    written.push(`  ${suggestion.kind.padEnd(12)} ${suggestion.id.padEnd(28)} ${[suggestion.name, ...suggestion.aliases].join(' · ')}`);
  }
  if (written.length) console.log(`\n${written.length} suggested entit${written.length === 1 ? 'y' : 'ies'}, drafted in ${shown(reviewRoot)}/ for review:\n${written.join('\n')}`);
  if (kept.length) console.log(`\nKept ${kept.length} draft${kept.length === 1 ? '' : 's'} already under review (--force replaces them): ${kept.join(', ')}`);
  if (suggestions.aliases.length) {
    const report = join(reviewRoot, `aliases-${slug}.md`);
    mkdirSync(reviewRoot, { recursive: true });
    writeFileSync(report, aliasReport(suggestions.aliases, article));
    console.log(`\nExisting entities the article names in other forms (a report, not an edit: ${shown(report)}):`);
    for (const { entityId: id, aliases } of suggestions.aliases) console.log(`  ${id}: ${aliases.join(' · ')}`);
  }
  if (written.length) console.log(`\nReview the drafts, then: npm run ingest -- --accept <id>… (or --accept-all)`);
  console.log(`Then build and preview: npm run build && npm run preview`);
}

function firstSentence(text: string): string {
  return /^.+?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
}

function printFindings(file: string, findings: Finding[]) {
  const order: Finding['level'][] = ['detected', 'flagged', 'unsure'];
  const headings = { detected: 'Recognised', flagged: 'Flagged (kept, set apart)', unsure: 'Unsure: check these' };
  for (const level of order) {
    const group = findings.filter((finding) => finding.level === level).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (!group.length) continue;
    console.log(`\n${headings[level]}:`);
    for (const finding of group) console.log(`  ${finding.line ? `${basename(file)}:${finding.line}` : basename(file)}  ${finding.message}`);
  }
}

/** The entities of the content folder as it stands (none when there is none yet). Invalid content stops the ingest. */
function existingEntities(): KnownEntity[] {
  if (!existsSync(contentRoot)) return [];
  const content = parseContent(readContentFolder(contentRoot), shown(contentRoot));
  return [...content.entities.values()].map((entity) => ({ id: entity.id, forms: surfaceForms(entity.data).map((form) => form.text) }));
}

function drafts(): { id: string; folder: string; path: string }[] {
  if (!existsSync(reviewRoot)) return [];
  return Object.values(ENTITY_KINDS).flatMap((folder) => {
    const dir = join(reviewRoot, folder);
    return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.md')).sort().map((name) => ({ id: name.slice(0, -3), folder, path: join(dir, name) })) : [];
  });
}

/** Moves reviewed drafts into the content folder, once the content with them passes every check the build makes. */
function accept(ids: string[] | undefined) {
  const available = drafts();
  if (ids && !ids.length) throw new UsageError('name the drafts to accept, or use --accept-all');
  const chosen = ids ? ids.map((id) => available.find((draft) => draft.id === id) ?? missingDraft(id, available)) : available;
  if (!chosen.length) throw new IngestError(`${shown(reviewRoot)}: no drafts to accept`);

  const moves = chosen.map((draft) => ({ ...draft, target: join(contentRoot, 'entities', draft.folder, `${draft.id}.md`), text: acceptedFile(readFileSync(draft.path, 'utf8')) }));
  const clashes = moves.filter((move) => existsSync(move.target));
  if (clashes.length && !values.force) {
    throw new IngestError(`${clashes.map((move) => shown(move.target)).join(', ')} already exist${clashes.length === 1 ? 's' : ''}: accepting never overwrites an entity. Pass --force to replace.`);
  }
  // The drafts join the content only if the whole folder still passes: schema, unique ids, unique strong aliases.
  const current = existsSync(contentRoot) ? readContentFolder(contentRoot).filter((file) => !moves.some((move) => join(contentRoot, file.path) === move.target)) : [];
  parseContent([...current, ...moves.map((move) => ({ path: relative(contentRoot, move.target).split('\\').join('/'), bytes: Buffer.from(move.text) }))], shown(contentRoot));
  for (const move of moves) {
    mkdirSync(dirname(move.target), { recursive: true });
    writeFileSync(move.target, move.text);
    rmSync(move.path);
    console.log(`Accepted ${move.id}: ${shown(move.target)}`);
  }
  console.log(`\n${moves.length} entit${moves.length === 1 ? 'y' : 'ies'} added. Build and preview: npm run build && npm run preview`);
}

function missingDraft(id: string, available: { id: string }[]): never {
  throw new IngestError(`no draft "${id}" in ${shown(reviewRoot)}/${available.length ? `; drafts there: ${available.map((draft) => draft.id).join(', ')}` : ''}`);
}
