/**
 * An archive at once: the suggestions of many articles merged into one draft per entity, ranked by how many
 * articles name it, and the new forms of existing entities reported once.
 */
import type { AliasSuggestion, Suggestion, Suggestions } from './suggest.ts';

export interface ArticleRef {
  title: string;
  slug: string;
}

export interface ArchiveSuggestion {
  suggestion: Suggestion;
  /** The articles naming it, in the order they were ingested. */
  articles: ArticleRef[];
}

const key = (form: string) =>
  form
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[\s-]+/g, ' ')
    .trim();

/** One suggestion per entity across the articles: two suggestions sharing any form are the same entity. */
export function mergeSuggestions(perArticle: { article: ArticleRef; suggestions: Suggestions }[]): {
  entities: ArchiveSuggestion[];
  aliases: AliasSuggestion[];
} {
  const merged: ArchiveSuggestion[] = [];
  const byForm = new Map<string, ArchiveSuggestion>();
  const aliases = new Map<string, AliasSuggestion>();
  for (const { article, suggestions } of perArticle) {
    for (const suggestion of suggestions.entities) {
      const forms = [suggestion.name, ...suggestion.aliases, ...(suggestion.native ? [suggestion.native.name] : [])];
      const existing = forms.map((form) => byForm.get(key(form))).find(Boolean);
      if (!existing) {
        const entry = {
          suggestion: {
            ...suggestion,
            aliases: [...suggestion.aliases],
            weakAliases: [...suggestion.weakAliases],
            reasons: [...suggestion.reasons],
            passages: [...suggestion.passages],
          },
          articles: [article],
        };
        merged.push(entry);
        for (const form of forms) byForm.set(key(form), entry);
        continue;
      }
      const into = existing.suggestion;
      if (!existing.articles.some((known) => known.slug === article.slug)) existing.articles.push(article);
      for (const form of forms) {
        if (form !== into.name && !into.aliases.includes(form) && form !== into.native?.name) into.aliases.push(form);
        byForm.set(key(form), existing);
      }
      for (const weak of suggestion.weakAliases) if (!into.weakAliases.includes(weak)) into.weakAliases.push(weak);
      for (const reason of suggestion.reasons) if (!into.reasons.includes(reason)) into.reasons.push(reason);
      into.passages.push(...suggestion.passages.filter((passage) => !into.passages.includes(passage)));
      if (!into.native && suggestion.native) into.native = suggestion.native;
    }
    for (const suggestion of suggestions.aliases) {
      const entry = aliases.get(suggestion.entityId) ?? { entityId: suggestion.entityId, aliases: [], passages: [] };
      entry.aliases.push(...suggestion.aliases.filter((alias) => !entry.aliases.includes(alias)));
      entry.passages.push(...suggestion.passages.filter((passage) => !entry.passages.includes(passage)));
      aliases.set(suggestion.entityId, entry);
    }
  }
  // Most articles first; then most passages; then by name, so runs are repeatable.
  merged.sort(
    (a, b) =>
      b.articles.length - a.articles.length ||
      b.suggestion.passages.length - a.suggestion.passages.length ||
      a.suggestion.name.localeCompare(b.suggestion.name),
  );
  // Each article chose its ids alone: two entities of two articles may have picked the same one.
  const ids = new Set<string>();
  for (const { suggestion } of merged) {
    const base = suggestion.id;
    for (let n = 2; ids.has(suggestion.id); n++) suggestion.id = `${base}-${n}`;
    ids.add(suggestion.id);
  }
  return { entities: merged, aliases: [...aliases.values()] };
}
