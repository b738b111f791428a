/**
 * `npm run corpus -- --articles 100 --entities 300 --out /tmp/corpus`: writes a synthetic content folder for
 * measuring the build at scale. Articles of about 2,500 words (`--words`) with headings, quotes and footnotes, naming entities
 * the way the first article does (full name first, with its Chinese name beside it, surname after); entities of
 * every kind with aliases in both scripts. The same seed always gives the same corpus. Chinese names are drawn from
 * the 66 characters of the first site's names, or with `--han N` from the N most common Chinese characters (in the
 * web's frequency order that Noto Sans SC's slices follow), to measure the Chinese face of a site of many names.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { builtInKinds, kindFolder, type BuiltInKind } from '../lib/content/kinds.ts';
import { notoSansScSlices } from '../lib/present/fontsource.ts';
import { seededRandom } from './seeded-random.ts';

export interface CorpusOptions {
  articles: number;
  entities: number;
  /** About how many words each article has (2,500 unless said). */
  words?: number;
  seed: number;
  out: string;
  /** Draw Chinese names from the this many most common characters, instead of the first site's. */
  han?: number | undefined;
}

function generator(seed: number) {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tor',
  'vek',
  'sa',
  'qu',
  'lin',
  'dal',
  'pho',
  'wei',
  'xin',
  'bao',
  'ter',
  'nor',
  'ami',
  'zu',
  'cal',
  'den',
];
const SURNAMES = [
  'Zhao',
  'Qian',
  'Sun',
  'Zhou',
  'Wu',
  'Zheng',
  'Feng',
  'Chen',
  'Chu',
  'Wei',
  'Jiang',
  'Shen',
  'Han',
  'Yang',
  'Zhu',
  'Qin',
  'You',
  'Xu',
  'He',
  'Lu',
];
const HAN =
  '深度求索开源智商税文锋彦宏百度阿里巴巴华为腾讯芯原股份国密算法大基金中科红旗量化幻方科技信息产业发展联盟软件模型数据安全创新政府企业研究';
const WORDS =
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there their one all we can has more when will would who been if no out so said what up its about into than them only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );
const KIND_SHARE: [BuiltInKind, number][] = [
  ['organization', 0.4],
  ['person', 0.3],
  ['concept', 0.15],
  ['policy', 0.08],
  ['product', 0.07],
];

