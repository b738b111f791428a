/**
 * Entity suggestions for an ingested article: the names it uses that no entity covers yet. Found the way such
 * articles name things: an English name beside its Chinese one (`Robin Li 李彦宏`, `VeriSilicon 芯原股份`), a Chinese
 * term beside an English gloss (`open source 开源`), an acronym defined in passing (`Instruction-set architectures
 * (ISAs)`), capitalised names inside sentences, recurring terms, quoted terms, interview speakers. Names an existing
 * entity already has are not suggested again; new forms of an existing entity are suggested as aliases.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import nlp from 'compromise';
import { TABLE_CELLS } from './shape.ts';
import { slugOf } from './slug.ts';
import type { BuiltInKind } from '../content/content-schema.ts';
import { toSimplified, toTraditional } from '../search/search-terms.ts';

/** One reason a name was suggested, and how many times the article gives it. */
export interface Evidence {
  reason: string;
  count: number;
}

export interface Suggestion {
  id: string;
  kind: BuiltInKind;
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
  entities: Suggestion[];
  /** Suggestions below `DRAFT_CONFIDENCE`: listed for the editor, not drafted. */
  unsure: Suggestion[];
  aliases: AliasSuggestion[];
}

// ---------------------------------------------------------------------------------------------------------------
// Word lists. Capitalised words that are not entities of any kind Dossier has (sentence openers, nationalities,
// generic acronyms), and the places named most often, which a capitalised run may also be.

const COMMON = new Set(
  (
    'A An The This That These Those It Its It’s In On At Of For From By With Without To As And But Or Nor So Yet If When While Where Why How What Who Which ' +
    'I We You He She They Our Their His Her My Your Not No Yes Still Thanks Today Yesterday Tomorrow Now Then There Here Also Even Just Only Both Each Every ' +
    'Some Many Most More Much Such Other Another Unfortunately Importantly However Meanwhile Moreover Instead Indeed Perhaps Maybe Later Earlier First Second ' +
    'Third Finally Last Next Whether Given Sorry Please Note See I’m Let’s Mr Mrs Ms Dr Sir CEO CTO COO CFO Founder Chairman President Premier Minister Secretary Director Professor ' +
    'Well Like Okay Oh Sure Again Update Updated Efforts ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
  ).split(' '),
);
const ROLES = new Set(
  'CEO CTO COO CFO Founder founder Chairman chairman President president Premier Minister Secretary Director Professor Dr Mr Mrs Ms Sir'.split(
    ' ',
  ),
);
const DEMONYMS = new Set(
  'Chinese American British European Japanese Indian Korean Russian Taiwanese Western Eastern Asian African French German Canadian Australian Israeli'.split(
    ' ',
  ),
);
const PLACES = new Set(
  (
    'China,PRC,Beijing,Shanghai,Shenzhen,Hangzhou,Guangzhou,Hong Kong,Taiwan,Taipei,Macau,Jiangsu,Zhejiang,Guangdong,US,U.S.,USA,U.S.A.,United States,' +
    'America,Washington,Silicon Valley,UK,U.K.,Britain,England,Europe,EU,Japan,Tokyo,India,Korea,Seoul,Russia,Moscow,Israel,Canada,Germany,France,' +
    'Asia,Africa,West,East,Global South,North,South,Tiananmen'
  ).split(','),
);
const GENERIC_ACRONYMS = new Set(
  'AI AGI API APIs GPU GPUs CPU CPUs MCU MCUs IoT OS RMB USD ID IDs PDF FAQ TV PC LLM LLMs ML IT IP IPO R&D HQ'.split(
    ' ',
  ),
);
/** Places written as acronyms, dropped from the front of a name: `PRC National Cryptography Administration`. */
const PLACE_PREFIXES = new Set('PRC US U.S. USA UK U.K. EU'.split(' '));
/** Words after which `of`/`for` continue a name: `Ministry of Industry`, `Plan for the Development of Software`. */
const NAME_HEADS =
  /^(?:Ministry|Department|Bureau|Office|Commission|Administration|Council|Committee|Academy|Institute|University|Bank|Association|Alliance|Federation|Society|Party|Plan|Plans|Law|Act|Regulations?|Measures|Development|Outline|Standards?|Center|Centre|School|College|Board|Agency|Court|Congress|Republic|Museum)$/;

const ORGANIZATION_WORDS =
  /\b(?:Inc|Corp|Corporation|Company|Co|Ltd|Group|Alliance|Association|Administration|Ministry|Commission|Bureau|Council|Agency|Department|Office|Technology|Technologies|Quant|Capital|Labs?|Institute|University|Academy|Party|Bank|Foundation|Fund|Partners|Holdings|Ventures|Society|Federation|Union|Times|News|Post|Journal)$/;
/** Words that head an organization's name wherever they stand: `Communist Party of China`, `Academy of …`. */
const ORGANIZATION_HEADS =
  /\b(?:Party|Ministry|Academy|Institute|University|Commission|Administration|Bureau|Agency|Council|Laboratory)\b/;
const POLICY_WORDS =
  /\b(?:Plans?|Law|Act|Regulations?|Measures|Guidelines?|Paper|Statement|Strategy|Directive|Standards?|Rules|Provisions|Opinions|Notice|Outline|Programme|Program)$|Five-Year/i;
const HAN_ORGANIZATION =
  /(?:公司|集团|科技|股份|联盟|聯盟|协会|協會|部|局|委员会|委員會|银行|銀行|大学|大學|研究院|研究所|基金会|党|黨|政府)$/u;
const HAN_POLICY = /(?:规划|規劃|计划|計劃|条例|條例|办法|辦法|法|意见|意見|白皮书|白皮書|通知|纲要|綱要)$/u;
const SPEECH =
  /^(?:says|said|explains|explained|puts|put|shared|raises|raised|warned|warns|told|tells|wrote|writes|argues|argued|stated|states|notes|noted|thinks|believes)\b/;

// ---------------------------------------------------------------------------------------------------------------

/** Suggestions at least this sure become drafts; the rest are listed in the report only. */
export const DRAFT_CONFIDENCE = 0.5;

interface Candidate {
  forms: Map<string, number>;
  han?: string;
  weak: Set<string>;
  /** Reason → how many times the article gives it. */
  evidence: Map<string, number>;
  passages: Set<number>;
  kindHints: BuiltInKind[];
  /** The kind the article says the name is, in passing (`a startup named …`, `… is an open-source community`). */
  defined?: BuiltInKind;
}

