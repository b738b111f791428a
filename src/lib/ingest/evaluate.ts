/**
 * How far an editor can trust the entity suggestions: one article's suggestions scored against the entities a
 * person labelled in it (a truth file), and the scores of many articles summed. Pure functions; `npm run
 * ingest:eval` runs the ingest over a folder and prints them.
 */
import { z } from 'zod';
import { builtInKinds } from '../content/kinds.ts';
import type { AliasSuggestion, Suggestion } from './suggest.ts';

export const truthEntitySchema = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(builtInKinds),
  /** Every surface form the article uses, in every script. */
  forms: z.array(z.string().min(1)).min(1),
  /** Central to the article even if named once (the subject of a section, a speaker). */
  central: z.literal(true).optional(),
  /** How often the article names it, roughly. */
  mentions: z.number().int().min(1),
});
export type TruthEntity = z.infer<typeof truthEntitySchema>;

/** The truth file: article file name → the entities an editor would want a page for. */
export const truthFileSchema = z.record(z.string().min(1), z.array(truthEntitySchema));
export type TruthFile = z.infer<typeof truthFileSchema>;

/** One form as compared: NFC, any case, spaces, hyphens and apostrophes aside. */
export function comparable(form: string): string {
  return form
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[\s\-‐‑‒–—_]+/gu, '');
}

const hasHan = (form: string) => /\p{Script=Han}/u.test(form);
const hasLatin = (form: string) => /[A-Za-z]/.test(form);

/** An entity is worth finding when the article names it twice or more, or it is central to it. */
export const isTarget = (entity: TruthEntity) => entity.mentions >= 2 || entity.central === true;

export interface ArticleScore {
  drafts: number;
  /** Drafts naming a truth entity. */
  realDrafts: number;
  targets: number;
  /** Targets named by a draft or an alias suggestion, or already in the content. */
  targetsFound: number;
  /** Real drafts whose kind is the truth's. */
  kindRight: number;
  /** Truth entities with a Latin and a Han form that a draft names. */
  pairable: number;
  /** Of those, the drafts that carry both scripts. */
  paired: number;
  /** Second drafts of one truth entity, and drafts of an entity the content has under another form. */
  duplicates: number;
  /** What was missed, for `--verbose`: targets not found, drafts naming nothing, kinds and pairs wrong. */
  misses: { missed: string[]; notEntities: string[]; wrongKind: string[]; unpaired: string[]; duplicated: string[] };
}

const suggestionForms = (suggestion: Suggestion) => [
  suggestion.name,
  ...suggestion.aliases,
  ...(suggestion.native ? [suggestion.native.name] : []),
];

/**
 * Scores one article. `known` are the forms of the entities the content already has; a draft of a truth entity
 * whose forms include one of them is a duplicate (Zhipu drafted beside the existing Zhipu AI).
 */
export function scoreArticle(
  truth: TruthEntity[],
  drafts: Suggestion[],
  aliases: AliasSuggestion[] = [],
  known: string[] = [],
): ArticleScore {
  const byForm = new Map<string, TruthEntity>();
  for (const entity of truth)
    for (const form of [entity.name, ...entity.forms])
      if (!byForm.has(comparable(form))) byForm.set(comparable(form), entity);
  const knownForms = new Set(known.map(comparable));
  const inContent = (entity: TruthEntity) => entity.forms.some((form) => knownForms.has(comparable(form)));
  /** The truth entity a list of forms names: its first form that names one (the suggestion's name comes first). */
  const entityOf = (forms: string[]) => forms.map((form) => byForm.get(comparable(form))).find(Boolean);

  const score: ArticleScore = {
    drafts: drafts.length,
    realDrafts: 0,
    targets: 0,
    targetsFound: 0,
    kindRight: 0,
    pairable: 0,
    paired: 0,
    duplicates: 0,
    misses: { missed: [], notEntities: [], wrongKind: [], unpaired: [], duplicated: [] },
  };
  const drafted = new Map<TruthEntity, Suggestion[]>();
  for (const draft of drafts) {
    const entity = entityOf(suggestionForms(draft));
    if (!entity) {
      score.misses.notEntities.push(draft.name);
      continue;
    }
    score.realDrafts++;
    if (draft.kind === entity.kind) score.kindRight++;
    else score.misses.wrongKind.push(`${draft.name} (${draft.kind}, not ${entity.kind})`);
    drafted.set(entity, [...(drafted.get(entity) ?? []), draft]);
  }
  for (const [entity, its] of drafted) {
    const extra = its.length - 1 + (inContent(entity) ? 1 : 0);
    if (extra > 0) {
      score.duplicates += extra;
      score.misses.duplicated.push(
        `${entity.name}: ${its.map((draft) => draft.name).join(', ')}${inContent(entity) ? ' (in the content already)' : ''}`,
      );
    }
    if (entity.forms.some(hasHan) && entity.forms.some(hasLatin)) {
      score.pairable++;
      const forms = its.flatMap(suggestionForms);
      if (forms.some(hasHan) && forms.some(hasLatin)) score.paired++;
      else score.misses.unpaired.push(`${entity.name} (${forms.join(' · ')})`);
    }
  }
  const aliased = new Set(
    aliases.flatMap((suggestion) => suggestion.aliases).map((form) => byForm.get(comparable(form))),
  );
  for (const entity of truth.filter(isTarget)) {
    score.targets++;
    if (drafted.has(entity) || aliased.has(entity) || inContent(entity)) score.targetsFound++;
    else score.misses.missed.push(entity.name);
  }
  return score;
}

export interface Totals {
  articles: number;
  crashes: number;
  drafts: number;
  precision: number;
  recall: number;
  kindAccuracy: number;
  pairing: number;
  duplicates: number;
}

const ratio = (part: number, whole: number) => (whole ? part / whole : 1);

/**
 * The figures of one article, or of many summed (micro-averaged: every draft and every target weighs the same). An
 * article that crashed is scored with no suggestions, so its targets count as missed.
 */
export function figures(scores: ArticleScore[], crashes = 0): Totals {
  const sum = (field: keyof Omit<ArticleScore, 'misses'>) => scores.reduce((total, score) => total + score[field], 0);
  return {
    articles: scores.length,
    crashes,
    drafts: sum('drafts'),
    precision: ratio(sum('realDrafts'), sum('drafts')),
    recall: ratio(sum('targetsFound'), sum('targets')),
    kindAccuracy: ratio(sum('kindRight'), sum('realDrafts')),
    pairing: ratio(sum('paired'), sum('pairable')),
    duplicates: sum('duplicates'),
  };
}

/** The targets the figures are measured against. */
export const TARGETS = { precision: 0.8, recall: 0.75, kindAccuracy: 0.8, pairing: 1, duplicates: 0 } as const;
