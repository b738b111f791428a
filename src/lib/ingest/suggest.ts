/**
 * Entity suggestions for an ingested article: the names it uses that no entity covers yet. Found the way such
 * articles name things: an English name beside its Chinese one (`Robin Li 李彦宏`, `VeriSilicon 芯原股份`), a Chinese
 * term beside an English gloss (`open source 开源`), an acronym defined in passing (`Instruction-set architectures
 * (ISAs)`), capitalised names inside sentences, recurring terms, quoted terms, interview speakers. Names an existing
 * entity already has are not suggested again; new forms of an existing entity are suggested as aliases.
 */
import { pinyin } from 'pinyin-pro';
import type { EntityKind } from '../content-schema.ts';
import { toSimplified, toTraditional } from '../search-terms.ts';

/** One reason a name was suggested, and how many times the article gives it. */
export interface Evidence {
  reason: string;
  count: number;
}

export interface Suggestion {
  id: string;
  kind: SuggestedKind;
  name: string;
  /** Strong forms besides the name, in both scripts where the name is Chinese. */
  aliases: string[];
  /** Short forms (a surname, a speaker label) that count only after a strong form. */
  weakAliases: string[];
  native?: { name: string; script: 'zh-Hans' | 'zh-Hant' };
  /** How sure the suggestion is, 0..1: only confident ones become drafts. */
  confidence: number;
  /** The reasons for it, with counts. */
  evidence: Evidence[];
  /** How the name was found, for the reviewer. */
  reasons: string[];
  /** The paragraphs that name it. */
  passages: string[];
}

export interface AliasSuggestion {
  entityId: string;
  aliases: string[];
  passages: string[];
}

/** What suggestions are checked against: each existing entity's id and every surface form. */
export interface KnownEntity {
  id: string;
  forms: string[];
}

export interface Suggestions {
  /** Confident suggestions: the drafts. */
  entities: (Suggestion & { kind: EntityKind })[];
  /** Confident places, drafted once the schema has the kind. */
  places: Suggestion[];
  unsure: Suggestion[];
  aliases: AliasSuggestion[];
}

/** Kinds a suggestion may have: `place` joins the content's kinds with the schema's sixth kind. */
export type SuggestedKind = EntityKind | 'place';

// ---------------------------------------------------------------------------------------------------------------
// Word lists. Capitalised words that are not entities of any kind Dossier has: sentence openers, nationalities,
// places (the site has no place pages), and generic acronyms.

const COMMON = new Set(
  ('A An The This That These Those It Its It’s In On At Of For From By With Without To As And But Or Nor So Yet If When While Where Why How What Who Which ' +
    'I We You He She They Our Their His Her My Your Not No Yes Still Thanks Today Yesterday Tomorrow Now Then There Here Also Even Just Only Both Each Every ' +
    'Some Many Most More Much Such Other Another Unfortunately Importantly However Meanwhile Moreover Instead Indeed Perhaps Maybe Later Earlier First Second ' +
    'Third Finally Last Next Whether Given Sorry Please Note See I’m Let’s Mr Mrs Ms Dr Sir CEO CTO COO CFO Founder Chairman President Premier Minister Secretary Director Professor ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday').split(' '),
);
const ROLES = new Set('CEO CTO COO CFO Founder founder Chairman chairman President president Premier Minister Secretary Director Professor Dr Mr Mrs Ms Sir'.split(' '));
const DEMONYMS = new Set('Chinese American British European Japanese Indian Korean Russian Taiwanese Western Eastern Asian African French German Canadian Australian Israeli'.split(' '));
const PLACES = new Set(
  ('China,PRC,Beijing,Shanghai,Shenzhen,Hangzhou,Guangzhou,Hong Kong,Taiwan,Taipei,Macau,Jiangsu,Zhejiang,Guangdong,US,U.S.,USA,U.S.A.,United States,' +
    'America,Washington,Silicon Valley,UK,U.K.,Britain,England,Europe,EU,Japan,Tokyo,India,Korea,Seoul,Russia,Moscow,Israel,Canada,Germany,France,' +
    'Asia,Africa,West,East,Global South,North,South,Tiananmen').split(','),
);
const GENERIC_ACRONYMS = new Set('AI AGI API APIs GPU GPUs CPU CPUs MCU MCUs IoT OS RMB USD ID IDs PDF FAQ TV PC LLM LLMs ML IT IP IPO R&D HQ'.split(' '));
/** Places written as acronyms, dropped from the front of a name: `PRC National Cryptography Administration`. */
const PLACE_PREFIXES = new Set('PRC US U.S. USA UK U.K. EU'.split(' '));
/** Words after which `of`/`for` continue a name: `Ministry of Industry`, `Plan for the Development of Software`. */
const NAME_HEADS = /^(?:Ministry|Department|Bureau|Office|Commission|Administration|Council|Committee|Academy|Institute|University|Bank|Association|Alliance|Federation|Society|Party|Plan|Plans|Law|Act|Regulations?|Measures|Development|Outline|Standards?|Center|Centre|School|College|Board|Agency|Court|Congress|Republic|Museum)$/;

