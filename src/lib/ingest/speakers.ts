/**
 * Who a quote is by, from the lead-in that introduces it: "Baidu founder Robin Li 李彦宏 put it bluntly:" is Robin
 * Li's, "which Kevin Xu from Interconnected explains well:" is Kevin Xu's, "See a viral post by an engineer…:" is a
 * described source with no page. Only the lead-in's last sentence counts, and only an entity that could speak
 * (a person, an organization, a policy document's statement) and is named as the subject: not as a role's employer
 * (`Baidu founder`), an affiliation (`from Interconnected`), or an object (`with Miles Brundage`, `on DeepSeek`).
 * Anything less than one such entity is left unattributed, and said so.
 */
import { kindInfo, type EntityKind } from '../content/kinds.ts';

export interface SpeakerEntity {
  id: string;
  kind: EntityKind;
  /** Every form that names it alone; a weak one counts only after a strong one introduced it. */
  forms: { text: string; ignoreCase: boolean; weak?: boolean }[];
}

export type Attribution = { by: string; evidence: string } | { source: string; evidence: string } | { unsure: string };

/** Words are someone's who says things, or come from a work (a statement, a report), which is cited. */
const canBeQuoted = (kind: EntityKind) => kindInfo(kind).speaks || kindInfo(kind).work;
/** A role after a name makes the name an employer: `Baidu founder Robin Li`. */
const ROLE_AFTER =
  /^[\s,]*(?:co-?founder|founder|ceo|chief|chair(?:man|woman)?|president|head|director|spokes(?:person|man|woman)|analyst|engineer|researcher|professor|minister|official|executive|employee|staff|team|创始人|总裁|董事长)\b/iu;
/** A preposition before a name makes it an affiliation or an object, not the one speaking. */
const OBJECT_BEFORE = /\b(?:from|of|at|with|on|about|to|against|for|refuting|like|than|in)\s*$/i;
/** A described source: `a viral post by an engineer`, `one official's comment`. */
const DESCRIBED_SOURCE =
  /\b((?:a|an|one)\s+(?:[\p{L}-]+\s+){0,3}?(?:post|essay|letter|tweet|thread|note|message|comment|memo|statement|speech|interview)\s+(?:by|from)\s+(?:an?|one|some)\s+[\p{L}-]+(?:\s+(?![\p{L}-]+(?:ing|ed)\b)(?!(?:who|that|which|on|in|at|of|and|about)\b)[\p{L}-]+)?)/iu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lead-in's last sentence (the one ending in the colon). */
function lastSentence(text: string): string {
  const starts = [...text.matchAll(/[.!?。！？][”’"]?\s+(?=\S)/gu)].map((match) => match.index + match[0].length);
  return text.slice(Math.max(0, ...starts.filter((at) => at < text.length - 1)));
}

export function attributeQuote(leadIn: string, speakers: SpeakerEntity[]): Attribution {
  const sentence = lastSentence(leadIn.trim());
  const described = DESCRIBED_SOURCE.exec(sentence);
  if (described) return { source: described[1]!, evidence: `the lead-in describes its source: “${described[1]}”` };

  // Every mention of a speaking entity in the sentence, longest form first where two overlap.
  const mentions: { id: string; form: string; start: number; end: number }[] = [];
  for (const speaker of speakers) {
    if (!canBeQuoted(speaker.kind)) continue;
    for (const form of speaker.forms) {
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(form.text)}(?![\\p{L}\\p{N}])`,
        form.ignoreCase ? 'giu' : 'gu',
      );
      for (const match of sentence.matchAll(pattern))
        mentions.push({ id: speaker.id, form: form.text, start: match.index, end: match.index + match[0].length });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = mentions.filter(
    (mention, at) =>
      !mentions.some(
        (other, j) =>
          j !== at &&
          other.start <= mention.start &&
          other.end >= mention.end &&
          other.end - other.start > mention.end - mention.start,
      ),
  );
  const subjects = kept.filter(
    (mention) =>
      !ROLE_AFTER.test(
        sentence
          .slice(mention.end)
          .replace(/^[’']s\b/, '')
          .replace(/^\s*\p{Script=Han}+/u, ''),
      ) && !OBJECT_BEFORE.test(sentence.slice(0, mention.start)),
  );
  const ids = [...new Set(subjects.map((mention) => mention.id))];
  if (ids.length === 1) {
    const mention = subjects[0]!;
    return { by: ids[0]!, evidence: `the lead-in names “${mention.form}” as the one speaking` };
  }
  if (ids.length > 1)
    return {
      unsure: `the lead-in names ${ids.map((id) => `“${subjects.find((mention) => mention.id === id)!.form}”`).join(' and ')}: which one is speaking? Left unattributed`,
    };
  const name =
    /(?:^|\s)(\p{Lu}[\p{L}’'-]+(?:\s\p{Lu}[\p{L}’'-]+){0,2})(?:\s+\p{Script=Han}{2,4})?\s+(?:put|puts|says|said|explains?|explained|wrote|writes|told|tells|argues?|argued|warned|warns|stated|states|noted|notes|added|adds|recalled|posted|tweeted)\b/u.exec(
      sentence,
    )?.[1];
  if (name)
    return {
      unsure: `the lead-in reads as “${name}” speaking, who has no entity yet: once there is one, attribute the quote with <Quote by="…">`,
    };
  return { unsure: 'the lead-in names no one speaking: left unattributed' };
}

/**
 * Speakers the article calls only by a short form it never introduces (`Waves:` with no `Waves (暗涌)` before, a
 * quote after "Jordan puts it this way:"): the entities to declare in the article's `entities`, so their turns and
 * mentions are theirs. `labels` are interview labels, `quoted` the ids quotes were attributed to. A label that is a
 * strong form, or an entity the article names in full somewhere, needs nothing.
 */
export function undeclaredSpeakers(
  labels: string[],
  quoted: string[],
  text: string,
  speakers: SpeakerEntity[],
): { id: string; label: string }[] {
  const introduced = (speaker: SpeakerEntity) =>
    speaker.forms.some(
      (form) =>
        !form.weak &&
        new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(form.text)}(?![\\p{L}\\p{N}])`,
          form.ignoreCase ? 'iu' : 'u',
        ).test(text),
    );
  const found = new Map<string, string>();
  for (const label of new Set(labels)) {
    if (speakers.some((speaker) => speaker.forms.some((form) => !form.weak && form.text === label))) continue;
    const owners = speakers.filter((speaker) => speaker.forms.some((form) => form.weak && form.text === label));
    if (owners.length === 1 && !introduced(owners[0]!)) found.set(owners[0]!.id, label);
  }
  for (const id of new Set(quoted)) {
    const speaker = speakers.find((candidate) => candidate.id === id);
    if (speaker && !introduced(speaker) && !found.has(id))
      found.set(id, speaker.forms.find((form) => form.weak)?.text ?? id);
  }
  return [...found].map(([id, label]) => ({ id, label }));
}