/** Text with no letter or digit in it. */
const NOT_A_NAME = /^[\p{P}\p{S}\s]+$/u;
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

  const add = (
    forms: string[],
    reasons: string | string[],
    paragraph: number,
    kind?: BuiltInKind,
    weak: string[] = [],
  ) => {
    const clean = forms.map((form) => form.trim()).filter((form) => form.length > 1 && !NOT_A_NAME.test(form));
    if (!clean.length) return;
    let candidate = clean.map((form) => byForm.get(normal(form))).find(Boolean);
    if (!candidate) {
      candidate = { forms: new Map(), weak: new Set(), evidence: new Map(), passages: new Set(), kindHints: [] };
      candidates.push(candidate);
    }
    for (const form of clean) {
      if (isHan(form)) candidate.han ??= form;
      candidate.forms.set(form, (candidate.forms.get(form) ?? 0) + 1);
      byForm.set(normal(form), candidate);
    }
    for (const form of weak) candidate.weak.add(form);
    for (const reason of [reasons].flat()) candidate.evidence.set(reason, (candidate.evidence.get(reason) ?? 0) + 1);
    candidate.passages.add(paragraph);
    if (kind) candidate.kindHints.push(kind);
  };

  paragraphs.forEach((paragraph, index) => {
    // A table row gives its pairs only: a table of figures or languages is no list of names to draft.
    if (paragraph.includes(TABLE_CELLS)) {
      for (const pair of tablePairs(paragraph.split(TABLE_CELLS), count))
        add([pair.latin, pair.han], REASON.pair, index, pair.person ? 'person' : undefined);
      return;
    }
    for (const pair of bilingualPairs(paragraph, count))
      add(
        [pair.latin, pair.han],
        pair.lowercase ? REASON.gloss : REASON.pair,
        index,
        pair.person ? 'person' : pair.lowercase ? 'concept' : undefined,
      );
    for (const [phrase, acronym] of acronymDefinitions(paragraph))
      add([phrase, acronym], REASON.acronym, index, ORGANIZATION_HEADS.test(phrase) ? 'organization' : 'concept');
    for (const name of capitalisedNames(paragraph, writtenInLowercase)) {
      // Chinese prose capitalises English words at will (`Dense 模型`, `Agent 能力`): there a capital proves little.
      const reason = name.person
        ? REASON.person
        : (name.initial || chineseProse(paragraph)) && !name.shaped
          ? REASON.opening
          : REASON.capitalised;
      add([name.text], name.shaped ? [reason, REASON.shaped] : reason, index, name.person ? 'person' : undefined);
    }
    // `Zhipu / Z.AI` over `z.ai | 🤗 zai-org`: the section's subject, by both its names; whoever has a site and
    // accounts of its own publishes, an organization.
    if (isLabelLine(paragraph) && LINK_LINE.test(paragraphs[index + 1] ?? '')) {
      // `Qwen` over `Tongyi Qianwen, the primary AI lab within …`: a section that opens by defining a name defines
      // its subject by another name.
      const opening = new RegExp(
        `^(\\p{Lu}[\\p{L}\\p{N}.-]*(?: \\p{Lu}[\\p{L}\\p{N}.-]*)*), (?:an?|the) (?:[\\p{L}-]+ ){0,3}(?:${ORGANIZATION_TYPES})\\b`,
        'u',
      ).exec(paragraphs[index + 2] ?? '');
      add(
        [...paragraph.replace(/\s*\(.*\)$/, '').split(/\s+\/\s+/), ...(opening ? [opening[1]!] : [])],
        REASON.sectionSubject,
        index,
        'organization',
      );
    }
    // Single quotes mark a term as a term (‘commoditize your complement’); double quotes also scare and cite.
    // A name inside the quoted words (`"unipolar AI dominance"`) makes them a term more than a scare quote.
    for (const term of quotedTerms(paragraph))
      add(
        [term],
        [
          REASON.quoted,
          ...(paragraph.includes(`‘${term}’`) ? [REASON.termQuoted] : []),
          ...(/\s\p{Lu}/u.test(term) ? [REASON.shaped] : []),
        ],
        index,
        'concept',
      );
    const speaker = speakerOf(paragraph);
    // A speaker takes turns: a label used once is a paper's title or a definition (`Thinking Mode: …`).
    if (speaker && !COMMON.has(speaker) && paragraphs.filter((other) => speakerOf(other) === speaker).length >= 2)
      add([speaker], REASON.speaker, index, 'person');
    for (const name of chineseNames(paragraph)) add([name.text], name.reason, index, name.kind);
    // `AGI-Next 前沿峰会`, `Qwen 团队`: an English name heading a Chinese one, which is its full native name.
    for (const match of paragraph.matchAll(
      /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}.-]*(?: \p{Lu}[\p{L}\p{N}.-]*)*) ?(\p{Script=Han}{0,6}(?:峰会|大会|论坛|实验室|研究院|公司|集团|联盟|团队))/gu,
    )) {
      add(
        [match[1]!, `${match[1]} ${match[2]}`.replace(/ (?=\p{Script=Han})/u, match[0].includes(' ') ? ' ' : '')],
        REASON.pair,
        index,
        /峰会|大会|论坛/u.test(match[2]!) ? 'concept' : 'organization',
      );
    }
  });
  for (const term of recurringTerms(paragraphs)) {
    // `open source models` is a use of `open source`, not a term of its own.
    const spaced = (form: string) => normal(form).replace(/-/g, ' ');
    const overlaps = [...byForm.keys()]
      .map(spaced)
      .some(
        (form) =>
          form.includes(' ') && form !== spaced(term) && (spaced(term).includes(form) || form.includes(spaced(term))),
      );
    if (overlaps) continue;
    // `the engineering state`: a term the article refers back to as a known thing.
    // `a (since-deleted) white paper … the white paper asserts`: introduced, then referred back to.
    const definite = new RegExp(
      `\\b(?:a|an)\\b(?: \\([^)]*\\))? ${escapeRegExp(term)}\\b[\\s\\S]*\\bthe ${escapeRegExp(term)}`,
      'iu',
    ).test(text)
      ? 2
      : new RegExp(`\\bthe ${escapeRegExp(term)}`, 'iu').test(text)
        ? 1
        : 0;
    paragraphs.forEach((paragraph, index) => {
      if (countPhrase(paragraph, term) > 0)
        add(
          [term],
          [REASON.recurring, ...(definite ? [REASON.definite] : []), ...(definite > 1 ? [REASON.introduced] : [])],
          index,
          'concept',
        );
    });
  }

  // A word used only inside a longer name (`IQ` in `IQ tax`, `李開` in `李開復`) is not a name of its own.
  const uses = (phrase: string) => (isHan(phrase) ? text.split(phrase).length - 1 : count(phrase));
  const within = (long: string, short: string) =>
    isHan(short) ? long !== short && long.includes(short) : countPhrase(long, short) > 0;
  for (const candidate of [...candidates]) {
    if (candidate.forms.size !== 1) continue;
    const form = [...candidate.forms.keys()][0]!;
    if (candidate.han && !isHan(form)) continue;
    const longer = candidates.filter(
      (other) =>
        other !== candidate &&
        [...other.forms.keys()].some((otherForm) => otherForm !== form && within(otherForm, form)),
    );
    const inside = longer.reduce(
      (sum, other) =>
        sum + Math.max(...[...other.forms.keys()].filter((otherForm) => within(otherForm, form)).map(uses)),
      0,
    );
    if (longer.length && inside >= uses(form)) {
      for (const passage of candidate.passages) longer[0]!.passages.add(passage);
      candidates.splice(candidates.indexOf(candidate), 1);
    }
  }

  const tags = nameTags(text);
  const definedNames = definitions(text);
  for (const candidate of candidates) {
    const kind = tagOf(candidate, tags, writtenInLowercase);
    const form = [...candidate.forms.keys()][0]!;
    const defined = [...candidate.forms.keys()].map((candidateForm) => definedNames.get(candidateForm)).find(Boolean);
    if (defined) {
      candidate.evidence.set(REASON.defined, 1);
      candidate.defined = defined;
    }
    // compromise reads many a name as a place (`Ferrari building autos`): a place is where something is.
    if (kind === 'place' && !PLACES.has(form) && !locative(text, [...candidate.forms.keys()])) continue;
    if (candidate.evidence.has(REASON.opening) && candidate.forms.size === 1 && tags.nouns.has(form))
      candidate.evidence.set(REASON.nounOpening, candidate.evidence.get(REASON.opening)!);
    if (kind) {
      candidate.kindHints.push(kind);
      candidate.evidence.set(REASON.tagged[kind], 1);
    }
  }
  mergeShortForms(candidates);

  // `HighFlyer` is the existing `High-Flyer`: forms compared without their spaces and hyphens.
  const knownKey = (form: string) => normal(form).replace(/[\s-]+/g, '');
  const knownByForm = new Map<string, KnownEntity>();
  for (const entity of known) for (const form of entity.forms) knownByForm.set(knownKey(form), entity);
  const usedIds = new Set(known.map((entity) => entity.id));
  const kinds = kindsOf(candidates, text, writtenInLowercase);
  const result: Suggestions = { entities: [], unsure: [], aliases: [] };
  const aliases = new Map<string, AliasSuggestion>();
  for (const candidate of candidates) {
    const forms = [...candidate.forms.keys()];
    // `Zhipu` is the existing `Zhipu AI`: a form inside a known name, or a known name inside it, word for word.
    const owner = forms.map((form) => knownByForm.get(knownKey(form)) ?? knownOwnerOf(form, known)).find(Boolean);
    if (owner) {
      // Only forms the article uses: the other script of an existing alias is the editor's call.
      const missing = forms.filter((form) => !known.some((entity) => entity.forms.includes(form)));
      if (missing.length) {
        const entry = aliases.get(owner.id) ?? { entityId: owner.id, aliases: [], passages: [] };
        entry.aliases.push(...missing.filter((form) => !entry.aliases.includes(form)));
        entry.passages.push(
          ...[...candidate.passages]
            .map((index) => paragraphs[index]!)
            .filter((passage) => !entry.passages.includes(passage)),
        );
        aliases.set(owner.id, entry);
      }
      continue;
    }
    const suggestion = toSuggestion(candidate, kinds.get(candidate)!, paragraphs, usedIds, text);
    (suggestion.confidence < DRAFT_CONFIDENCE ? result.unsure : result.entities).push(suggestion);
  }
  result.aliases = [...aliases.values()];
  return result;
}

const speakerOf = (paragraph: string) =>
  /^\*{0,2}((?:\p{Lu}[\p{L}’'.-]*)(?: \p{Lu}[\p{L}’'.-]*){0,2}):\*{0,2}\s/u.exec(paragraph)?.[1];

/** A line of a site's or a lab's links: `deepseek.com | 🤗 deepseek-ai | X @DeepSeek_AI`. */
const LINK_LINE = /🤗|^(?:[\w-]+\.)+(?:com|ai|cn|org|io|net)\b.*\|/u;