const ORGANIZATION_WORDS = /\b(?:Inc|Corp|Corporation|Company|Co|Ltd|Group|Alliance|Association|Administration|Ministry|Commission|Bureau|Council|Agency|Department|Office|Technology|Technologies|Quant|Capital|Labs?|Institute|University|Academy|Party|Bank|Foundation|Fund|Partners|Holdings|Ventures|Society|Federation|Union|Times|News|Post|Journal)$/;
const POLICY_WORDS = /\b(?:Plans?|Law|Act|Regulations?|Measures|Guidelines?|Paper|Statement|Strategy|Directive|Standards?|Rules|Provisions|Opinions|Notice|Outline|Programme|Program)$|Five-Year/i;
const HAN_ORGANIZATION = /(?:公司|集团|科技|股份|联盟|聯盟|协会|協會|部|局|委员会|委員會|银行|銀行|大学|大學|研究院|研究所|基金会|党|黨|政府)$/u;
const HAN_POLICY = /(?:规划|規劃|计划|計劃|条例|條例|办法|辦法|法|意见|意見|白皮书|白皮書|通知|纲要|綱要)$/u;
const SPEECH = /^(?:says|said|explains|explained|puts|put|shared|raises|raised|warned|warns|told|tells|wrote|writes|argues|argued|stated|states|notes|noted|thinks|believes)\b/;

// ---------------------------------------------------------------------------------------------------------------

interface Candidate {
  forms: Map<string, number>;
  han?: string;
  weak: Set<string>;
  reasons: Set<string>;
  passages: Set<number>;
  kindHints: EntityKind[];
}

const normal = (form: string) => form.toLowerCase().replace(/’/g, "'");
const isHan = (text: string) => /^[\p{Script=Han}“”·]+$/u.test(text);

