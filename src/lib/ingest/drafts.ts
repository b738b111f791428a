/**
 * Draft entity files: what `npm run ingest` suggests, written for review outside `content/entities/`, and what
 * `--accept` makes of a reviewed draft. A draft is a valid entity file plus a review note, which accepting removes.
 */
import matter from 'gray-matter';
import { kindSchema, type EntityKind } from '../content/content-schema.ts';
import { isBuiltInKind } from '../content/kinds.ts';
import { readFrontmatter } from '../content/frontmatter.ts';
import type { ArticleRef } from './archive.ts';
import type { AliasSuggestion, Suggestion } from './suggest.ts';

const REVIEW_NOTE = /\n*<!-- review\n[\s\S]*?\n-->\n*/;

const quote = (passage: string) =>
  passage
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
/** HTML comments end at `--`, so passages quoted inside one must not contain it. */
const commentSafe = (text: string) => text.replace(/--/g, '–');

/** The summary a draft starts with: a placeholder, which accepting refuses until it is rewritten. */
const placeholderSummary = (articles: ArticleRef[]) =>
  `Named in “${articles[0]!.title}”${articles.length > 1 ? ` and ${articles.length - 1} other article${articles.length > 2 ? 's' : ''}` : ''}.`;
const PLACEHOLDER_SUMMARY = /^Named in “.*”(?: and \d+ other articles?)?\.$/;
const PLACEHOLDER_ROLE = /^named in “/;

export function draftFile(suggestion: Suggestion, articles: ArticleRef[]): string {
  const article = articles[0]!;
  const data: Record<string, unknown> = {
    name: suggestion.name,
    summary: placeholderSummary(articles),
  };
  if (suggestion.aliases.length) data.aliases = suggestion.aliases;
  if (suggestion.weakAliases.length) data.weakAliases = suggestion.weakAliases;
  if (suggestion.native) data.native = suggestion.native;
  Object.assign(data, guessedFacts(suggestion, article.title));
  const note = [
    '<!-- review',
    `Found in ${articles.map((entry) => entry.slug).join(', ')} as ${suggestion.reasons.join('; ')}.`,
    `Kind guessed: ${suggestion.kind}, and its facts with it. The folder decides the kind: move the file to change it.`,
    'Check the name and aliases, write a one-sentence summary and a short description in place of this note, then',
    `run: npm run ingest -- --accept ${suggestion.id}`,
    '',
    `Passages naming it:`,
    '',
    ...suggestion.passages.map((passage) => `${quote(commentSafe(passage))}\n`),
    '-->',
  ].join('\n');
  return matter.stringify(`\n${note}\n`, data);
}

/** What still reads as the draft's placeholders: a reviewed draft has none. */
export function placeholdersOf(draft: string): string[] {
  const { data, body: content } = readFrontmatter(draft.replace(/^\uFEFF/, ''));
  const left: string[] = [];
  if (typeof data.summary === 'string' && PLACEHOLDER_SUMMARY.test(data.summary.trim()))
    left.push(`the summary is still “${data.summary.trim()}”`);
  if (Array.isArray(data.roles) && data.roles.some((role) => typeof role === 'string' && PLACEHOLDER_ROLE.test(role)))
    left.push('a role is still the placeholder “named in …”');
  if (!content.replace(REVIEW_NOTE, '').trim()) left.push('there is no description');
  return left;
}

const factFields = (kind: EntityKind) => new Set(Object.keys(kindSchema(kind).shape));

/**
 * The entity file a reviewed draft becomes in the kind folder it now sits in: without its review note, and with the
 * facts of the kind it was drafted as dropped when it was moved to another (an organization's `orgType` means
 * nothing for a person); facts the new kind requires are guessed from the name, as for a draft.
 */
export function acceptedFile(draft: string, kind: EntityKind): { text: string; dropped: string[]; guessed: string[] } {
  const parsed = readFrontmatter(draft.replace(/^\uFEFF/, ''));
  const data = { ...parsed.data };
  const fields = factFields(kind);
  const dropped = Object.keys(data).filter((key) => !fields.has(key));
  for (const key of dropped) delete data[key];
  const guessed: string[] = [];
  const name = typeof data.name === 'string' ? data.name : '';
  for (const [key, value] of Object.entries(
    isBuiltInKind(kind) ? guessedFacts({ kind, name, passages: [] }, name) : {},
  )) {
    if (data[key] === undefined) {
      data[key] = value;
      guessed.push(key);
    }
  }
  const body = parsed.body.replace(REVIEW_NOTE, '\n');
  return {
    text: dropped.length || guessed.length ? matter.stringify(body, data) : draft.replace(REVIEW_NOTE, '\n'),
    dropped,
    guessed,
  };
}

