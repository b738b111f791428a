import { describe, expect, it } from 'vitest';
import { ingestArticle } from './pipeline.ts';
import { acronymDefinitions, DRAFT_CONFIDENCE, suggestEntities, type Suggestion } from './suggest.ts';

const drafted = (paragraphs: string[], known = [] as { id: string; forms: string[] }[]) => {
  const suggestions = suggestEntities(paragraphs, known);
  return { ...suggestions, names: suggestions.entities.map((suggestion) => suggestion.name) };
};
const find = (suggestions: Suggestion[], name: string) => suggestions.find((suggestion) => suggestion.name === name);

describe('entity suggestions weigh the article’s evidence', () => {
  it('pairs an English name with its Chinese one in parentheses, full-width too', () => {
    const { entities } = drafted([
      'Payments in the town run through Lumopay (鹿付) and through Kestrel（红隼科技）, two apps most shops accept.',
    ]);
    expect(find(entities, 'Lumopay')).toMatchObject({ aliases: expect.arrayContaining(['鹿付']) });
    expect(find(entities, 'Kestrel')).toMatchObject({ native: { name: '红隼科技', script: 'zh-Hans' } });
  });

  it('reads a gloss in Chinese prose as a term, written in parentheses', () => {
    const { entities } = drafted(['我们主要通过 Annealing（退火）达到这个目标，而不是靠更多的数据和更多的机器。']);
    expect(find(entities, 'Annealing')).toMatchObject({ kind: 'concept', aliases: expect.arrayContaining(['退火']) });
  });

  it('takes a person from a title and an organization from the name before it', () => {
    const { entities } = drafted([
      'Last week Nimbus CEO Tara Quell said the plan works.',
      'Tara Quell said it again on Friday.',
    ]);
    expect(find(entities, 'Tara Quell')).toMatchObject({ kind: 'person' });
    expect(find(entities, 'Nimbus')?.kind).not.toBe('person');
  });

  it('drafts no amount, contraction or sentence opener', () => {
    const { names, unsure } = drafted([
      'I’ll show 2x gains and 50k users with a 671B model. Imagine that.',
      'Honestly, nobody expected it.',
    ]);
    expect(names).toEqual([]);
    expect(unsure.every((suggestion) => suggestion.confidence < DRAFT_CONFIDENCE)).toBe(true);
  });

  it('guesses a product from a version in its name, and folds the bare version into it', () => {
    const { entities } = drafted([
      'The lab shipped Orca-3 in May, and its users moved to Orca-3 within a week.',
      'Researchers at Dunmore Labs built Vela V2, and V2 is faster than anything before it.',
    ]);
    expect(find(entities, 'Orca-3')?.kind).toBe('product');
    expect(find(entities, 'Vela V2')?.aliases).toContain('V2');
    expect(entities.filter((suggestion) => suggestion.name === 'V2')).toEqual([]);
  });

  it('folds a name into its fuller form with a company suffix: one entity, one draft', () => {
    const { entities } = drafted([
      'A startup named Moonfall AI released a model in March.',
      'Since then Moonfall has hired forty engineers.',
    ]);
    expect(entities.filter((suggestion) => /Moonfall/.test(suggestion.name))).toHaveLength(1);
    expect(find(entities, 'Moonfall AI')).toMatchObject({
      kind: 'organization',
      aliases: expect.arrayContaining(['Moonfall']),
    });
  });

  it('reports a shorter form of an existing entity as its alias, not as a draft', () => {
    const { names, aliases } = drafted(
      ['Engineers at Zhipu trained the model, and Zhipu released it in May.'],
      [{ id: 'zhipu-ai', forms: ['Zhipu AI'] }],
    );
    expect(names).not.toContain('Zhipu');
    expect(aliases).toEqual([expect.objectContaining({ entityId: 'zhipu-ai', aliases: ['Zhipu'] })]);
  });

  it('knows an existing entity’s form written without its hyphen', () => {
    const { names, aliases } = drafted(
      ['The fund HighFlyer built it, and HighFlyer paid for it.'],
      [{ id: 'high-flyer', forms: ['High-Flyer'] }],
    );
    expect(names).not.toContain('HighFlyer');
    expect(aliases).toEqual([expect.objectContaining({ entityId: 'high-flyer', aliases: ['HighFlyer'] })]);
  });

  it('guesses a place where the article says something is there', () => {
    const { entities } = drafted([
      'She moved from Harbin to a small flat, and later lived in Harbin again with her parents.',
    ]);
    expect(find(entities, 'Harbin')).toMatchObject({ kind: 'place' });
  });

  it('finds a Chinese name by a speech verb after it', () => {
    const { entities } = drafted(['“这是一个好消息。”王晓峰说。', '王晓峰表示，明年还要继续投入。']);
    expect(find(entities, '王晓峰')).toMatchObject({ kind: 'person' });
  });

  it('gives every suggestion its confidence and the evidence behind it, with counts', () => {
    const suggestion = find(
      drafted(['Engineers at Quillstone built it.', 'Quillstone released it later.', 'Users liked Quillstone.'])
        .entities,
      'Quillstone',
    )!;
    expect(suggestion.confidence).toBeGreaterThanOrEqual(DRAFT_CONFIDENCE);
    expect(suggestion.evidence).toContainEqual({ reason: 'a capitalised name inside a sentence', count: 2 });
  });

  it('gives a name no sentence explains the kind of the names it is listed with', () => {
    const { entities } = drafted([
      'Researchers at Corvane built it.',
      'Engineers at Tessaly built it too.',
      'Labs such as Corvane, Tessaly and Quorbit all train in the open.',
      'Quorbit, Corvane and Tessaly hire from the same schools.',
    ]);
    expect(find(entities, 'Quorbit')).toMatchObject({ kind: 'organization' });
  });

  it('reads what the article says a name is: `X is an open-source community`', () => {
    const { entities } = drafted([
      'Larkspur is an open-source community of volunteers.',
      'Much of the work comes from Larkspur these days.',
    ]);
    expect(find(entities, 'Larkspur')).toMatchObject({ kind: 'organization' });
  });

  it('takes `the Tilde Pilot application` for a product, whatever a first name in it suggests', () => {
    const { entities } = drafted([
      'She slotted it into the Tilde Pilot application.',
      'Many now use Tilde Pilot daily.',
    ]);
    expect(find(entities, 'Tilde Pilot')).toMatchObject({ kind: 'product' });
  });

  it('reads a licence or a technique as a term, even with a version number', () => {
    const { entities } = drafted([
      'The weights ship under the Brightwater 2.0 license.',
      'Every model here is released under Brightwater 2.0 license terms.',
    ]);
    expect(find(entities, 'Brightwater 2.0')).toMatchObject({ kind: 'concept' });
  });

  it('prefers a place where something is to a possessive or an `is` after the name', () => {
    const { entities } = drafted([
      'Forced labour in Qaralun has made headlines.',
      'Qaralun’s schools are closed, and many families left Qaralun.',
    ]);
    expect(find(entities, 'Qaralun')).toMatchObject({ kind: 'place' });
  });

  it('reads a name spelled out in common words as a term, and `X is the language of …` as a product', () => {
    const { entities } = drafted([
      'The “SpQ” in Varnish refers to “sparse quantisation”, which SpQ makes cheap.',
      'Kestrelscript is the language of choice here, and Kestrelscript only runs on one chip.',
    ]);
    expect(find(entities, 'SpQ')).toMatchObject({ kind: 'concept' });
    expect(find(entities, 'Kestrelscript')).toMatchObject({ kind: 'product' });
  });

  it('ends a listed name with its sentence: `tools like Morrow and vPack. For …`', () => {
    const { entities } = drafted([
      'We recommend tools like Morrow and vPack. For most users either works.',
      'Both vPack and Morrow are free.',
    ]);
    expect(find(entities, 'vPack')).toMatchObject({ kind: 'product' });
  });

  it('joins a section’s subject and the name its first sentence defines: one lab, one draft', () => {
    const { entities } = drafted([
      'Veyra',
      'veyra.ai | 🤗 Veyra | X @veyra_ai',
      'Hanshan Zhiyun, the primary AI lab within a large retailer, is known for its open models.',
      'Veyra releases a model every month.',
    ]);
    expect(entities.filter((suggestion) => /Veyra|Hanshan/.test(suggestion.name))).toEqual([
      expect.objectContaining({ kind: 'organization', aliases: expect.arrayContaining(['Veyra']) }),
    ]);
  });

  it('pairs the English and Chinese names of a table’s row, and drafts nothing from its header or its figures', () => {
    const markdown = [
      '---',
      'title: Chip firms',
      '---',
      '',
      'Three firms lead the field.',
      '',
      '| Company | 中文名 | Share |',
      '|---|---|---|',
      '| Lumora | 鹿默科技 | 31% |',
      '| Halden Semiconductor | 海登半导体 | 12% |',
      '',
    ].join('\n');
    const { entities } = suggestEntities(ingestArticle(new TextEncoder().encode(markdown), 'chips.md').texts);
    expect(find(entities, 'Lumora')).toMatchObject({ native: { name: '鹿默科技' } });
    expect(find(entities, 'Halden Semiconductor')).toMatchObject({ native: { name: '海登半导体' } });
    expect(entities.map((suggestion) => suggestion.name)).not.toContain('Company');
  });

  it('reads mixed-case acronyms from the words whose initials they take', () => {
    expect(acronymDefinitions('a sparse mixture of experts (MoE) model')).toEqual([['mixture of experts', 'MoE']]);
    expect(acronymDefinitions('long chain-of-thought (CoT) data')).toEqual([['chain-of-thought', 'CoT']]);
  });
});