/** Suggests entities for the paragraphs of one article, given the entities that exist. */
export function suggestEntities(paragraphs: string[], known: KnownEntity[] = []): Suggestions {
  const candidates: Candidate[] = [];
  const byForm = new Map<string, Candidate>();
  const text = paragraphs.join('\n');
  const count = (phrase: string) => countPhrase(text, phrase);
  const lowercaseWords = new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]*/gu) ?? []);
  const writtenInLowercase = (word: string) => lowercaseWords.has(word.toLowerCase());

  const add = (forms: string[], reason: string, paragraph: number, kind?: EntityKind, weak: string[] = []) => {
    const clean = forms.map((form) => form.trim()).filter((form) => form.length > 1);
    if (!clean.length) return;
    let candidate = clean.map((form) => byForm.get(normal(form))).find(Boolean);
    if (!candidate) {
      candidate = { forms: new Map(), weak: new Set(), reasons: new Set(), passages: new Set(), kindHints: [] };
      candidates.push(candidate);
    }
    for (const form of clean) {
      if (isHan(form)) candidate.han ??= form;
      candidate.forms.set(form, (candidate.forms.get(form) ?? 0) + 1);
      byForm.set(normal(form), candidate);
    }
    for (const form of weak) candidate.weak.add(form);
    candidate.reasons.add(reason);
    candidate.passages.add(paragraph);
    if (kind) candidate.kindHints.push(kind);
  };

  paragraphs.forEach((paragraph, index) => {
    for (const pair of bilingualPairs(paragraph, count)) add([pair.latin, pair.han], pair.lowercase ? 'a Chinese term beside its English gloss' : 'an English name beside its Chinese one', index, pair.lowercase ? 'concept' : undefined);
    for (const [phrase, acronym] of acronymDefinitions(paragraph)) add([phrase, acronym], 'an acronym defined in passing', index, ORGANIZATION_WORDS.test(phrase) ? 'organization' : 'concept');
    for (const name of capitalisedNames(paragraph, writtenInLowercase)) add([name.text], name.person ? 'a name, used as a person’s' : 'a capitalised name', index, name.person ? 'person' : undefined);
    for (const term of quotedTerms(paragraph)) add([term], 'a quoted term', index, 'concept');
    const speaker = /^\*{0,2}((?:\p{Lu}[\p{L}’'.-]*)(?: \p{Lu}[\p{L}’'.-]*){0,2}):\*{0,2}\s/u.exec(paragraph)?.[1];
    if (speaker && !COMMON.has(speaker)) add([speaker], 'an interview speaker', index, 'person');
  });
  for (const term of recurringTerms(paragraphs)) {
    // `open source models` is a use of `open source`, not a term of its own.
    const spaced = (form: string) => normal(form).replace(/-/g, ' ');
    const overlaps = [...byForm.keys()].map(spaced).some((form) => form.includes(' ') && form !== spaced(term) && (spaced(term).includes(form) || form.includes(spaced(term))));
    if (overlaps) continue;
    paragraphs.forEach((paragraph, index) => {
      if (countPhrase(paragraph, term) > 0) add([term], 'a recurring term', index, 'concept');
    });
  }

  // A word used only inside a longer name (`IQ` in `IQ tax`) is not a name of its own.
  for (const candidate of [...candidates]) {
    if (candidate.forms.size !== 1 || candidate.han) continue;
    const form = [...candidate.forms.keys()][0]!;
    const longer = candidates.filter((other) => other !== candidate && [...other.forms.keys()].some((otherForm) => otherForm !== form && countPhrase(otherForm, form) > 0));
    const inside = longer.reduce((sum, other) => sum + Math.max(...[...other.forms.keys()].filter((otherForm) => countPhrase(otherForm, form) > 0).map((otherForm) => count(otherForm))), 0);
    if (longer.length && inside >= count(form)) {
      for (const passage of candidate.passages) longer[0]!.passages.add(passage);
      candidates.splice(candidates.indexOf(candidate), 1);
    }
  }

  // A single word that is part of a longer name found in the same article is that name's short form.
  const singles = candidates.filter((candidate) => candidate.forms.size === 1 && !candidate.han && !/\s/.test([...candidate.forms.keys()][0]!));
  for (const single of singles) {
    const word = [...single.forms.keys()][0]!;
    const owner = candidates.find((other) => other !== single && [...other.forms.keys()].some((form) => form.split(/\s+/).length > 1 && form.split(/\s+/).includes(word)));
    if (owner?.kindHints.includes('person')) {
      owner.weak.add(word);
      for (const passage of single.passages) owner.passages.add(passage);
      candidates.splice(candidates.indexOf(single), 1);
    }
  }

  const knownByForm = new Map<string, KnownEntity>();
  for (const entity of known) for (const form of entity.forms) knownByForm.set(normal(form), entity);
  const usedIds = new Set(known.map((entity) => entity.id));
  const entities: (Suggestion & { kind: EntityKind })[] = [];
  const aliases = new Map<string, AliasSuggestion>();
  for (const candidate of candidates) {
    const forms = [...candidate.forms.keys()];
    const owner = forms.map((form) => knownByForm.get(normal(form))).find(Boolean);
    if (owner) {
      // Only forms the article uses: the other script of an existing alias is the editor's call.
      const missing = forms.filter((form) => !knownByForm.has(normal(form)));
      if (missing.length) {
        const entry = aliases.get(owner.id) ?? { entityId: owner.id, aliases: [], passages: [] };
        entry.aliases.push(...missing.filter((form) => !entry.aliases.includes(form)));
        entry.passages.push(...[...candidate.passages].map((index) => paragraphs[index]!).filter((passage) => !entry.passages.includes(passage)));
        aliases.set(owner.id, entry);
      }
      continue;
    }
    entities.push(toSuggestion(candidate, paragraphs, usedIds));
  }
  return { entities, places: [], unsure: [], aliases: [...aliases.values()] };
}

