import { describe, expect, it } from 'vitest';
import { Matcher, type AliasPattern } from './matcher.ts';

const strong = (text: string, entityId: string, ignoreCase = false): AliasPattern => ({
  text,
  entityId,
  weak: false,
  ignoreCase,
  shared: false,
});
const weak = (text: string, entityId: string): AliasPattern => ({
  text,
  entityId,
  weak: true,
  ignoreCase: false,
  shared: false,
});

const matcher = new Matcher([
  strong('DeepSeek', 'deepseek'),
  strong('Deepseek', 'deepseek'),
  strong('Meta', 'meta'),
  strong('ARM', 'arm'),
  strong('Arm', 'arm'),
  strong('open source', 'open-source', true),
  strong('开源', 'open-source'),
  strong('中国人工智能开源软件发展联盟', 'aioss-alliance'),
  strong('High-Flyer', 'high-flyer'),
  strong('High-Flyer Quant', 'high-flyer'),
  strong('01.AI', '01-ai'),
  strong('C*Core Technology', 'c-core'),
  strong('国芯科技', 'c-core'),
  strong('Robin Li', 'robin-li'),
  strong('李彦宏', 'robin-li'),
  strong('Liang Wenfeng', 'liang-wenfeng'),
  strong('梁文锋', 'liang-wenfeng'),
  weak('Liang', 'liang-wenfeng'),
  strong('Liang Qichao', 'liang-qichao'),
  weak('Liang', 'liang-qichao'),
  weak('Jordan', 'jordan-schneider'),
  strong('Intel', 'intel'),
]);

/** The entity ids and matched text a fresh document finds, in order. */
function mentions(text: string, declared: string[] = []): [string, string][] {
  return matcher
    .document(declared)
    .scan(text)
    .map((m) => [m.entityId, text.slice(m.start, m.end)]);
}

describe('the matcher', () => {
  it.each([
    ['DeepSeek’s greatest strength', [['deepseek', 'DeepSeek']]],
    ["DeepSeek's quant fund", [['deepseek', 'DeepSeek']]],
    ['(DeepSeek)', [['deepseek', 'DeepSeek']]],
    ['DeepSeeks and DeepSeeker', []],
    ['the Metaverse and metadata', []],
    ['Meta makes sense', [['meta', 'Meta']]],
    [
      'Intel and ARM, American and British',
      [
        ['intel', 'Intel'],
        ['arm', 'ARM'],
      ],
    ],
    ['an arm and a leg', []],
    ['Kai-fu Lee’s start-up, 01.AI, released', [['01-ai', '01.AI']]],
    [
      'C*Core Technology 国芯科技, and',
      [
        ['c-core', 'C*Core Technology'],
        ['c-core', '国芯科技'],
      ],
    ],
    [
      'Robin Li 李彦宏 put it',
      [
        ['robin-li', 'Robin Li'],
        ['robin-li', '李彦宏'],
      ],
    ],
    [
      'Robin Li李彦宏',
      [
        ['robin-li', 'Robin Li'],
        ['robin-li', '李彦宏'],
      ],
    ],
  ] as const)('finds Latin aliases at word boundaries: %s', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it('is case-sensitive unless an alias opts out', () => {
    expect(mentions('Open source and OPEN SOURCE and open source')).toEqual([
      ['open-source', 'Open source'],
      ['open-source', 'OPEN SOURCE'],
      ['open-source', 'open source'],
    ]);
    expect(mentions('DEEPSEEK')).toEqual([]);
  });

  it('matches Han aliases inside unspaced Chinese, longest first', () => {
    expect(mentions('支持开源软件')).toEqual([['open-source', '开源']]);
    expect(mentions('成立了中国人工智能开源软件发展联盟。')).toEqual([
      ['aioss-alliance', '中国人工智能开源软件发展联盟'],
    ]);
  });

  it('lets the longest alias win on overlap', () => {
    expect(mentions('High-Flyer Quant says')).toEqual([['high-flyer', 'High-Flyer Quant']]);
    expect(mentions('High-Flyer’s AI research')).toEqual([['high-flyer', 'High-Flyer']]);
  });

  it('counts a weak alias only after its entity was introduced', () => {
    expect(mentions('Liang said so.')).toEqual([]);
    expect(mentions('CEO Liang Wenfeng 梁文锋 said. Liang: I’m unsure')).toEqual([
      ['liang-wenfeng', 'Liang Wenfeng'],
      ['liang-wenfeng', '梁文锋'],
      ['liang-wenfeng', 'Liang'],
    ]);
  });

  it('keeps introductions across the pieces of one document, and only that document', () => {
    const doc = matcher.document();
    doc.scan('In a 2023 interview, Liang Wenfeng said.');
    expect(doc.scan('Liang’s response was telling').map((m) => m.entityId)).toEqual(['liang-wenfeng']);
    expect(matcher.document().scan('Liang’s response')).toEqual([]);
  });

  it('counts weak aliases of entities the document declares from the start', () => {
    expect(mentions('Jordan puts it this way', ['jordan-schneider'])).toEqual([['jordan-schneider', 'Jordan']]);
    expect(mentions('Jordan puts it this way')).toEqual([]);
  });

  it('gives a shared weak alias to the entity introduced most recently', () => {
    const doc = matcher.document();
    doc.scan('Liang Wenfeng met Liang Qichao.');
    expect(doc.scan('Liang spoke.').map((m) => m.entityId)).toEqual(['liang-qichao']);
    doc.scan('Then Liang Wenfeng answered.');
    expect(doc.scan('Liang spoke again.').map((m) => m.entityId)).toEqual(['liang-wenfeng']);
  });

  it('does not let a weak alias cut into a strong one', () => {
    expect(mentions('Liang Wenfeng', ['liang-wenfeng'])).toEqual([['liang-wenfeng', 'Liang Wenfeng']]);
  });

  it('reports offsets into the original text, astral characters included', () => {
    const text = '😁 DeepSeek';
    const [match] = matcher.document().scan(text);
    expect(text.slice(match!.start, match!.end)).toBe('DeepSeek');
  });

  it('handles suffix patterns through fail links', () => {
    const m = new Matcher([strong('abcd', 'x'), strong('bc', 'y'), strong('c d', 'z')]);
    expect(
      m
        .document()
        .scan('ab bc abcd c d')
        .map((x) => x.entityId),
    ).toEqual(['y', 'x', 'z']);
  });
});

describe('shared aliases', () => {
  const plans = new Matcher([
    strong('14th Five-Year Plan for National Informatization', 'informatization'),
    strong('14th Five-Year Plan for Software', 'software'),
    { text: 'five-year plans', entityId: 'informatization', weak: true, ignoreCase: false, shared: true },
    { text: 'five-year plans', entityId: 'software', weak: true, ignoreCase: false, shared: true },
  ]);

  it('mentions every entity sharing the alias, on one span', () => {
    const found = plans.document(['informatization', 'software']).scan('Two separate five-year plans also advocate');
    expect(found.map((m) => [m.entityId, m.start, m.end])).toEqual([
      ['informatization', 13, 28],
      ['software', 13, 28],
    ]);
  });

  it('mentions only the sharing entities already introduced', () => {
    const doc = plans.document();
    doc.scan('The 14th Five-Year Plan for Software targets two communities.');
    expect(doc.scan('Both five-year plans agree.').map((m) => m.entityId)).toEqual(['software']);
  });
});
