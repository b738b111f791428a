/**
 * Draft entity files: what `npm run ingest` suggests, written for review outside `content/entities/`, and what
 * `--accept` makes of a reviewed draft. A draft is a valid entity file plus a review note, which accepting removes.
 */
import matter from 'gray-matter';
import type { AliasSuggestion, Suggestion } from './suggest.ts';

const REVIEW_NOTE = /\n*<!-- review\n[\s\S]*?\n-->\n*/;

const quote = (passage: string) => passage.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n');
/** HTML comments end at `--`, so passages quoted inside one must not contain it. */
const commentSafe = (text: string) => text.replace(/--/g, '–');

export function draftFile(suggestion: Suggestion, article: { title: string; slug: string }): string {
  const data: Record<string, unknown> = {
    name: suggestion.name,
    summary: `Named in “${article.title}”.`,
  };
  if (suggestion.aliases.length) data.aliases = suggestion.aliases;
  if (suggestion.weakAliases.length) data.weakAliases = suggestion.weakAliases;
  if (suggestion.native) data.native = suggestion.native;
  Object.assign(data, guessedFacts(suggestion, article.title));
  const note = [
    '<!-- review',
    `Found in ${article.slug} as ${suggestion.reasons.join('; ')}.`,
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

/** The entity file a reviewed draft becomes: the draft without its review note. */
export function acceptedFile(draft: string): string {
  return draft.replace(REVIEW_NOTE, '\n');
}

/** New forms of existing entities, as a report for the editor: the entity files stay as they are. */
export function aliasReport(suggestions: AliasSuggestion[], article: { title: string; slug: string }): string {
  const lines = [`# Suggested aliases from “${article.title}” (${article.slug})`, '', 'Forms the article uses that these entities do not list. Add the right ones to `aliases` (or `weakAliases`) by hand.', ''];
  for (const suggestion of suggestions) {
    lines.push(`## ${suggestion.entityId}`, '', ...suggestion.aliases.map((alias) => `- ${alias}`), '', ...suggestion.passages.slice(0, 3).map((passage) => `${quote(passage)}\n`));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The facts each kind requires, guessed from the name and the passages so that a draft is a valid entity as it
 * stands; the reviewer corrects them.
 */
export function guessedFacts(suggestion: Suggestion, articleTitle: string): Record<string, unknown> {
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
    const policyType = /five-year/i.test(name) ? 'five-year-plan' : /white paper/i.test(name) ? 'white-paper' : /statement/i.test(name) ? 'statement' : /designation/i.test(name) ? 'designation' : 'regulation';
    return { policyType };
  }
  if (kind === 'product') return { productType: /\d/.test(name) ? 'ai-model' : 'software' };
  return {};
}

const ROLE = /(?:(\p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*)*) )?\b((?:[Cc]o-)?[Ff]ounder|CEO|[Cc]hief executive|[Pp]resident|[Cc]hair(?:man|woman)?|[Hh]ost|[Ee]ditor|[Aa]nalyst|[Ii]nvestor|[Pp]rofessor|[Mm]inister|[Ss]pokesperson)\s*,?\s*$/u;

/** A role stated just before the name: `Baidu founder Robin Li` → `Baidu founder`. */
function roleFromPassages(suggestion: Suggestion): string | undefined {
  for (const passage of suggestion.passages) {
    const at = passage.indexOf(suggestion.name);
    const match = at > 0 ? ROLE.exec(passage.slice(0, at)) : null;
    if (match) return [match[1], match[2]].filter(Boolean).join(' ');
  }
  return undefined;
}