function primaryForm(candidate: Candidate): string {
  const latin = [...candidate.forms.entries()].filter(([form]) => !isHan(form));
  if (!latin.length) return candidate.han ?? [...candidate.forms.keys()][0]!;
  // The fullest Latin form, then the most used: `Liang Wenfeng` over `Liang`, `DeepSeek` over `Deepseek`.
  return latin.sort(([a, countA], [b, countB]) => b.split(' ').length - a.split(' ').length || countB - countA || a.localeCompare(b))[0]![0];
}

function toSuggestion(candidate: Candidate, paragraphs: string[], usedIds: Set<string>): Suggestion & { kind: EntityKind } {
  const name = primaryForm(candidate);
  const strong = withOtherScript([...candidate.forms.keys()]).filter((form) => form !== name);
  const native = candidate.han ? { name: candidate.han, script: toSimplified(candidate.han) === candidate.han ? ('zh-Hans' as const) : ('zh-Hant' as const) } : undefined;
  let id = entityId(name);
  for (let n = 2; usedIds.has(id); n++) id = `${entityId(name)}-${n}`;
  usedIds.add(id);
  return {
    id,
    kind: guessKind(name, candidate),
    name,
    aliases: strong,
    weakAliases: [...candidate.weak].filter((form) => form !== name && !strong.includes(form)),
    ...(native && native.name !== name ? { native } : {}),
    confidence: 1,
    evidence: [...candidate.reasons].map((reason) => ({ reason, count: 1 })),
    reasons: [...candidate.reasons],
    passages: [...candidate.passages].sort((a, b) => a - b).map((index) => paragraphs[index]!),
  };
}

/** Every form, plus each Chinese form in the other script (李開復 ⇄ 李开复). */
function withOtherScript(forms: string[]): string[] {
  const all = new Set(forms);
  for (const form of forms) {
    if (!/\p{Script=Han}/u.test(form)) continue;
    all.add(toSimplified(form));
    all.add(toTraditional(form));
  }
  return [...all];
}

function guessKind(name: string, candidate: Candidate): EntityKind {
  const han = candidate.han ?? '';
  if (POLICY_WORDS.test(name) || HAN_POLICY.test(han)) return 'policy';
  if (ORGANIZATION_WORDS.test(name) || HAN_ORGANIZATION.test(han)) return 'organization';
  if (/\d/.test(name) && /\p{Lu}/u.test(name) && !/^\d+$/.test(name) && !ORGANIZATION_WORDS.test(name) && !/\.AI$/.test(name)) return 'product';
  if (candidate.kindHints.includes('person') || (/^[\p{Script=Han}]{2,3}$/u.test(han) && /^\p{Lu}[\p{L}-]+ \p{Lu}[\p{L}-]+$/u.test(name))) return 'person';
  if (candidate.kindHints.includes('concept') || /^\p{Ll}/u.test(name)) return 'concept';
  return 'organization';
}