interface SyntheticEntity {
  id: string;
  kind: BuiltInKind;
  name: string;
  native: string;
  weak?: string;
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The most common Han characters, most common first: the font's slices are numbered from rare to common, so its
 * last slices hold the characters found on most pages of the web.
 */
function commonHan(count: number): string[] {
  const common: string[] = [];
  for (const { ranges } of notoSansScSlices(400).toReversed())
    for (const [from, to] of ranges)
      for (let code = from; code <= to; code++) {
        const char = String.fromCodePoint(code);
        if (/\p{Script=Han}/u.test(char) && common.length < count) common.push(char);
      }
  return common;
}

function makeEntities(count: number, random: ReturnType<typeof generator>, han: readonly string[]): SyntheticEntity[] {
  const entities: SyntheticEntity[] = [];
  const usedNames = new Set<string>();
  const usedNative = new Set<string>();
  for (let i = 0; entities.length < count; i++) {
    let roll = random.next();
    const kind = KIND_SHARE.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'organization';
    const word = () => capital(Array.from({ length: 2 + random.int(2) }, () => random.pick(SYLLABLES)).join(''));
    const surname = random.pick(SURNAMES);
    const name =
      kind === 'person'
        ? `${surname} ${word()}`
        : kind === 'organization'
          ? `${word()} ${random.pick(['Technology', 'Group', 'Capital', 'Labs', 'Systems'])}`
          : kind === 'policy'
            ? `${word()} ${random.pick(['Plan', 'Regulation', 'White Paper', 'Directive'])}`
            : `${word()} ${word()}`;
    const native = Array.from({ length: 2 + random.int(3) }, () => random.pick(han)).join('');
    if (usedNames.has(name) || usedNative.has(native)) continue;
    usedNames.add(name);
    usedNative.add(native);
    entities.push({
      id: `${kindFolder(kind).slice(0, 3)}-${String(i).padStart(5, '0')}`,
      kind,
      name,
      native,
      ...(kind === 'person' ? { weak: surname } : {}),
    });
  }
  return entities;
}

function entityFile(entity: SyntheticEntity, related: string[]): string {
  const facts: Record<BuiltInKind, string> = {
    organization: 'orgType: company\ncountry: China',
    person: `roles: [Founder of ${entity.name.split(' ')[1]} Labs]`,
    policy: 'policyType: regulation\nyear: 2023',
    concept: 'field: technology',
    product: 'productType: ai-model',
    place: 'placeType: city',
  };
  return `---
name: ${entity.name}
summary: A synthetic ${entity.kind} for measuring Dossier at scale, named ${entity.name} (${entity.native}).
aliases: ['${entity.native}']
${entity.weak ? `weakAliases: ['${entity.weak}']\n` : ''}native: { name: '${entity.native}', script: zh-Hans }
${facts[entity.kind]}
related: [${related.join(', ')}]
---
${entity.name} appears in the synthetic corpus. It is related to ${related.length} other entities.
`;
}

function sentence(random: ReturnType<typeof generator>, mention?: string): string {
  const words = Array.from({ length: 12 + random.int(14) }, () => random.pick(WORDS));
  if (mention) words.splice(random.int(words.length), 0, mention);
  const text = words.join(' ');
  return `${capital(text)}.`;
}

function articleFile(
  index: number,
  entities: SyntheticEntity[],
  random: ReturnType<typeof generator>,
  length: number,
): string {
  const cast = Array.from({ length: 8 + random.int(10) }, () => random.pick(entities));
  const introduced = new Set<string>();
  const mention = (entity: SyntheticEntity) => {
    if (!introduced.has(entity.id)) {
      introduced.add(entity.id);
      return `${entity.name} ${entity.native}`;
    }
    return entity.weak && random.next() < 0.5 ? entity.weak : entity.name;
  };
  const paragraph = () =>
    Array.from({ length: 4 + random.int(3) }, () =>
      sentence(random, random.next() < 0.6 ? mention(random.pick(cast)) : undefined),
    ).join(' ');
  const sections: string[] = [];
  let footnote = 0;
  const notes: string[] = [];
  let words = 0;
  for (let s = 0; words < length; s++) {
    const body: string[] = [
      `## ${capital(Array.from({ length: 3 + random.int(4) }, () => random.pick(WORDS)).join(' '))}`,
    ];
    for (let p = 0; p < 5 && words < length; p++) {
      let text = paragraph();
      if (random.next() < 0.3) {
        footnote++;
        text += `[^${footnote}]`;
        notes.push(`[^${footnote}]: ${sentence(random, mention(random.pick(cast)))}`);
      }
      body.push(random.next() < 0.15 ? `> ${text}` : text);
      words += text.split(' ').length;
    }
    sections.push(body.join('\n\n'));
  }
  return `---
title: "Synthetic article ${index + 1}"
dek: "A generated article of about ${length.toLocaleString('en')} words for measuring the build."
date: ${new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10)}
source: { publication: Synthetic Review }
---

${paragraph()}

${sections.join('\n\n')}

${notes.join('\n\n')}
`;
}

export function writeCorpus({ articles, entities, words = 2500, seed, out, han }: CorpusOptions) {
  const random = generator(seed);
  rmSync(out, { recursive: true, force: true });
  const list = makeEntities(entities, random, han ? commonHan(han) : [...HAN]);
  for (const folder of builtInKinds.map(kindFolder)) mkdirSync(join(out, 'entities', folder), { recursive: true });
  mkdirSync(join(out, 'articles'), { recursive: true });
  for (const entity of list) {
    const related = Array.from({ length: random.int(4) }, () => random.pick(list).id).filter(
      (id, i, all) => id !== entity.id && all.indexOf(id) === i,
    );
    writeFileSync(join(out, 'entities', kindFolder(entity.kind), `${entity.id}.md`), entityFile(entity, related));
  }
  for (let i = 0; i < articles; i++)
    writeFileSync(
      join(out, 'articles', `synthetic-${String(i + 1).padStart(5, '0')}.mdx`),
      articleFile(i, list, random, words),
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100' },
      entities: { type: 'string', default: '300' },
      words: { type: 'string', default: '2500' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      han: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('--out is required: the folder to write the corpus into (it is replaced)');
  writeCorpus({
    articles: Number(values.articles),
    entities: Number(values.entities),
    words: Number(values.words),
    seed: Number(values.seed),
    out: values.out,
    han: values.han ? Number(values.han) : undefined,
  });
  console.log(`Wrote ${values.articles} articles and ${values.entities} entities to ${values.out}`);
}