/** Why a name was suggested, as the reviewer reads it. */
const REASON = {
  pair: 'an English name beside its Chinese one',
  gloss: 'a Chinese term beside its English gloss',
  acronym: 'an acronym defined in passing',
  person: 'a name, used as a person’s',
  capitalised: 'a capitalised name inside a sentence',
  opening: 'a capitalised word opening a sentence',
  nounOpening: 'a proper noun by its grammar, opening a sentence',
  defined: 'defined in passing (a company named …, … a model)',
  definite: 'a term referred back to with “the”',
  introduced: 'a term introduced with “a”, then referred back to',
  shaped: 'shaped like a name (an inner capital, a digit, several capitalised words)',
  sectionSubject: 'a heading over its own links',
  quoted: 'a quoted term',
  termQuoted: 'a term in single quotes',
  speaker: 'an interview speaker',
  recurring: 'a recurring term',
  titled: 'a Chinese name with a title or a speech verb',
  chineseName: 'a Chinese name the dictionary does not know, used again',
  chineseTagged: 'a Chinese name by its part of speech',
  tagged: {
    person: 'a person’s name by its grammar',
    organization: 'an organization’s name by its grammar',
    place: 'a place name by its grammar',
    policy: 'a policy',
    concept: 'a concept',
    product: 'a product',
  } satisfies Record<BuiltInKind, string>,
} as const;

/** How much each reason counts toward confidence, for one use; uses add up, reasons combine. */
const WEIGHT: Record<string, number> = {
  [REASON.pair]: 0.7,
  [REASON.gloss]: 0.6,
  [REASON.acronym]: 0.6,
  [REASON.person]: 0.5,
  [REASON.speaker]: 0.6,
  [REASON.capitalised]: 0.5,
  [REASON.opening]: 0.1,
  [REASON.nounOpening]: 0.5,
  [REASON.defined]: 0.45,
  [REASON.definite]: 0.2,
  [REASON.introduced]: 0.3,
  [REASON.shaped]: 0.3,
  [REASON.sectionSubject]: 0.6,
  [REASON.quoted]: 0.35,
  [REASON.termQuoted]: 0.25,
  [REASON.recurring]: 0.15,
  [REASON.titled]: 0.55,
  [REASON.chineseName]: 0.12,
  [REASON.chineseTagged]: 0.3,
  [REASON.tagged.person]: 0.3,
  [REASON.tagged.organization]: 0.3,
  [REASON.tagged.place]: 0.35,
};

/**
 * Confidence from the evidence: each use of each reason is a chance the name is real, combined as independent
 * chances; then evidence against it (a number with a unit, a contraction, a word seen only opening sentences or
 * only in short label lines) takes its share away.
 */
function confidenceOf(
  candidate: Candidate,
  name: string,
  paragraphs: string[],
  text: string,
): { confidence: number; against: string[] } {
  let doubt = 1;
  for (const [reason, uses] of candidate.evidence) doubt *= (1 - (WEIGHT[reason] ?? 0.1)) ** Math.min(uses, 8);
  let confidence = 1 - doubt;
  const against: string[] = [];
  const forms = [...candidate.forms.keys()];
  const uses = Math.max(...forms.map((form) => (isHan(form) ? text.split(form).length - 1 : countPhrase(text, form))));
  const strong = [REASON.pair, REASON.gloss, REASON.acronym, REASON.speaker, REASON.titled, REASON.sectionSubject].some(
    (reason) => candidate.evidence.has(reason),
  );
  const latin = forms.filter((form) => !isHan(form));
  if (forms.every((form) => UNIT.test(form))) against.push('a number with a unit');
  if (forms.every((form) => CONTRACTION.test(form))) against.push('a contraction');
  if (latin.length && latin.every((form) => GENERIC_ACRONYMS.has(form) || FILE_FORMATS.test(form)))
    against.push('a generic acronym');
  if (
    !strong &&
    forms.every((form) => /^\p{Lu}{2,5}s?$/u.test(form)) &&
    uses < 2 &&
    !candidate.kindHints.includes('organization')
  ) {
    against.push('an acronym used once, never defined');
    confidence *= 0.5;
  }
  if (!strong && uses < 2 && forms.every((form) => form.length <= 2 && text.includes(`(${form})`))) {
    against.push('a label in parentheses');
    confidence *= 0.5;
  }
  if (
    !strong &&
    uses < 2 &&
    !candidate.evidence.has(REASON.capitalised) &&
    !candidate.evidence.has(REASON.person) &&
    !candidate.evidence.has(REASON.nounOpening) &&
    candidate.evidence.has(REASON.opening)
  ) {
    against.push('seen only opening sentences');
    confidence *= 0.3;
  }
  const inProse = [...candidate.passages].some((index) => !isLabelLine(paragraphs[index]!));
  if (!strong && !inProse) {
    against.push('seen only in headings and label lines');
    confidence *= 0.4;
  }
  // A lowercase phrase found only by recurring is most often just a phrase (`stock prices`, `long run`).
  const lowercase = forms.every((form) => /^\p{Ll}/u.test(form));
  if (
    lowercase &&
    [...candidate.evidence.keys()].every((reason) => reason === REASON.recurring || reason === REASON.definite) &&
    uses < 4
  ) {
    against.push('a lowercase phrase that only recurs');
    confidence *= 0.5;
  }
  if (lowercase && forms.every((form) => ORDINARY_PHRASE.test(form))) against.push('an ordinary phrase');
  // `over 50k Hopper GPUs`: an amount, however it starts.
  if (latin.length && latin.every((form) => /\d+(?:[.,]\d+)?\s?[kKMBTx%]\b/u.test(form) && /^\p{Ll}/u.test(form)))
    against.push('a number with a unit');
  // A photo credit or licence line names its photographer, not the article's subject.
  if ([...candidate.passages].every((index) => CREDIT_LINE.test(paragraphs[index]!)) && !strong) {
    against.push('named only in a credit line');
    confidence *= 0.2;
  }
  if (latin.length && latin.every((form) => /^(?:[IVXLC]+|\d+D)$/.test(form))) against.push('a numeral');
  if (
    against.some(
      (reason) =>
        reason === 'a number with a unit' ||
        reason === 'a contraction' ||
        reason === 'a generic acronym' ||
        reason === 'an ordinary phrase' ||
        reason === 'a numeral',
    )
  )
    confidence = 0;
  if (/\p{Script=Han}/u.test(name) && /[，。、；：！？,;:!?（）()]/u.test(name)) {
    against.push('a phrase, not a name');
    confidence = 0;
  }
  return { confidence: Math.round(confidence * 100) / 100, against };
}

/** `2x`, `50k`, `671B`, `15.5T`, `4K`, `$5M`, `7nm`: amounts, not names. */
/** An amount at the end of a name: `7B`, `1.5T`. */
const AMOUNT = /^\d+(?:\.\d+)?(?:[KMBT]|nm|GB|TB|MB)$/;
/** Ordinary English phrases, however often used: a comparison, a superlative, or a trailing preposition. */
const ORDINARY_PHRASE =
  /^(?:(?:big|bigger|biggest|great|greater|greatest|good|better|best|long|longer|longest|large|larger|largest|small|smaller|smallest|high|higher|highest|low|lower|lowest|whole|real|huge|major|main|key|same|next|last|first)\s.+|.+\s(?:into|onto|from|with|about|over|under|out|up|down|off))$/;