/** A file name for a name: ASCII words joined by hyphens; Chinese names by their toneless pinyin. */
export function entityId(name: string): string {
  const latin = /\p{Script=Han}/u.test(name) && !/[A-Za-z]/.test(name) ? pinyin(name, { toneType: 'none', type: 'array' }).join(' ') : name;
  const id = latin
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'entity';
}

// ---------------------------------------------------------------------------------------------------------------
// Finders

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Occurrences of a phrase as whole words, in any case, with curly and straight apostrophes alike. */
export function countPhrase(text: string, phrase: string): number {
  const pattern = escapeRegExp(phrase).replace(/[’']/g, "['’]").replace(/\\-|\s+/g, (gap) => (gap === '\\-' ? '[-\\s]' : '[-\\s]+'));
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'))?.length ?? 0;
}

interface Pair {
  latin: string;
  han: string;
  lowercase: boolean;
}

const HAN_TERM = /[“"]?\p{Script=Han}[\p{Script=Han}·]{0,15}[”"]?/gu;
const NAME_TOKEN = /^[\p{Lu}\p{N}][\p{L}\p{N}.*&’'-]*$/u;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'in']);

/** English–Chinese pairs in one paragraph: `Robin Li 李彦宏`, `“Red Flag Linux” 中科红旗`, `open source 开源`, `暗涌Waves`. */
export function bilingualPairs(paragraph: string, count: (phrase: string) => number): Pair[] {
  const pairs: Pair[] = [];
  for (const match of paragraph.matchAll(HAN_TERM)) {
    const term = match[0];
    // Chinese quoted as speech (“对不起,我还没有…”) or running on into a sentence is not a name.
    if (/^[“"]/.test(term) || /^[,，。、:：;；]\s*\p{Script=Han}/u.test(paragraph.slice(match.index + term.length))) continue;
    const han = term.replace(/[“”"]/g, '');
    const before = paragraph.slice(0, match.index).replace(/(?:[’']s)?\s*$/, '');
    const after = paragraph.slice(match.index + term.length);
    const latin = glossBefore(before, count) ?? glossAfter(after);
    if (latin) pairs.push({ latin: latin.text, han, lowercase: latin.lowercase });
  }
  return pairs;
}

function glossAfter(after: string): { text: string; lowercase: boolean } | undefined {
  const inParentheses = /^\s*[(（]([^)）]{2,40})[)）]/.exec(after)?.[1];
  if (inParentheses && /\p{Lu}/u.test(inParentheses)) return { text: inParentheses.trim(), lowercase: false };
  const glued = /^(\p{Lu}[\p{L}\p{N}-]+(?: \p{Lu}[\p{L}\p{N}-]+)*)/u.exec(after)?.[1];
  return glued ? { text: glued, lowercase: false } : undefined;
}

function glossBefore(before: string, count: (phrase: string) => number): { text: string; lowercase: boolean } | undefined {
  if (!before || /\p{Script=Han}$/u.test(before)) return undefined;
  const quoted = /[“‘"]([^“”‘’"]{2,60})[”’"]$/u.exec(before);
  if (quoted) {
    const text = quoted[1]!.replace(/^the\s+/i, '').trim();
    return text.split(/\s+/).length <= 6 ? { text, lowercase: /^\p{Ll}/u.test(text) } : undefined;
  }
  const words = before.split(/\s+/);
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (NAME_TOKEN.test(word) && !/[,.;:]$/.test(word.replace(/\.AI$|\.$/, ''))) name.unshift(word);
    else if (CONNECTORS.has(word) && name.length && i > 0 && NAME_TOKEN.test(words[i - 1]!)) name.unshift(word);
    else break;
    if (/[,;:]$/.test(words[i - 1] ?? '')) break;
  }
  while (name.length && (ROLES.has(name[0]!) || CONNECTORS.has(name[0]!) || COMMON.has(name[0]!))) name.shift();
  if (name.length && /^\p{Lu}/u.test(name.at(-1)!)) return { text: name.join(' '), lowercase: false };

  // A lowercase gloss: the last words before the term, as many as the article keeps using together, or from an
  // acronym inside them (`IQ tax`).
  const tail = (/(?:^|[,.;:!?—()“”"])\s*([^,.;:!?—()“”"]*)$/u.exec(before)?.[1] ?? '').trim().split(/\s+/).filter(Boolean).slice(-4);
  if (!tail.length) return undefined;
  const acronymAt = tail.findIndex((word) => /^\p{Lu}{2,}$/u.test(word));
  if (acronymAt >= 0) return { text: tail.slice(acronymAt).join(' '), lowercase: true };
  let length = 1;
  while (length < tail.length) {
    const shorter = tail.slice(-length).join(' ');
    const longer = tail.slice(-(length + 1)).join(' ');
    if (CONNECTORS.has(tail.at(-(length + 1))!) || count(longer) < 2 || count(longer) < count(shorter) / 2) break;
    length++;
  }
  const text = tail.slice(-length).join(' ');
  return /^\p{Ll}/u.test(text) && !COMMON.has(text) && !STOP.has(text) ? { text, lowercase: true } : undefined;
}

const STOP = new Set('a an the of to in on for and or but is are was be by as at with from that this it its their his her'.split(' '));

/** `Instruction-set architectures (ISAs)`: the words whose initials spell the acronym, and the acronym. */
export function acronymDefinitions(paragraph: string): [string, string][] {
  const found: [string, string][] = [];
  for (const match of paragraph.matchAll(/\(([\p{Lu}]{2,8})(s?)\)/gu)) {
    const letters = match[1]!;
    const words = paragraph.slice(0, match.index).trimEnd().split(/\s+/);
    let initials = '';
    const phrase: string[] = [];
    for (let i = words.length - 1; i >= 0 && initials.length < letters.length; i--) {
      const word = words[i]!.replace(/^[“"(]/, '');
      phrase.unshift(word);
      if (CONNECTORS.has(word)) continue;
      initials = word.split('-').map((part) => part[0]?.toUpperCase() ?? '').join('') + initials;
    }
    if (initials === letters) found.push([phrase.join(' '), `${letters}${match[2]}`]);
  }
  return found;
}

interface Name {
  text: string;
  person: boolean;
}

/**
 * Capitalised names inside sentences: runs of capitalised words (`High-Flyer Quant`, `Ministry of Industry and
 * Information Technology`), ending at a possessive or punctuation. A run that opens a sentence counts only if it is
 * name-shaped (several words, an inner capital, a digit) or a word the article never writes in lowercase (`Baidu
 * founder…`, `Meta makes…`): a capital there may be just the sentence's.
 */
export function capitalisedNames(paragraph: string, writtenInLowercase: (word: string) => boolean = () => false): Name[] {
  const names: Name[] = [];
  for (const sentence of paragraph.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"‘'\d])|\s+[—–]\s+|:\s+/u)) {
    const tokens = sentence.split(/\s+/).filter(Boolean);
    let run: string[] = [];
    let runStart = 0;
    const flush = (end: number) => {
      // A quotation opens a sentence too, unless it quotes just this word (`under 'Xi' these days`).
      const quoteOpens = /^[“"‘']/.test(tokens[runStart] ?? '') && !/[”"’']$/.test(tokens[runStart] ?? '');
      const initial = runStart === 0 || quoteOpens;
      while (run.length && CONNECTORS.has(run.at(-1)!)) run.pop();
      while (run.length && (ROLES.has(run[0]!) || COMMON.has(run[0]!) || DEMONYMS.has(run[0]!) || PLACE_PREFIXES.has(run[0]!) || GENERIC_ACRONYMS.has(run[0]!) || CONNECTORS.has(run[0]!))) {
        run.shift();
        runStart++;
      }
      const text = run.join(' ');
      const notAName = !run.length || run.every((word) => PLACES.has(word) || DEMONYMS.has(word) || GENERIC_ACRONYMS.has(word)) || PLACES.has(text) || /^[\d.,–-]+$/.test(text) || /^\d+(?:s|th|st|nd|rd)?$/.test(text);
      if (!notAName) {
        const nameShaped = run.length > 1 || /\p{Ll}\p{Lu}|\d|^\p{Lu}{2,}|\p{Lu}.*-\p{Lu}/u.test(text);
        if (!initial || nameShaped || (run.length === 1 && looksLikeNameOpening(text, tokens.slice(end), writtenInLowercase))) {
          const next = tokens[end] ?? '';
          const previous = tokens[runStart - 1] ?? '';
          const personShaped = run.length <= 3 && run.every((word) => /^\p{Lu}[\p{Ll}-]+$/u.test(word));
          const person = personShaped && (SPEECH.test(next) || (run.length >= 2 && (ROLES.has(previous) || /[’']s$/.test(previous) || /^(?:from|of)$/.test(next))));
          names.push({ text, person });
        }
      }
      run = [];
    };
    tokens.forEach((raw, index) => {
      const word = raw
        .replace(/^[“"‘'(]+/, '')
        .replace(/[”"’'),;:!?…]+$/, '')
        .replace(/\.$/, (dot) => (/^(?:\p{Lu}\.)+$/u.test(raw.replace(/[”"’'),;:!?…]+$/, '')) ? dot : ''));
      const possessive = /[’']s$/.test(raw.replace(/[”"),;:!?….]+$/, ''));
      const bare = possessive ? word.replace(/[’']s$/, '') : word;
      const opens = /^[“"‘'(]/.test(raw);
      const closes = possessive || /[”"’'),;:!?…]$/.test(raw) || (/\.$/.test(raw) && !/^(?:\p{Lu}\.)+$/u.test(bare));
      if (opens && run.length) {
        flush(index);
        runStart = index;
      }
      if (!run.length) runStart = index;
      const head = run.some((w) => NAME_HEADS.test(w));
      const previous = run.at(-1);
      if (NAME_TOKEN.test(bare) && /\p{L}/u.test(bare)) run.push(bare);
      else if (run.length && head && (bare === 'of' || bare === 'for') && !CONNECTORS.has(previous!)) run.push(bare);
      else if (run.length && bare === 'the' && (previous === 'of' || previous === 'for')) run.push(bare);
      else if (run.length && bare === 'and' && run.some((w) => w === 'of' || w === 'for') && !CONNECTORS.has(previous!)) run.push(bare);
      else {
        flush(index);
        runStart = index + 1;
        return;
      }
      if (closes) {
        flush(index + 1);
        runStart = index + 1;
      }
    });
    flush(tokens.length);
  }
  return names;
}

/**
 * Whether a capitalised word opening a sentence is a name: the article never writes it in lowercase, it is no
 * contraction or compound adjective (`They’d`, `Top-level`), and no preposition follows it (`Proponents of`,
 * `Subscribe to`), unless it is one of several names (`Intel and ARM`).
 */
function looksLikeNameOpening(word: string, rest: string[], writtenInLowercase: (word: string) => boolean): boolean {
  if (writtenInLowercase(word) || /[’'](?:d|re|ve|ll|m|t)$/.test(word) || /-\p{Ll}/u.test(word)) return false;
  const next = rest[0]?.toLowerCase() ?? '';
  if (/^(?:and|or),?$/.test(next)) return /^\p{Lu}/u.test(rest[1] ?? '');
  return !FUNCTION_WORDS.has(next.replace(/[,.;:]$/, ''));
}

const FUNCTION_WORDS = new Set('of in on at to for from with by as about into over under it its this that these those such the a an and or but if whether than so not no'.split(' '));

/** Short quoted terms (`‘commoditize your complement’`, `"unipolar AI dominance"`): two to four words, no sentence. */
export function quotedTerms(paragraph: string): string[] {
  const terms: string[] = [];
  for (const match of paragraph.matchAll(/[“‘"]([^“”‘’"]{3,60})[”’"]/gu)) {
    const term = match[1]!.trim();
    const words = term.split(/\s+/);
    if (words.length < 2 || words.length > 4 || /[,.;:!?]/.test(term) || !/^\p{Ll}/u.test(term) || STOP.has(words[0]!)) continue;
    terms.push(term);
  }
  return terms;
}

/**
 * Lowercase two- and three-word terms the article keeps using (`closed source`, `export controls`, `Chinese
 * government`): three times or more, or twice when once with `the`, as a term a text introduces and then refers
 * back to (`a white paper … the white paper`). Hyphenated and spaced forms and plurals count as one term.
 */
export function recurringTerms(paragraphs: string[]): string[] {
  const uses = new Map<string, { count: number; definite: boolean; surfaces: Map<string, number> }>();
  for (const paragraph of paragraphs) {
    for (const clause of paragraph.split(/[,.;:!?—()“”"‘’[\]]+|\s[-–]\s/u)) {
      // Hyphenated words count word by word (`closed-source` is `closed source`); each keeps its separator.
      const pieces = [...clause.trim().matchAll(/([\s-]*)([^\s-]+)/g)].map((match) => ({ gap: match[1]!.includes('-') ? '-' : ' ', word: match[2]! }));
      const words = pieces.map((piece) => piece.word);
      for (let n = 2; n <= 3; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const gram = words.slice(i, i + n);
          const termLike = gram.every((word, at) => /^\p{Ll}{2,}$/u.test(word) || (at === 0 && DEMONYMS.has(word)));
          const partOfWord = pieces[i]!.gap === '-' && i > 0 ? true : pieces[i + n]?.gap === '-';
          if (!termLike || partOfWord || gram.some((word) => STOP.has(word) || COMMON_LOWER.has(word)) || ADJECTIVE_TAILS.test(gram.at(-1)!)) continue;
          const surface = pieces.slice(i, i + n).map((piece, at) => (at ? piece.gap : '') + piece.word).join('');
          const key = surface.toLowerCase().replace(/-/g, ' ').replace(/s$/, '');
          const entry = uses.get(key) ?? { count: 0, definite: false, surfaces: new Map() };
          entry.count++;
          entry.definite ||= words[i - 1]?.toLowerCase() === 'the';
          entry.surfaces.set(surface, (entry.surfaces.get(surface) ?? 0) + 1);
          uses.set(key, entry);
        }
      }
    }
  }
  const frequent = [...uses].filter(([, use]) => use.count >= 3 || (use.count >= 2 && use.definite));
  // A longer term used as often as a shorter one inside it stands for both.
  return frequent
    .filter(([key, use]) => !frequent.some(([other, otherUse]) => other !== key && other.includes(key) && otherUse.count >= use.count))
    .map(([, use]) => [...use.surfaces].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]![0]);
}

/** Second halves of compound adjectives (`near-term`, `top-level`): modifiers, not terms. */
const ADJECTIVE_TAILS = /^(?:term|level|based|driven|effective|known|scale|free|wide|like|related|oriented|making)$/;

const COMMON_LOWER = new Set(
  'is are was were be been being has have had do does did can could would should will may might must not no more most less very so too also just only even such other many much some any all each every than then there here which who whom what when where why how i we you he she they it our their his her my your its this that these those new own same said says make makes made take takes get gets one two three'.split(
    ' ',
  ),
);
