/**
 * `npm run ingest:eval -- <folder> <truth.json> [--content DIR] [--verbose]`: runs the ingest's reading and
 * suggestions over every article of a folder, as `npm run ingest` does, and scores the suggestions against a truth
 * file of the entities an editor would want a page for. Prints a table per article and the corpus totals.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '../lib/content/content-errors.ts';
import {
  figures,
  scoreArticle,
  TARGETS,
  truthFileSchema,
  type ArticleScore,
  type Totals,
  type TruthFile,
} from '../lib/ingest/evaluate.ts';
import { ingestArticle } from '../lib/ingest/pipeline.ts';
import { bodyText, keptSentences } from '../lib/ingest/fidelity.ts';
import { decodeSource, formatOf } from '../lib/ingest/read.ts';
import { articleFile } from '../lib/ingest/write.ts';
import { suggestEntities, type KnownEntity } from '../lib/ingest/suggest.ts';
import { parseContent, readContentFolder, surfaceForms } from '../lib/content/registry.ts';

const USAGE = 'Usage: npm run ingest:eval -- <folder> <truth.json> [--content DIR] [--verbose]';

/** A problem with the arguments or the files they name: its message is the whole story. */
class EvalError extends Error {}

export interface ArticleRun {
  file: string;
  score: ArticleScore;
  unsure: number;
  /** Sentences of the source's body, and how many the article written kept, character for character. */
  sentences: { total: number; kept: number };
  /** Structure the ingest guessed (headings, notes, quotes…), and how many of those it was unsure of. */
  guesses: { made: number; unsure: number };
  /** The one-line error when reading the article threw. */
  crash?: string;
}

/** Scores every article of `folder` the truth file labels; articles the ingest does not read are left out. */
export function evaluateFolder(
  folder: string,
  truth: TruthFile,
  known: KnownEntity[] = [],
): { runs: ArticleRun[]; totals: Totals } {
  const knownForms = known.flatMap((entity) => entity.forms);
  const runs: ArticleRun[] = [];
  for (const file of readdirSync(folder).sort()) {
    const format = formatOf(file);
    const labelled = truth[file];
    if (!format || !labelled) continue;
    try {
      const bytes = readFileSync(join(folder, file));
      const article = ingestArticle(bytes, file);
      const suggestions = suggestEntities(article.texts, known);
      const { meta } = article;
      const mdx = articleFile(
        {
          title: meta.title ?? file,
          dek: meta.dek ?? '-',
          ...(meta.date ? { date: meta.date } : {}),
          ...(meta.authors ? { authors: meta.authors } : {}),
          source: { publication: meta.publication ?? '-' },
        },
        article.tree,
      );
      const { total, missing } = keptSentences(bodyText(decodeSource(bytes, file), format), mdx);
      const guesses = article.findings.filter((finding) => finding.level !== 'flagged');
      runs.push({
        file,
        score: scoreArticle(labelled, suggestions.entities, suggestions.aliases, knownForms),
        unsure: suggestions.unsure.length,
        sentences: { total, kept: total - missing.length },
        guesses: { made: guesses.length, unsure: guesses.filter((finding) => finding.level === 'unsure').length },
      });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      runs.push({
        file,
        score: scoreArticle(labelled, [], [], knownForms),
        unsure: 0,
        sentences: { total: 0, kept: 0 },
        guesses: { made: 0, unsure: 0 },
        crash: message,
      });
    }
  }
  const crashes = runs.filter((run) => run.crash).length;
  return {
    runs,
    totals: figures(
      runs.map((run) => run.score),
      crashes,
    ),
  };
}

