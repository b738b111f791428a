import { describe, expect, it } from 'vitest';
import { annotateTree, type DocumentContext } from './annotate.ts';
import { speakerOf } from './block-markup.ts';
import { toHast } from '../content/markdown.ts';
import { Matcher, type AliasPattern } from './matcher.ts';
import { articleVoices, attributeVoices } from './voices.ts';

const alias = (text: string, entityId: string, weak = false): AliasPattern => ({
  text,
  entityId,
  weak,
  ignoreCase: false,
  shared: false,
});
const matcher = new Matcher([
  alias('Liang Wenfeng', 'liang'),
  alias('Liang', 'liang', true),
  alias('Waves', 'waves', true),
  alias('Robin Li', 'robin-li'),
  alias('IQ tax', 'iq-tax'),
  alias('Ferrari', 'ferrari'),
]);
const names: Record<string, string> = { liang: 'Liang Wenfeng', waves: 'Waves', 'robin-li': 'Robin Li' };
const context: DocumentContext = {
  declared: ['waves'],
  linkMode: 'section',
  href: (id) => `/e/${id}/`,
  kind: () => 'person',
  name: (id) => names[id] ?? id,
  title: 'An article',
};

function voices(mdx: string) {
  const tree = toHast(mdx, 'mdx');
  const blocks = annotateTree(tree, matcher, context);
  attributeVoices(tree, blocks);
  return blocks;
}

const article = [
  'Robin Li put it bluntly:',
  '<Quote by="robin-li">\n\n> Open source is a kind of IQ tax.\n>\n> Closed source wins.\n\n</Quote>',
  'A post said:',
  '<Quote source="an engineer’s viral post">\n\n> AI has entered a phase of diffusion.\n\n</Quote>',
  'Liang Wenfeng was asked about madness. His response:',
  '<Interview>\n\n**Liang:** I’m unsure if it’s madness.\n\n**Waves:** There is a sense of reward.\n\n**Nobody:** An unknown voice.\n\n</Interview>',
  'Readers wrote.',
  '<Comment>\n\nA bit like Ferrari.\n\n</Comment>',
].join('\n\n');

describe('attributeVoices', () => {
  const blocks = voices(article);
  const voiceOf = (start: string) => blocks.find((block) => block.text.startsWith(start))!.voice;

  it('gives a quote’s paragraphs its speaker, an entity or a described source, and leaves the article’s own words alone', () => {
    expect(voiceOf('Open source is')).toEqual({ kind: 'quote', unit: 'p-open-source-is-a-kind', by: 'robin-li' });
    expect(voiceOf('Closed source wins')).toEqual({ kind: 'quote', unit: 'p-open-source-is-a-kind', by: 'robin-li' });
    expect(voiceOf('AI has entered')).toMatchObject({ kind: 'quote', source: 'an engineer’s viral post' });
    expect(voiceOf('Robin Li put it')).toBeUndefined();
  });

  it('resolves an interview turn’s label with the matcher, as any weak alias: Liang after his introduction, Waves declared', () => {
    expect(voiceOf('Liang:')).toMatchObject({ kind: 'turn', label: 'Liang:', speaker: 'liang' });
    expect(voiceOf('Waves:')).toMatchObject({ kind: 'turn', label: 'Waves:', speaker: 'waves' });
    expect(voiceOf('Nobody:')).toMatchObject({ kind: 'turn', speaker: undefined });
  });

  it('marks reader comments', () => {
    expect(voiceOf('A bit like Ferrari')).toEqual({ kind: 'comment' });
  });

  it('names who speaks a block, for its search title: a quote’s speaker or source, a turn’s speaker', () => {
    const block = (start: string) => blocks.find((b) => b.text.startsWith(start))!;
    expect(speakerOf(block('Open source'), context)).toBe('Robin Li');
    expect(speakerOf(block('Liang:'), context)).toBe('Liang Wenfeng');
    expect(speakerOf(block('AI has'), context)).toBe('an engineer’s viral post');
  });
});

describe('articleVoices', () => {
  const { quotations, introduced, speakersAround } = articleVoices('a', voices(article));

  it('gathers each quote whole, and each interview speaker’s own turns without their labels', () => {
    expect(quotations.map((q) => [q.speaker, q.kind, q.paragraphs.map((p) => p.text)])).toEqual([
      [{ entityId: 'robin-li' }, 'quote', ['Open source is a kind of IQ tax.', 'Closed source wins.']],
      [{ source: 'an engineer’s viral post' }, 'quote', ['AI has entered a phase of diffusion.']],
      [{ entityId: 'liang' }, 'interview', ['I’m unsure if it’s madness.']],
      [{ entityId: 'waves' }, 'interview', ['There is a sense of reward.']],
    ]);
  });

  it('joins a passage ending in a colon to the words it introduces, so it never stops at the colon', () => {
    expect(introduced.get('p-robin-li-put-it-bluntly')).toEqual({
      blockId: 'p-open-source-is-a-kind',
      speaker: { entityId: 'robin-li' },
      paragraphs: ['Open source is a kind of IQ tax.', 'Closed source wins.'],
    });
    expect(introduced.get('p-liang-wenfeng-was-asked-about')?.paragraphs).toHaveLength(3);
    expect(introduced.has('p-readers-wrote')).toBe(false);
  });

  it('counts everyone speaking in an interview as named in each of its turns', () => {
    expect(speakersAround.get('p-waves-there-is-a-sense')).toEqual(['liang', 'waves']);
    expect(speakersAround.get('p-open-source-is-a-kind')).toEqual(['robin-li']);
  });
});