/** A caption's credit or a licence (`Photo by …`, `CC BY-SA 2.0`). */
const CREDIT_LINE =
  /(?:^|[.(]\s*)(?:Photo|Image|Picture|Illustration|Credit|Source)s?(?:\s+[\p{L}-]+){0,3}\s*(?:by|:)\s+\p{Lu}|\bCC[- ]BY\b|©/u;
const UNIT = /^[$¥€]?\d+(?:[.,]\d+)*\s*(?:[xkKMBTG%]|nm|GB|MB|kB|ms|B\b)?$/u;
const CONTRACTION = /^\p{L}+[’'](?:ll|m|ve|re|d|t|s)$/iu;
const FILE_FORMATS =
  /^(?:HTML|TXT|PDF|CSV|JSON|XML|YAML|TOML|MD|MDX|PNG|JPE?G|GIF|SVG|ZIP|APP|APK|EXE|URL|URLs|CLI|UI|UX|QR|OCR|VLMs?|GGUF)$/;

/** A heading, a byline, a date line, a button, a paper's title: a short or title-case line without a sentence's end. */
function isLabelLine(paragraph: string): boolean {
  const words = paragraph.trim().split(/\s+/);
  const hanLength = (paragraph.match(/\p{Script=Han}/gu) ?? []).length;
  const sentence = /[.!?。！？]["”’)]?$/u.test(paragraph.trim());
  const long = words.filter((word) => /^\p{L}{4,}/u.test(word));
  const titleCase = long.length >= 3 && long.filter((word) => /^\p{Lu}/u.test(word)).length >= long.length * 0.7;
  return (!sentence && ((words.length <= 8 && hanLength <= 12) || titleCase)) || LINK_LINE.test(paragraph);
}

/**
 * Folds short forms into the name they shorten, so one entity gets one draft: `Moonshot` into `Moonshot AI`, `K2`
 * into `Kimi K2`, `R1-0528` into `R1`, `Qwen3-30B-A3B-Base` into `Qwen3-30B-A3B`, a surname into a person's name
 * (as a weak alias), `俊旸` into `林俊旸`.
 */
function mergeShortForms(candidates: Candidate[]) {
  // One name written two ways: `Qwen 3` / `Qwen3`, `GLM 4.5` / `GLM-4.5`, `city brain` / `city brains`.
  const key = (form: string) =>
    normal(form)
      .replace(/[\s-]+/g, '')
      .replace(/s$/, '');
  for (const candidate of [...candidates]) {
    const keys = new Set([...candidate.forms.keys()].map(key));
    const same = candidates.find(
      (other) =>
        other !== candidate &&
        candidates.indexOf(other) < candidates.indexOf(candidate) &&
        [...other.forms.keys()].some((form) => keys.has(key(form))),
    );
    if (same) foldInto(same, candidate, candidates);
  }
  // One place by its usual names (`US`, `U.S.`, `America`), one Chinese name and its short form (`阿里` / `阿里巴巴`,
  // `清华` / `清华大学`: two characters more at most, so `北京` stays apart from `北京通州站`).
  const samePlace = (a: string, b: string) => PLACE_NAMES.some((names) => names.has(a) && names.has(b));
  const shortHan = (short: string, long: string) =>
    isHan(short) &&
    isHan(long) &&
    short.length >= 2 &&
    long.startsWith(short) &&
    long.length - short.length <= 2 &&
    long !== short;
  for (const short of [...candidates]) {
    if (!candidates.includes(short)) continue;
    const owner = candidates.find(
      (other) =>
        other !== short &&
        [...other.forms.keys()].some((long) =>
          [...short.forms.keys()].some((form) => samePlace(form, long) || shortHan(form, long)),
        ),
    );
    if (owner) foldInto(owner, short, candidates);
  }
  // A company's name without its suffix, whatever other forms it has (`Zhipu`, `Z.AI` / `Zhipu AI`).
  for (const short of [...candidates]) {
    const owner = candidates.find(
      (other) =>
        other !== short &&
        [...other.forms.keys()].some((long) =>
          [...short.forms.keys()].some(
            (form) =>
              long.startsWith(`${form} `) &&
              long
                .slice(form.length + 1)
                .split(/\s+/)
                .every((word) => COMPANY_SUFFIX.test(word)),
          ),
        ),
    );
    if (owner && candidates.includes(short)) foldInto(owner, short, candidates);
  }
  const single = (candidate: Candidate) => (candidate.forms.size === 1 ? [...candidate.forms.keys()][0]! : undefined);
  for (const short of [...candidates]) {
    const form = single(short);
    if (!form || !candidates.includes(short)) continue;
    const words = form.split(/\s+/);
    let weak = false;
    const owner = candidates.find((other) => {
      if (other === short) return false;
      return [...other.forms.keys()].some((long) => {
        const longWords = long.split(/\s+/);
        if (isHan(form) && isHan(long)) {
          weak = long.endsWith(form) && other.kindHints.includes('person');
          return weak;
        }
        // A person's first name or surname: a weak alias.
        if (
          words.length === 1 &&
          longWords.length > 1 &&
          longWords.includes(form) &&
          other.kindHints.includes('person')
        )
          return (weak = true);
        // A name and its company suffix (`Moonshot` / `Moonshot AI`).
        if (
          longWords.length > words.length &&
          long.startsWith(`${form} `) &&
          longWords.slice(words.length).every((word) => COMPANY_SUFFIX.test(word))
        )
          return true;
        // A version without its brand (`K2` / `Kimi K2`, `V3` / `DeepSeek V3`, `GLM-4.5` / `Zhipu GLM 4.5`).
        if (
          words.length === 1 &&
          /\d/.test(form) &&
          longWords.length > 1 &&
          key(longWords.slice(1).join(' ')) === key(form)
        )
          return true;
        // Or behind its maker's one-word name (`R1` / `DeepSeek-R1`, `4o` / `GPT-4o`, `Mate 60 Pro` / `Huawei Mate 60 Pro`).
        if (
          /\d/.test(form) &&
          (long.endsWith(`-${form}`) || long.endsWith(` ${form}`)) &&
          /^\p{Lu}\p{L}*$/u.test(long.slice(0, long.length - form.length - 1))
        )
          return true;
        // A build of a version (`R1-0528`, `Qwen3-30B-A3B-Base`): the version's own.
        return new RegExp(`^${escapeRegExp(long)}-(?:\\d{4}|Base|Instruct|MoE)$`).test(form);
      });
    });
    if (!owner) continue;
    if (weak) {
      owner.weak.add(form);
      short.forms.clear();
    }
    foldInto(owner, short, candidates);
  }
}

/** Moves one candidate's forms, passages and evidence into another, and drops it. */
function foldInto(owner: Candidate, other: Candidate, candidates: Candidate[]) {
  for (const [form, uses] of other.forms) owner.forms.set(form, (owner.forms.get(form) ?? 0) + uses);
  if (other.han) owner.han ??= other.han;
  for (const form of other.weak) owner.weak.add(form);
  for (const passage of other.passages) owner.passages.add(passage);
  for (const [reason, uses] of other.evidence) owner.evidence.set(reason, (owner.evidence.get(reason) ?? 0) + uses);
  owner.kindHints.push(...other.kindHints);
  if (other.defined) owner.defined ??= other.defined;
  candidates.splice(candidates.indexOf(other), 1);
}

/** The usual names of places often named more than one way. */
const PLACE_NAMES = [
  new Set(['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'America', '美国']),
  new Set(['UK', 'U.K.', 'United Kingdom', 'Britain']),
  new Set(['PRC', 'China', '中国']),
];

const COMPANY_SUFFIX = /^(?:AI|Labs?|Inc\.?|Corp\.?|Ltd\.?|Group|Technologies|Technology|Tech)$/;

/** An existing entity one of whose forms this one shortens or lengthens by whole words (`Zhipu` / `Zhipu AI`). */
function knownOwnerOf(form: string, known: KnownEntity[]): KnownEntity | undefined {
  if (isHan(form) || form.length < 4) return undefined;
  const lengthens = (long: string, short: string) =>
    long.startsWith(`${short} `) &&
    long
      .slice(short.length + 1)
      .split(/\s+/)
      .every((word) => COMPANY_SUFFIX.test(word));
  return known.find((entity) => entity.forms.some((other) => lengthens(other, form) || lengthens(form, other)));
}

function primaryForm(candidate: Candidate): string {
  const latin = [...candidate.forms.entries()].filter(([form]) => !isHan(form));
  if (!latin.length) return candidate.han ?? [...candidate.forms.keys()][0]!;
  // The fullest Latin form, then the most used: `Liang Wenfeng` over `Liang`, `DeepSeek` over `Deepseek`.
  return latin.sort(
    ([a, countA], [b, countB]) => b.split(' ').length - a.split(' ').length || countB - countA || a.localeCompare(b),
  )[0]![0];
}

function toSuggestion(
  candidate: Candidate,
  kind: BuiltInKind,
  paragraphs: string[],
  usedIds: Set<string>,
  text: string,
): Suggestion {
  const name = primaryForm(candidate);
  const strong = withOtherScript([...candidate.forms.keys()]).filter((form) => form !== name);
  const native = candidate.han
    ? {
        name: candidate.han,
        script: toSimplified(candidate.han) === candidate.han ? ('zh-Hans' as const) : ('zh-Hant' as const),
      }
    : undefined;
  let id = entityId(name);
  for (let n = 2; usedIds.has(id); n++) id = `${entityId(name)}-${n}`;
  usedIds.add(id);
  const { confidence, against } = confidenceOf(candidate, name, paragraphs, text);
  const evidence = [...candidate.evidence].map(([reason, count]) => ({ reason, count }));
  return {
    id,
    kind,
    name,
    aliases: strong,
    weakAliases: [...candidate.weak].filter((form) => form !== name && !strong.includes(form)),
    ...(native && native.name !== name ? { native } : {}),
    confidence,
    evidence: [...evidence, ...against.map((reason) => ({ reason: `against: ${reason}`, count: 1 }))],
    reasons: evidence.map(({ reason }) => reason),
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

/** A version written into a name: `Qwen3`, `DeepSeek-V3`, `GPT-4o`, `K2`, `H800`, `Grok 4`. */
const VERSIONED = /^(?=.*\p{L})(?=.*\d)[\p{L}\d]+(?:[-. ][\p{L}\d.]+)*$/u;

/** Words that follow a product's name (`the Qwen3 models`, `the Alipay app`) or an organization's. */
const PRODUCT_NOUNS =
  /^(?:models?|series|apps?|project|projects|application|platform|chatbot|framework|library|tool|tools|database|browser|chips?|GPUs?|phone|release|releases|API|weights|checkpoints?|benchmark|version|update)$/i;
const ORGANIZATION_NOUNS =
  /^(?:team|teams|lab|labs|engineers|researchers|employees|staff|CEO|founder|founders|announced|released|launched|hired|claimed|said|says|built|trained|raised|invested|acquired|open-sourced)$/;

const ORGANIZATION_TYPES =
  'compan(?:y|ies)|firms?|startups?|start-ups?|labs?|laborator(?:y|ies)|universit(?:y|ies)|agenc(?:y|ies)|ministr(?:y|ies)|organi[sz]ations?|conglomerates?|makers?|investors?|providers?|communit(?:y|ies)|arms?|divisions?|spin-?offs?|subsidiar(?:y|ies)|publishers?|newsletters?';
const PRODUCT_TYPES =
  'models?|apps?|app|chatbots?|chips?|projects?|tools?|librar(?:y|ies)|frameworks?|platforms?|phones?|optimizers?|benchmarks?|products?|languages?';

/**
 * What the article says names are, in passing: `a Chinese startup named Moonshot AI`, `Intel and ARM, American and
 * British companies`, `an open-source project called Towhee`, `Kimi K2, an open model`. One pass over the text.
 */
function definitions(text: string): Map<string, BuiltInKind> {
  const found = new Map<string, BuiltInKind>();
  const name = `(\\p{Lu}[\\p{L}\\p{N}.-]*(?: \\p{Lu}[\\p{L}\\p{N}.-]*)*)`;
  for (const [kind, types] of [
    ['organization', ORGANIZATION_TYPES],
    ['product', PRODUCT_TYPES],
  ] as const) {
    const named = new RegExp(`\\b(?:${types}) (?:named|called) ${name}`, 'gu');
    // The words between are adjectives (`American and British`), not a clause (`Alibaba, mostly releasing … models`).
    const apposition = new RegExp(
      `${name}, (?:(?:an?|the|one of the) )?(?:(?![\\p{L}-]*(?:ing|ly|ed) )[\\p{L}-]+ ){0,3}(?:${types})\\b`,
      'gu',
    );
    // `OpenBMB is an open-source community`, `Seed is the R&D arm of ByteDance`.
    const copula = new RegExp(
      `${name} (?:is|was) (?:an?|the|one of the) (?:(?![\\p{L}-]*(?:ing|ly|ed) )[\\p{L}&-]+ ){0,3}(?:${types})\\b`,
      'gu',
    );
    for (const match of [...text.matchAll(named), ...text.matchAll(apposition), ...text.matchAll(copula)])
      if (!found.has(match[1]!)) found.set(match[1]!, kind);
    // `tools such as Ollama, LMStudio, MLX, and llama.cpp`, `organizations such as KFC, Walmart, etc.`
    const listed = new RegExp(
      `\\b(?:${types}) (?:like|such as|including) ((?:[\\p{L}\\p{N}.-]+(?: [\\p{Lu}\\d][\\p{L}\\p{N}.-]*)*(?:[’']s)?(?:, (?:and |or )?| (?:and|or) ))*[\\p{L}\\p{N}.-]+(?: [\\p{Lu}\\d][\\p{L}\\p{N}.-]*)*(?:[’']s)?)`,
      'gu',
    );
    for (const match of text.matchAll(listed)) {
      // `a model like OpenAI’s o1`: the maker is not the model.
      for (const listed of match[1]!.split(/,? (?:and|or) |, /)) {
        // A list ends with its sentence: `frameworks like SGLang and vLLM. For …`.
        const item = listed.split(/\.(?:\s|$)/)[0]!;
        if (/^\p{Lu}|^\p{Ll}+\p{Lu}/u.test(item) && !/[’']s$/u.test(item) && !found.has(item)) found.set(item, kind);
      }
    }
  }
  // `The “MoE” in DeepSeekMoE refers to “mixture of experts”`: a name spelled out in common words is a term.
  for (const match of text.matchAll(
    new RegExp(
      `[“"‘]?${name}[”"’]?(?: in [\\p{L}\\p{N}-]+)? (?:refers to|stands for|is short for) [“"‘]?\\p{Ll}`,
      'gu',
    ),
  ))
    if (!found.has(match[1]!)) found.set(match[1]!, 'concept');
  return found;
}

/** Whether a name is used as a place somewhere: `in Jiangxi`, `from Shanghai`, `the rest of China`. */
function locative(text: string, forms: string[], prepositions = `${WHERE}|within|of`): boolean {
  return forms.some((form) =>
    new RegExp(`\\b(?:${prepositions}) (?:the )?${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u').test(text),
  );
}

/** Prepositions of where something is, as said of a place and seldom of a company. */
const WHERE = 'in|from|to|across|throughout|near|outside|visited';

/**
 * Words after a name that say it is a term, not a thing: `the Apache 2.0 license`, `DUV lithography`. Not
 * `architecture`: a maker's architecture is the maker's (`DeepSeek architecture`).
 */
const CONCEPT_NOUNS =
  /^(?:license|licence|licensing|lithography|paradigm|technique|techniques|approach|method|principle|theory|doctrine)$/i;

/**
 * How the words around a name's uses read it: as a product, an organization, a place or a term, or undefined when
 * none is read more often than the others. A possessive or a bare `is`/`has` after a name is said of places and
 * things too, so it counts half.
 */
function readingOf(text: string, forms: string[]): Exclude<BuiltInKind, 'person' | 'policy'> | undefined {
  const tally = new Map<Exclude<BuiltInKind, 'person' | 'policy'>, number>();
  const vote = (kind: Exclude<BuiltInKind, 'person' | 'policy'>, weight = 1) =>
    tally.set(kind, (tally.get(kind) ?? 0) + weight);
  for (const form of forms) {
    if (isHan(form)) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(\\S*)\\s*${escapeRegExp(form)}([’']s)?(?![\\p{L}\\p{N}-])\\s*(\\S*)`,
      'gu',
    );
    for (const match of text.matchAll(pattern)) {
      const before = match[1]!.toLowerCase();
      const after = match[3]!.replace(/[^\p{L}-]/gu, '');
      // `in Qwen Chat` is a use of a longer name.
      if (!match[2] && /^\p{Lu}/u.test(match[3]!) && !PRODUCT_NOUNS.test(after) && !ORGANIZATION_NOUNS.test(after))
        continue;
      if (PRODUCT_NOUNS.test(after) || /^(?:use|using|uses|run|running|via|try|on)$/.test(before)) vote('product');
      if (ORGANIZATION_NOUNS.test(after) || /^(?:by|at|joined)$/.test(before)) vote('organization');
      else if (match[2] || /^(?:is|was|has|have)$/.test(after)) vote('organization', 0.5);
      if (!match[2] && CONCEPT_NOUNS.test(after)) vote('concept');
      if (/^(?:in|across|throughout|near|outside|visited|around)$/.test(before)) vote('place');
    }
  }
  const ranked = [...tally].sort(([, a], [, b]) => b - a);
  return ranked[0] && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : undefined;
}

/** A candidate's kind from its own name and the words around its uses; undefined when nothing says. */
function guessKind(
  name: string,
  candidate: Candidate,
  text: string,
  writtenInLowercase: (word: string) => boolean,
): BuiltInKind | undefined {
  const han = candidate.han ?? '';
  const hints = candidate.kindHints;
  if (POLICY_WORDS.test(name) || HAN_POLICY.test(han)) return 'policy';
  if (ORGANIZATION_WORDS.test(name) || ORGANIZATION_HEADS.test(name) || / AI$/.test(name) || HAN_ORGANIZATION.test(han))
    return 'organization';
  // What the article says a name is outweighs what its grammar or its neighbours suggest.
  if (candidate.defined) return candidate.defined;
  const namedAsPerson =
    candidate.evidence.has(REASON.speaker) ||
    candidate.evidence.has(REASON.tagged.person) ||
    (candidate.evidence.has(REASON.titled) && hints.includes('person'));
  if (PLACES.has(name) || (hints.includes('place') && !namedAsPerson && !hints.includes('organization')))
    return 'place';
  // compromise's own lexicon knows many countries, regions and cities by name alone (`Oregon`, `Hangzhou`), and
  // reads a Chinese name surname first (`Zhou Xiaoxuan`).
  const lexicon = nlp(name);
  if (!namedAsPerson && !hints.includes('organization') && !/\d/.test(name) && lexicon.has('(#Country|#City|#Region)'))
    return 'place';
  const forms = [...candidate.forms.keys()];
  const reading = readingOf(text, forms);
  // compromise takes `Claude` for a first name; `the Claude Code application` says otherwise. A speaker or a
  // title says more.
  const readAsProduct =
    reading === 'product' && !candidate.evidence.has(REASON.speaker) && !candidate.evidence.has(REASON.titled);
  // `Claude Code` is no surname: a surname is not a word the article also writes in lowercase.
  if (
    /^\p{Lu}[\p{Ll}-]+ \p{Lu}[\p{Ll}-]+$/u.test(name) &&
    lexicon.has('#LastName') &&
    !hints.includes('organization') &&
    !readAsProduct &&
    !writtenInLowercase(name.split(' ').at(-1)!)
  )
    return 'person';
  // `DeepSeek moment`, `Thinking Mode` beside `thinking mode`: a capitalised name the article also writes in
  // lowercase is a term.
  if (
    forms.some(
      (form) =>
        /^\p{Lu}\S* \p{Ll}{3,}$/u.test(form) ||
        (/\s/.test(form) &&
          countPhrase(
            text.replace(/\p{Lu}\p{Ll}/gu, (initial) => initial.toLowerCase()),
            form.toLowerCase(),
          ) > countPhrase(text, form) &&
          new RegExp(`(?<![\\p{L}])${escapeRegExp(form.toLowerCase())}`, 'u').test(text)),
    )
  )
    return 'concept';
  if (
    (hints.includes('person') && !readAsProduct) ||
    (/^[\p{Script=Han}]{2,3}$/u.test(han) && /^\p{Lu}[\p{L}-]+ \p{Lu}[\p{L}-]+$/u.test(name))
  )
    return 'person';
  if (
    ((/\d/.test(name) && VERSIONED.test(name) && !/\.AI$/i.test(name)) || hints.includes('product')) &&
    reading !== 'concept'
  )
    return 'product';
  if (hints.includes('concept') || /^\p{Ll}/u.test(name)) return 'concept';
  if (hints.includes('place')) return 'place';
  if (hints.includes('organization')) return 'organization';
  // A place by a one-word name only: `in Open Source` is a field.
  const oneWordPlace = /^\p{Lu}[\p{Ll}-]+$/u.test(name) && !candidate.evidence.has(REASON.tagged.organization);
  if (oneWordPlace && (reading === 'place' || (!reading && locative(text, forms, WHERE)))) return 'place';
  if (reading && reading !== 'place') return reading;
  if (candidate.evidence.has(REASON.tagged.organization)) return 'organization';
  // Named only, with no word around it saying what it is: the kind of the names it is listed with decides
  // (`kindsOf`), else an acronym is an organization and anything else a product.
  return undefined;
}

/**
 * Each candidate's kind. A name no sentence explains takes the kind most of the names it is listed with have
 * (`OpenAI, Anthropic, Google and Meta`; `Baichuan, Zhipu AI, Moonshot AI, MiniMax, StepFun, and 01.AI`): a list
 * names things of one kind.
 */
function kindsOf(
  candidates: Candidate[],
  text: string,
  writtenInLowercase: (word: string) => boolean,
): Map<Candidate, BuiltInKind> {
  const kinds = new Map<Candidate, BuiltInKind>();
  const unexplained: Candidate[] = [];
  for (const candidate of candidates) {
    const kind = guessKind(primaryForm(candidate), candidate, text, writtenInLowercase);
    if (kind) kinds.set(candidate, kind);
    else unexplained.push(candidate);
  }
  const byForm = new Map<string, Candidate>();
  for (const candidate of candidates) for (const form of candidate.forms.keys()) byForm.set(normal(form), candidate);
  const votes = new Map<Candidate, Map<BuiltInKind, number>>();
  for (const list of namesListed(text)) {
    const members = [
      ...new Set(list.map((item) => byForm.get(normal(item))).filter((candidate) => candidate !== undefined)),
    ];
    for (const member of members) {
      if (kinds.has(member)) continue;
      const tally = votes.get(member) ?? new Map<BuiltInKind, number>();
      for (const other of members) {
        const kind = other !== member ? kinds.get(other) : undefined;
        if (kind) tally.set(kind, (tally.get(kind) ?? 0) + 1);
      }
      votes.set(member, tally);
    }
  }
  for (const candidate of unexplained) {
    const ranked = [...(votes.get(candidate) ?? [])].sort(([, a], [, b]) => b - a);
    const listed = ranked[0] && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : undefined;
    kinds.set(candidate, listed ?? (/^\p{Lu}{2,}$/u.test(primaryForm(candidate)) ? 'organization' : 'product'));
  }
  return kinds;
}

/** Runs of two or more capitalised names joined by commas, `and`, `or` or slashes, each without its `’s`. */
function namesListed(text: string): string[][] {
  const name = String.raw`[\p{Lu}\d][\p{L}\p{N}.-]*(?: [\p{Lu}\d][\p{L}\p{N}.-]*)*(?:[’']s)?`;
  const separator = String.raw`(?:,? (?:and|or|&) |, |\s?/\s?)`;
  const list = new RegExp(`(?<![\\p{L}\\p{N}])${name}(?:${separator}${name})+`, 'gu');
  // `Both OpenAI and Mistral`: a sentence's opening word is not part of the first name.
  const opener = (item: string) =>
    item
      .split(' ')
      .filter((_, index, words) => !words.slice(0, index + 1).every((leading) => COMMON.has(leading)))
      .join(' ');
  return [...text.matchAll(list)].map((match) =>
    match[0].split(new RegExp(separator, 'u')).map((item) => opener(item.replace(/[’']s$/, '').replace(/\.$/, ''))),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Names by their grammar: compromise for English, jieba's parts of speech for Chinese. Both are signals: they
// split `Kai-fu Lee` and `月之暗面`, and call the `Allen Institute` a person, so the article's own evidence decides.

type TaggedKind = 'person' | 'organization' | 'place';

interface NameTags {
  kinds: Map<TaggedKind, Set<string>>;
  /** Capitalised words compromise reads only as nouns, never as a verb, an adverb, an adjective or a pronoun. */
  nouns: Set<string>;
}

/** Each word compromise reads as part of a person's, an organization's or a place's name, by kind; and its nouns. */
function nameTags(text: string): NameTags {
  const doc = nlp(text);
  const readings = new Map<string, Set<string>>();
  for (const sentence of doc.json() as { terms: { text: string; tags: string[] }[] }[]) {
    for (const term of sentence.terms) {
      if (!/^\p{Lu}/u.test(term.text)) continue;
      const tags = readings.get(term.text) ?? new Set();
      for (const tag of term.tags) tags.add(tag);
      readings.set(term.text, tags);
    }
  }
  const nouns = new Set(
    [...readings]
      .filter(([, tags]) => tags.has('Noun') && !NOT_NOUN_TAGS.some((tag) => tags.has(tag)))
      .map(([word]) => word),
  );
  const words = (view: { json: () => unknown }) =>
    new Set(
      (view.json() as { terms: { text: string }[] }[])
        .flatMap((match) =>
          match.terms.map((term) => term.text.replace(/[’']s$/, '').replace(/[^\p{L}\p{N}.&-]+/gu, '')),
        )
        .filter(Boolean),
    );
  const kinds = new Map<TaggedKind, Set<string>>([
    ['person', words(doc.people())],
    ['organization', words(doc.organizations())],
    ['place', words(doc.places())],
  ]);
  return { kinds, nouns };
}

const NOT_NOUN_TAGS = [
  'Verb',
  'Adverb',
  'Adjective',
  'Preposition',
  'Conjunction',
  'Determiner',
  'Pronoun',
  'QuestionWord',
  'Expression',
  'Participle',
];

/** The kind compromise reads a candidate's Latin name as, when every word of it agrees. */
function tagOf(
  candidate: Candidate,
  tags: NameTags,
  writtenInLowercase: (word: string) => boolean,
): TaggedKind | undefined {
  const name = [...candidate.forms.keys()].find((form) => /^\p{Lu}/u.test(form));
  if (!name) return undefined;
  const words = name.split(/\s+/);
  // compromise reads many acronyms as people (`MoE`, `BART`): a person's name is written in title case, and its
  // surname is not a word the article also writes in lowercase (`Claude Code`).
  const personShaped =
    words.every((word) => /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(word)) &&
    (words.length === 1 || !writtenInLowercase(words.at(-1)!));
  const kinds = [...tags.kinds]
    .filter(([kind, set]) => words.every((word) => set.has(word)) && (kind !== 'person' || personShaped))
    .map(([kind]) => kind);
  return kinds.length === 1 ? kinds[0] : undefined;
}

let jieba: Jieba | undefined;
const chineseTagger = () => (jieba ??= Jieba.withDict(dict));

/** Titles: after an organization (`智谱创始人`), before a person (`主任袁永红`). */
const HAN_TITLE =
  /^(?:联合创始人|创始人|教授|负责人|董事长|总裁|CEO|主任|书记|主持人|院士|首席科学家|部长|市长|省长|总经理|研究员)/u;
const HAN_TITLE_END =
  /(?:联合创始人|创始人|教授|负责人|董事长|总裁|CEO|主任|书记|主持人|院士|首席科学家|部长|市长|省长|总经理|研究员|记者)$/u;
/** What a person does after their name: speaks (`姚劲波说`), or gives a talk (`唐杰的发言`). */
const HAN_SPEECH = /^(?:说|表示|认为|指出|谈到|回答|的发言|的回答|的观点)/u;
/** jieba's tags for names: a person's, a place's, an organization's, another proper noun. Its dictionary's tags are a hint (it calls 华为 a person, 东西 a place). */
const JIEBA_NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz']);

/**
 * Chinese names in one paragraph: words jieba tags as names, and words its dictionary does not know (found by its
 * HMM, as most new names are). A title before it or a speech verb after it makes it a person's name (`主任袁永红`,
 * `姚劲波说`, `唐杰：…`); a title after it, the name of an employer (`智谱创始人`).
 */
export function chineseNames(paragraph: string): { text: string; kind?: BuiltInKind; reason: string }[] {
  // In English prose Chinese comes as glosses, which the pairs find; jieba is for Chinese prose.
  if (!chineseProse(paragraph)) return [];
  const words = chineseTagger().tag(paragraph, true);
  const names: { text: string; kind?: BuiltInKind; reason: string }[] = [];
  words.forEach(({ word, tag }, index) => {
    if (!/^\p{Script=Han}{2,6}$/u.test(word)) return;
    const before = words
      .slice(Math.max(0, index - 2), index)
      .map((previous) => previous.word)
      .join('');
    const after = words
      .slice(index + 1, index + 4)
      .map((next) => next.word)
      .join('');
    // jieba splits names it does not know into common words (`58同城` → `同城`): only its names and unknown words count.
    const nameLike = tag === 'x' || JIEBA_NAME_TAGS.has(tag);
    const person =
      nameLike &&
      (HAN_TITLE_END.test(before) || HAN_SPEECH.test(after) || (index === 0 && /^[：:]/u.test(after))) &&
      word.length <= 4;
    const employer = nameLike && !person && HAN_TITLE.test(after.replace(/^[的\s]+/u, ''));
    const kind = person
      ? 'person'
      : employer
        ? 'organization'
        : tag === 'ns'
          ? 'place'
          : tag === 'nt'
            ? 'organization'
            : undefined;
    const reason = person || employer ? REASON.titled : tag === 'x' ? REASON.chineseName : REASON.chineseTagged;
    if (tag === 'x' ? word.length <= 4 : JIEBA_NAME_TAGS.has(tag) || person || employer)
      names.push({ text: word, ...(kind ? { kind } : {}), reason });
  });
  return names;
}

/** A draft's file name for a name. */
export const entityId = (name: string): string => slugOf(name, 'entity');

// ---------------------------------------------------------------------------------------------------------------
// Finders

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Occurrences of a phrase as whole words, in any case, with curly and straight apostrophes alike. */
export function countPhrase(text: string, phrase: string): number {
  return text.match(phrasePattern(phrase))?.length ?? 0;
}

const phrasePatterns = new Map<string, RegExp>();
/** The pattern of a phrase as whole words, built once: an article counts the same phrases many times. */
function phrasePattern(phrase: string): RegExp {
  const cached = phrasePatterns.get(phrase);
  if (cached) return cached;
  if (phrasePatterns.size > 20_000) phrasePatterns.clear();
  const pattern = escapeRegExp(phrase)
    .replace(/[’']/g, "['’]")
    .replace(/\\-|\s+/g, (gap) => (gap === '\\-' ? '[-\\s]' : '[-\\s]+'));
  const regExp = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu');
  phrasePatterns.set(phrase, regExp);
  return regExp;
}

interface Pair {
  latin: string;
  han: string;
  /** A term, not a name: a lowercase gloss, or a gloss in Chinese prose. */
  lowercase: boolean;
  /** A foreign person's name transcribed (`曼纽尔·布卢姆`). */
  person?: boolean;
}

/** Chinese prose, with an English word here and there (rather than English with Chinese names in it). */
const chineseProse = (paragraph: string) =>
  2 * (paragraph.match(/\p{Script=Han}/gu) ?? []).length > (paragraph.match(/[A-Za-z]/g) ?? []).length;
/** English prose with Chinese names in it, where a name may stand beside its gloss without parentheses. */
const englishProse = (paragraph: string) =>
  (paragraph.match(/[A-Za-z]/g) ?? []).length >= Math.max(20, 2 * (paragraph.match(/\p{Script=Han}/gu) ?? []).length);

const HAN_TERM = /[“"]?\p{Script=Han}[\p{Script=Han}·]{0,15}[”"]?/gu;
const NAME_TOKEN = /^(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu})[\p{L}\p{N}.*&’'-]*$/u;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'in']);

/** English–Chinese pairs in one paragraph: `Robin Li 李彦宏`, `“Red Flag Linux” 中科红旗`, `open source 开源`, `暗涌Waves`. */
export function bilingualPairs(paragraph: string, count: (phrase: string) => number): Pair[] {
  const pairs: Pair[] = [];
  for (const match of paragraph.matchAll(HAN_TERM)) {
    const term = match[0];
    // Chinese quoted as speech (“对不起,我还没有…”) or running on into a sentence is not a name.
    if (/^[“"]/.test(term) || /^[,，。、:：;；]\s*\p{Script=Han}/u.test(paragraph.slice(match.index + term.length)))
      continue;
    const han = term.replace(/[“”"]/g, '');
    // `Alipay (支付宝)`: the Chinese in parentheses after the English.
    const inParentheses =
      /[(（]\s*$/u.test(paragraph.slice(0, match.index)) &&
      /^\s*[)）]/u.test(paragraph.slice(match.index + term.length));
    const before = paragraph
      .slice(0, match.index)
      .replace(inParentheses ? /\s*[(（]\s*$/u : /$/, '')
      .replace(/(?:[’']s)?\s*$/, '');
    const after = inParentheses ? '' : paragraph.slice(match.index + term.length);
    // In Chinese prose an English word beside a Chinese one is just a word of the sentence (`小型 MoE 模型`);
    // a gloss there is written in parentheses.
    if (!englishProse(paragraph) && !inParentheses && !/^\s*[(（]/u.test(after)) continue;
    const latin = glossBefore(before, count) ?? glossAfter(after);
    // A gloss in Chinese prose explains a term (`Scaling（规模化）`), unless it transcribes a foreign name (`曼纽尔·布卢姆`).
    if (latin)
      pairs.push({
        latin: latin.text,
        han,
        lowercase: latin.lowercase || (chineseProse(paragraph) && !han.includes('·')),
        ...(han.includes('·') ? { person: true } : {}),
      });
  }
  return pairs;
}

/**
 * A table row's pairs: a cell that is an English name beside a cell that is only Chinese (`DeepSeek │ 深度求索`), and
 * the pairs inside each cell's own text.
 */
function tablePairs(cells: string[], count: (phrase: string) => number): Pair[] {
  const pairs = cells.flatMap((cell) => bilingualPairs(cell, count));
  const latinName = (cell: string) =>
    /^\p{Lu}[\p{L}\p{N}.&’'-]*(?: [\p{L}\p{N}.&’'-]+){0,5}$/u.test(cell) && !/\p{Script=Han}/u.test(cell);
  const hanName = (cell: string) => /^\p{Script=Han}[\p{Script=Han}·]{1,15}$/u.test(cell);
  cells.forEach((cell, index) => {
    const next = cells[index + 1] ?? '';
    const [latin, han] =
      latinName(cell) && hanName(next) ? [cell, next] : hanName(cell) && latinName(next) ? [next, cell] : [];
    if (latin && han && !pairs.some((pair) => pair.han === han))
      pairs.push({ latin, han, lowercase: false, ...(han.includes('·') ? { person: true } : {}) });
  });
  return pairs;
}

function glossAfter(after: string): { text: string; lowercase: boolean } | undefined {
  const inParentheses = /^\s*[(（]([^)）]{2,40})[)）]/.exec(after)?.[1];
  if (inParentheses && /\p{Lu}/u.test(inParentheses)) return { text: inParentheses.trim(), lowercase: false };
  const glued = /^(\p{Lu}[\p{L}\p{N}-]+(?: \p{Lu}[\p{L}\p{N}-]+)*)/u.exec(after)?.[1];
  return glued ? { text: glued, lowercase: false } : undefined;
}

function glossBefore(
  before: string,
  count: (phrase: string) => number,
): { text: string; lowercase: boolean } | undefined {
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
  const tail = (/(?:^|[,.;:!?—()“”"])\s*([^,.;:!?—()“”"]*)$/u.exec(before)?.[1] ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(-4);
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

const STOP = new Set(
  'a an the of to in on for and or but is are was be by as at with from that this it its their his her'.split(' '),
);

/** `Instruction-set architectures (ISAs)`: the words whose initials spell the acronym, and the acronym. */
export function acronymDefinitions(paragraph: string): [string, string][] {
  const found: [string, string][] = [];
  // All capitals (`ISAs`), or mixed (`CoT` for chain-of-thought, `MoE` for mixture of experts).
  for (const match of paragraph.matchAll(/\((\p{Lu}[\p{Lu}\p{Ll}]{1,7}?)(s?)\)/gu)) {
    const acronym = match[1]!;
    if ((acronym.match(/\p{Lu}/gu) ?? []).length < 2) continue;
    const words = paragraph.slice(0, match.index).trimEnd().split(/\s+/);
    for (const letters of new Set([acronym.toUpperCase(), acronym.replace(/\p{Ll}/gu, '')])) {
      const phrase = phraseWithInitials(words, letters);
      if (phrase) {
        found.push([phrase, `${acronym}${match[2]}`]);
        break;
      }
    }
  }
  return found;
}

/** The last words before an acronym whose initials spell it, connectors aside. */
function phraseWithInitials(words: string[], letters: string): string | undefined {
  let initials = '';
  const phrase: string[] = [];
  for (let i = words.length - 1; i >= 0 && initials.length < letters.length; i--) {
    const word = words[i]!.replace(/^[“"(]/, '');
    phrase.unshift(word);
    if (CONNECTORS.has(word)) continue;
    initials =
      word
        .split('-')
        .map((part) => part[0]?.toUpperCase() ?? '')
        .join('') + initials;
  }
  return initials === letters ? phrase.join(' ') : undefined;
}

interface Name {
  text: string;
  person: boolean;
  /** Found opening a sentence, where a capital proves nothing. */
  initial: boolean;
  /** Several words, an inner capital or a digit. */
  shaped: boolean;
}

/**
 * Capitalised names inside sentences: runs of capitalised words (`High-Flyer Quant`, `Ministry of Industry and
 * Information Technology`), ending at a possessive or punctuation. A run that opens a sentence counts only if it is
 * name-shaped (several words, an inner capital, a digit) or a word the article never writes in lowercase (`Baidu
 * founder…`, `Meta makes…`): a capital there may be just the sentence's.
 */
export function capitalisedNames(
  paragraph: string,
  writtenInLowercase: (word: string) => boolean = () => false,
): Name[] {
  const names: Name[] = [];
  // Chinese around English names (`包括 Qwen3-32B、Qwen3-14B 和 Kaggle`) ends them as punctuation would.
  const spaced = paragraph.replace(/[\p{Script=Han}、，。：；！？《》【】]+/gu, ' , ');
  for (const sentence of spaced.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"‘'\d])|\s+[—–]\s+|:\s+/u)) {
    const tokens = sentence.split(/\s+/).filter(Boolean);
    let run: string[] = [];
    let runStart = 0;
    const flush = (end: number) => {
      // A quotation opens a sentence too, unless it quotes just this word (`under 'Xi' these days`).
      const quoteOpens = /^[“"‘']/.test(tokens[runStart] ?? '') && !/[”"’']$/.test(tokens[runStart] ?? '');
      const initial = runStart === 0 || quoteOpens;
      // Not part of a name at its end: `Nvidia GPUs`, `Before I`, `Qwen 7B`, `Qwen2.5 Dense`.
      while (
        run.length &&
        (CONNECTORS.has(run.at(-1)!) ||
          (run.length > 1 &&
            (AMOUNT.test(run.at(-1)!) ||
              (GENERIC_ACRONYMS.has(run.at(-1)!) && !COMPANY_SUFFIX.test(run.at(-1)!)) ||
              run.at(-1) === 'I' ||
              ROLES.has(run.at(-1)!))))
      )
        run.pop();
      // Nor at its start: `The`, `CEO`, `Chinese`, `Singaporean` (a demonym compromise does not list), `180K`.
      while (
        run.length &&
        ((run.length > 1 && AMOUNT.test(run[0]!)) ||
          ROLES.has(run[0]!) ||
          COMMON.has(run[0]!) ||
          DEMONYMS.has(run[0]!) ||
          (run.length > 1 && PLACE_PREFIXES.has(run[0]!)) ||
          GENERIC_ACRONYMS.has(run[0]!) ||
          CONNECTORS.has(run[0]!) ||
          (run.length > 1 && /^\p{Lu}\p{Ll}+(?:ean|ese|ian)$/u.test(run[0]!)))
      ) {
        run.shift();
        runStart++;
      }
      // `OpenAI CEO Sam Altman`: an organization, then the person its role introduces.
      const role = run.findIndex((word, at) => at > 0 && at < run.length - 1 && ROLES.has(word));
      if (role > 0) {
        names.push({ text: run.slice(0, role).join(' '), person: false, initial, shaped: true });
        run = run.slice(role + 1);
        runStart += role + 1;
      }
      const text = run.join(' ');
      // `PDF-like`, `Qwen-based`, `996'ing`: adjectives and verbs made of a name.
      // `Table 1`, `Part II`: a reference to a part of the text.
      const madeOfAName =
        /-(?:like|based|compatible|style|ers|powered|branded|friendly|centric|sized|backed|manufactured|made|owned|funded|led|run)$|[’'](?:ing|ed)$/u.test(
          run.at(-1) ?? '',
        ) || /^(?:Table|Figure|Fig\.|Chart|Part|Section|Chapter|Appendix|Step|Stage)$/.test(run[0] ?? '');
      const notAName =
        !run.length ||
        madeOfAName ||
        run.every((word) => DEMONYMS.has(word) || GENERIC_ACRONYMS.has(word)) ||
        /^[\d.,–-]+$/.test(text) ||
        /^\d+(?:s|th|st|nd|rd)?$/.test(text);
      if (!notAName) {
        const nameShaped = run.length > 1 || /\p{Ll}\p{Lu}|\d|^\p{Lu}{2,}|\p{Lu}.*-\p{Lu}/u.test(text);
        if (
          !initial ||
          nameShaped ||
          (run.length === 1 && looksLikeNameOpening(text, tokens.slice(end), writtenInLowercase))
        ) {
          const next = tokens[end] ?? '';
          const previous = tokens[runStart - 1] ?? '';
          const personShaped = run.length <= 3 && run.every((word) => /^\p{Lu}[\p{Ll}-]+$/u.test(word));
          const person =
            personShaped &&
            (SPEECH.test(next) ||
              (run.length >= 2 && (ROLES.has(previous) || /[’']s$/.test(previous) || /^(?:from|of)$/.test(next))));
          names.push({ text, person, initial, shaped: nameShaped });
        }
      }
      run = [];
    };
    tokens.forEach((raw, index) => {
      const word = raw
        .replace(/^[“"‘'(]+/, '')
        .replace(/[”"’'),;:!?…]+$/, '')
        .replace(/(?<=\p{L})-$/u, '')
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
      // A version number continues a name (`Grok 4`, `ERNIE 4.5`); a year or an amount does not.
      else if (run.length && /^\d{1,2}(?:\.\d)?$/.test(bare) && /\p{L}/u.test(run.at(-1)!)) run.push(bare);
      else if (run.length && head && (bare === 'of' || bare === 'for') && !CONNECTORS.has(previous!)) run.push(bare);
      else if (run.length && bare === 'the' && (previous === 'of' || previous === 'for')) run.push(bare);
      else if (run.length && bare === 'and' && run.some((w) => w === 'of' || w === 'for') && !CONNECTORS.has(previous!))
        run.push(bare);
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

const FUNCTION_WORDS = new Set(
  'of in on at to for from with by as about into over under it its this that these those such the a an and or but if whether than so not no'.split(
    ' ',
  ),
);

/** Short quoted terms (`‘commoditize your complement’`, `"unipolar AI dominance"`): two to four words, no sentence. */
export function quotedTerms(paragraph: string): string[] {
  const terms: string[] = [];
  for (const match of paragraph.matchAll(/[“‘"]([^“”‘’"]{3,60})[”’"]/gu)) {
    const term = match[1]!.trim();
    const words = term.split(/\s+/);
    if (words.length < 2 || words.length > 4 || /[,.;:!?]/.test(term) || !/^\p{Ll}/u.test(term) || STOP.has(words[0]!))
      continue;
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
      const pieces = [...clause.trim().matchAll(/([\s-]*)([^\s-]+)/g)].map((match) => ({
        gap: match[1]!.includes('-') ? '-' : ' ',
        word: match[2]!,
      }));
      const words = pieces.map((piece) => piece.word);
      for (let n = 2; n <= 3; n++) {
        for (let i = 0; i + n <= words.length; i++) {
          const gram = words.slice(i, i + n);
          const termLike = gram.every((word, at) => /^\p{Ll}{2,}$/u.test(word) || (at === 0 && DEMONYMS.has(word)));
          const partOfWord = pieces[i]!.gap === '-' && i > 0 ? true : pieces[i + n]?.gap === '-';
          if (
            !termLike ||
            partOfWord ||
            gram.some((word) => STOP.has(word) || COMMON_LOWER.has(word)) ||
            ADJECTIVE_TAILS.test(gram.at(-1)!)
          )
            continue;
          const surface = pieces
            .slice(i, i + n)
            .map((piece, at) => (at ? piece.gap : '') + piece.word)
            .join('');
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
    .filter(
      ([key, use]) =>
        !frequent.some(([other, otherUse]) => other !== key && other.includes(key) && otherUse.count >= use.count),
    )
    .map(
      ([, use]) => [...use.surfaces].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))[0]![0],
    );
}

/** Second halves of compound adjectives (`near-term`, `top-level`): modifiers, not terms. */
const ADJECTIVE_TAILS = /^(?:term|level|based|driven|effective|known|scale|free|wide|like|related|oriented|making)$/;

const COMMON_LOWER = new Set(
  'is are was were be been being has have had do does did can could would should will may might must not no more most less very so too also just only even such other many much some any all each every than then there here which who whom what when where why how i we you he she they it our their his her my your its this that these those new own same said says make makes made take takes get gets one two three'.split(
    ' ',
  ),
);