/** Reads and checks a truth file, with a one-line error naming the file and what was expected. */
export function readTruthFile(path: string): TruthFile {
  if (!existsSync(path))
    throw new EvalError(`${path}: no such file; expected a truth file (JSON: article file name → entities)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new EvalError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = truthFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EvalError(
      `${path}: field "${issue.path.join('.')}": ${issue.message}; expected { "<file>": [{ name, kind, forms: [...], mentions, central? }] }`,
    );
  }
  return parsed.data;
}

/** The entities of a content folder, as the ingest checks suggestions against them. */
export function knownEntities(contentRoot: string): KnownEntity[] {
  if (!existsSync(contentRoot)) throw new EvalError(`${contentRoot}: no such content folder`);
  const content = parseContent(readContentFolder(contentRoot), contentRoot);
  return [...content.entities.values()].map((entity) => ({
    id: entity.id,
    forms: surfaceForms(entity.data).map((form) => form.text),
  }));
}

// Rounded down, so that a figure short of its target never prints as meeting it.
const pct = (x: number) => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);

export function formatTable(runs: ArticleRun[], totals: Totals): string {
  const header = `${'article'.padEnd(54)} ${'sentences kept'.padStart(14)} ${'guesses (unsure)'.padStart(16)} ${'drafts'.padStart(6)} ${'unsure'.padStart(6)} ${'prec'.padStart(5)} ${'recall'.padStart(6)} ${'kind'.padStart(5)} ${'pairs'.padStart(7)} ${'dups'.padStart(4)}  crash`;
  const row = (
    name: string,
    run: Pick<ArticleRun, 'unsure' | 'sentences' | 'guesses'>,
    score: Totals,
    pairs: string,
    crash: string,
  ) =>
    `${name.padEnd(54)} ${`${run.sentences.kept}/${run.sentences.total}`.padStart(14)} ${`${run.guesses.made} (${run.guesses.unsure})`.padStart(16)} ${String(score.drafts).padStart(6)} ${String(run.unsure).padStart(6)} ${pct(score.precision).padStart(5)} ${pct(score.recall).padStart(6)} ${pct(score.kindAccuracy).padStart(5)} ${pairs.padStart(7)} ${String(score.duplicates).padStart(4)}  ${crash}`;
  const lines = [header];
  for (const run of runs)
    lines.push(
      row(
        run.file,
        run,
        figures([run.score]),
        `${run.score.paired}/${run.score.pairable}`,
        run.crash ? `yes: ${run.crash.slice(0, 60)}` : '',
      ),
    );
  const scores = runs.map((run) => run.score);
  const pairs = `${scores.reduce((sum, score) => sum + score.paired, 0)}/${scores.reduce((sum, score) => sum + score.pairable, 0)}`;
  const sum = (pick: (run: ArticleRun) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const all = {
    unsure: sum((run) => run.unsure),
    sentences: { total: sum((run) => run.sentences.total), kept: sum((run) => run.sentences.kept) },
    guesses: { made: sum((run) => run.guesses.made), unsure: sum((run) => run.guesses.unsure) },
  };
  lines.push(row(`total (${totals.articles} articles)`, all, totals, pairs, String(totals.crashes)));
  lines.push(
    `targets: precision >= ${TARGETS.precision}, recall >= ${TARGETS.recall}, kind >= ${TARGETS.kindAccuracy}, every pair, no duplicates`,
  );
  return lines.join('\n');
}

export function formatMisses(runs: ArticleRun[]): string {
  return runs
    .map(({ file, score: { misses } }) =>
      [
        `${file}:`,
        `  missed: ${misses.missed.join(', ') || '-'}`,
        `  not entities: ${misses.notEntities.join(', ') || '-'}`,
        `  wrong kind: ${misses.wrongKind.join(', ') || '-'}`,
        `  unpaired: ${misses.unpaired.join(', ') || '-'}`,
        `  duplicated: ${misses.duplicated.join('; ') || '-'}`,
      ].join('\n'),
    )
    .join('\n');
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const [folder, truthPath] = positionals;
  if (!folder || !truthPath || positionals.length > 2)
    throw new EvalError(`give the folder of articles and the truth file\n\n${USAGE}`);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new EvalError(`${folder}: no such folder; expected a folder of articles (.txt, .md, .html)`);
  const truth = readTruthFile(truthPath);
  const known = values.content ? knownEntities(resolve(values.content)) : [];
  const { runs, totals } = evaluateFolder(folder, truth, known);
  if (!runs.length) throw new EvalError(`${folder}: no article there is labelled in ${truthPath}`);
  console.log(formatTable(runs, totals));
  if (values.verbose) console.log(`\n${formatMisses(runs)}`);
}

if (import.meta.main) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof EvalError || error instanceof ContentError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