/** New forms of existing entities, as a report for the editor: the entity files stay as they are. */
export function aliasReport(suggestions: AliasSuggestion[], article: { title: string; slug: string }): string {
  const lines = [
    `# Suggested aliases from “${article.title}” (${article.slug})`,
    '',
    'Forms the article uses that these entities do not list. Add the right ones to `aliases` (or `weakAliases`) by hand.',
    '',
  ];
  for (const suggestion of suggestions) {
    lines.push(
      `## ${suggestion.entityId}`,
      '',
      ...suggestion.aliases.map((alias) => `- ${alias}`),
      '',
      ...suggestion.passages.slice(0, 3).map((passage) => `${quote(passage)}\n`),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The names too unsure to draft, each with its evidence and confidence: a report, for an editor who disagrees. */
export function unsureReport(entries: { suggestion: Suggestion; articles: ArticleRef[] }[]): string {
  const lines = [
    '# Names too unsure to draft',
    '',
    'Draft one by hand (`review/<kind>/<id>.md`, or straight into `content/entities/`) if it is an entity.',
    '',
  ];
  for (const { suggestion, articles } of entries) {
    lines.push(
      `- **${suggestion.name}** (${suggestion.kind}, confidence ${suggestion.confidence.toFixed(2)}; ${articles.map((article) => article.slug).join(', ')}): ${suggestion.evidence.map((item) => `${item.reason}${item.count > 1 ? ` ×${item.count}` : ''}`).join('; ')}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The facts each kind requires, guessed from the name and the passages so that a draft is a valid entity as it
 * stands; the reviewer corrects them.
 */
export function guessedFacts(
  suggestion: Pick<Suggestion, 'kind' | 'name' | 'passages'>,
  articleTitle: string,
): Record<string, unknown> {
  const { kind, name } = suggestion;
  if (kind === 'organization') {
    const orgType = /\b(?:Alliance|Association|Federation|Consortium)$/.test(name)
      ? 'alliance'
      : /\b(?:Ministry|Administration|Commission|Bureau|Agency|Department|Office|Council|[Gg]overnment)\b/.test(name)
        ? 'government-agency'
        : /\bParty$/.test(name)
          ? 'political-party'
          : /\b(?:Fund|Capital|Quant|Ventures|Partners)$/.test(name)
            ? 'investment-fund'
            : 'company';
    return { orgType };
  }
  if (kind === 'person') return { roles: [roleFromPassages(suggestion) ?? `named in “${articleTitle}”`] };
  if (kind === 'policy') {
    const policyType = /five-year/i.test(name)
      ? 'five-year-plan'
      : /white paper/i.test(name)
        ? 'white-paper'
        : /statement/i.test(name)
          ? 'statement'
          : /designation/i.test(name)
            ? 'designation'
            : /\b(?:Law|Act)$|法$/u.test(name)
              ? 'law'
              : /\b(?:Report)$|报告$/u.test(name)
                ? 'report'
                : /\b(?:Initiative|Belt and Road)\b|倡议$|一带一路/u.test(name)
                  ? 'initiative'
                  : /\b(?:Plan|Program(?:me)?)$|规划$|计划$/u.test(name)
                    ? 'plan'
                    : /\b(?:Guidelines?|Opinions)$|意见$|指引$/u.test(name)
                      ? 'guideline'
                      : 'regulation';
    return { policyType };
  }
  if (kind === 'product') return { productType: /\d/.test(name) ? 'ai-model' : 'software' };
  if (kind === 'place') {
    const placeType = /\b(?:Province|省)$/u.test(name)
      ? 'province'
      : /\b(?:District|区|县)$/u.test(name)
        ? 'district'
        : /\b(?:Region|Valley|自治区)$/u.test(name)
          ? 'region'
          : /(?:市|City)$/u.test(name)
            ? 'city'
            : 'country';
    return { placeType };
  }
  return {};
}

const ROLE =
  /(?:(\p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*)*) )?\b((?:[Cc]o-)?[Ff]ounder|CEO|[Cc]hief executive|[Pp]resident|[Cc]hair(?:man|woman)?|[Hh]ost|[Ee]ditor|[Aa]nalyst|[Ii]nvestor|[Pp]rofessor|[Mm]inister|[Ss]pokesperson)\s*,?\s*$/u;

/** A role stated just before the name: `Baidu founder Robin Li` → `Baidu founder`. */
function roleFromPassages(suggestion: Pick<Suggestion, 'name' | 'passages'>): string | undefined {
  for (const passage of suggestion.passages) {
    const at = passage.indexOf(suggestion.name);
    const match = at > 0 ? ROLE.exec(passage.slice(0, at)) : null;
    if (match) return [match[1], match[2]].filter(Boolean).join(' ');
  }
  return undefined;
}
