import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateFolder, readTruthFile } from '../../cli/ingest-eval.ts';
import { comparable, figures, scoreArticle, TARGETS, truthFileSchema, type TruthEntity } from './evaluate.ts';
import type { Suggestion } from './suggest.ts';

const truth: TruthEntity[] = [
  {
    name: 'Lumen Labs',
    kind: 'organization',
    forms: ['Lumen Labs', 'Lumen', '流明实验室'],
    mentions: 4,
    central: true,
  },
  { name: 'Ada Chen', kind: 'person', forms: ['Ada Chen', '陈雅'], mentions: 3 },
  { name: 'Glow-2', kind: 'product', forms: ['Glow-2', 'Glow 2'], mentions: 2 },
  { name: 'Harbin', kind: 'place', forms: ['Harbin'], mentions: 1 },
  { name: 'open weights', kind: 'concept', forms: ['open weights'], mentions: 1 },
];

const draft = (name: string, kind: Suggestion['kind'], aliases: string[] = [], native?: string): Suggestion => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  kind,
  name,
  aliases,
  weakAliases: [],
  ...(native ? { native: { name: native, script: 'zh-Hans' as const } } : {}),
  confidence: 1,
  evidence: [],
  reasons: [],
  passages: [],
});

describe('scoring one article’s suggestions against its truth entities', () => {
  it('compares forms in any case, spacing and hyphenation', () => {
    expect(comparable('Glow-2')).toBe(comparable('glow 2'));
    expect(comparable('Lumen’s')).toBe(comparable("lumen's"));
  });

  it('counts precision over drafts, recall over entities named twice or central, and the kind of the real ones', () => {
    const score = scoreArticle(truth, [
      draft('Lumen Labs', 'organization', ['流明实验室']),
      draft('Ada Chen', 'organization'),
      draft('Tuesday', 'concept'),
      draft('harbin', 'place'),
    ]);
    expect(score).toMatchObject({ drafts: 4, realDrafts: 3, targets: 3, targetsFound: 2, kindRight: 2 });
    expect(score.misses.notEntities).toEqual(['Tuesday']);
    expect(score.misses.missed).toEqual(['Glow-2']);
    expect(score.misses.wrongKind).toEqual(['Ada Chen (organization, not person)']);
  });

  it('pairs a Chinese name with its English one only when one suggestion carries both', () => {
    const score = scoreArticle(truth, [
      draft('Lumen Labs', 'organization', [], '流明实验室'),
      draft('Ada Chen', 'person'),
    ]);
    expect(score).toMatchObject({ pairable: 2, paired: 1 });
    expect(score.misses.unpaired).toEqual(['Ada Chen (Ada Chen)']);
  });

  it('counts a second draft of one entity, and a draft of an entity the content has under another form, as duplicates', () => {
    expect(scoreArticle(truth, [draft('Lumen Labs', 'organization'), draft('Lumen', 'organization')]).duplicates).toBe(
      1,
    );
    const withContent = scoreArticle(truth, [draft('Lumen', 'organization')], [], ['Lumen Labs']);
    expect(withContent.duplicates).toBe(1);
    // Named in the content already, it needs no draft to count as found.
    expect(scoreArticle(truth, [], [], ['Lumen Labs']).targetsFound).toBe(1);
  });

  it('counts a new alias reported for an existing entity as found', () => {
    expect(scoreArticle(truth, [], [{ entityId: 'ada-chen', aliases: ['陈雅'], passages: [] }]).targetsFound).toBe(1);
  });

  it('sums articles micro-averaged, so every draft weighs the same', () => {
    const a = scoreArticle(truth, [draft('Lumen Labs', 'organization')]);
    const b = scoreArticle(truth, [draft('Monday', 'concept'), draft('Friday', 'concept'), draft('Glow 2', 'product')]);
    expect(figures([a, b])).toMatchObject({ articles: 2, drafts: 4, precision: 0.5, kindAccuracy: 1, duplicates: 0 });
  });

  it('checks a truth file’s shape', () => {
    expect(truthFileSchema.safeParse({ 'a.md': truth }).success).toBe(true);
    expect(
      truthFileSchema.safeParse({ 'a.md': [{ name: 'X', kind: 'city', forms: ['X'], mentions: 1 }] }).success,
    ).toBe(false);
  });
});

// The development corpus of real articles lives outside the project; where it is absent, this is skipped.
const corpusFolder = resolve(
  fileURLToPath(new URL('../../..', import.meta.url)),
  process.env.DOSSIER_CORPUS ?? '../shared/corpus',
);

describe.skipIf(!existsSync(corpusFolder))(
  'suggestions over the corpus, against its truth file',
  () => {
    // Run in beforeAll, not while collecting: a skipped describe's body still runs, and the folder may not exist.
    let totals: ReturnType<typeof evaluateFolder>['totals'];
    beforeAll(() => {
      totals = evaluateFolder(
        corpusFolder,
        readTruthFile(fileURLToPath(new URL('./corpus-truth.json', import.meta.url))),
      ).totals;
    }, 60_000);

    it('makes at least four of five drafts real entities', () => {
      expect(totals.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    });

    it('pairs every Chinese name it drafts with its English name', () => {
      expect(totals.pairing).toBe(TARGETS.pairing);
    });

    it('finds at least three in four of the entities named twice or central', () => {
      expect(totals.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    });

    it('guesses the kind right for at least four in five of the real entities', () => {
      expect(totals.kindAccuracy).toBeGreaterThanOrEqual(TARGETS.kindAccuracy);
    });

    it('drafts one entity once', () => {
      expect(totals.duplicates).toBe(TARGETS.duplicates);
    });
  },
  60_000,
);
