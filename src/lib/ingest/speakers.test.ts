import { describe, expect, it } from 'vitest';
import { attributeQuote, undeclaredSpeakers, type SpeakerEntity } from './speakers.ts';

const entity = (id: string, kind: SpeakerEntity['kind'], ...forms: string[]): SpeakerEntity => ({
  id,
  kind,
  forms: forms.map((text) => ({ text, ignoreCase: false })),
});
const SPEAKERS = [
  entity('baidu', 'organization', 'Baidu'),
  entity('robin-li', 'person', 'Robin Li', '李彦宏'),
  entity('kevin-xu', 'person', 'Kevin Xu'),
  entity('interconnected', 'organization', 'Interconnected'),
  entity('jordan-schneider', 'person', 'Jordan Schneider', 'Jordan'),
  entity('miles-brundage', 'person', 'Miles Brundage'),
  entity('acme', 'organization', 'Acme'),
  entity('jane-roe', 'person', 'Jane Roe'),
  entity('the-statement', 'policy', 'government statement'),
  entity('deepseek', 'organization', 'DeepSeek'),
  entity('open-source', 'concept', 'open source'),
];
const by = (leadIn: string) => {
  const attribution = attributeQuote(leadIn, SPEAKERS);
  return 'by' in attribution ? attribution.by : 'source' in attribution ? `source: ${attribution.source}` : 'unsure';
};

describe('who a quote is by, from its lead-in', () => {
  it('takes the one entity named as the subject, not as an employer, an affiliation or an object', () => {
    expect(by('The sentiment is common. Baidu founder Robin Li 李彦宏 put it bluntly:')).toBe('robin-li');
    expect(by('It is called the ethos, which Kevin Xu from Interconnected explains well:')).toBe('kevin-xu');
    expect(by('In our recent show with Miles Brundage, Jordan puts it this way:')).toBe('jordan-schneider');
    expect(by('Later that day, Acme CEO Jane Roe shared the following message about Acme’s model:')).toBe('jane-roe');
  });

  it('gives a statement to the statement, and a described source its description', () => {
    expect(by('To be clear, the only government statement we have on DeepSeek endorses open source:')).toBe(
      'the-statement',
    );
    expect(by('Analysts agreed. See a viral post by an engineer refuting Dario’s export control essay:')).toBe(
      'source: a viral post by an engineer',
    );
  });

  it('leaves a quote unattributed when the lead-in names no one, several, or someone with no entity, and says so', () => {
    expect(attributeQuote('When thinking about DeepSeek, two things can be true at once:', SPEAKERS)).toEqual({
      unsure: 'the lead-in names no one speaking: left unattributed',
    });
    expect(attributeQuote('Robin Li and Kevin Xu both said it:', SPEAKERS)).toEqual({
      unsure: expect.stringContaining('names “Robin Li” and “Kevin Xu”: which one is speaking?'),
    });
    expect(attributeQuote('Especially since Dan Wang wrote in his letter:', SPEAKERS)).toEqual({
      unsure: expect.stringContaining('reads as “Dan Wang” speaking, who has no entity yet'),
    });
    expect(by('Especially since he described it as follows:')).toBe('unsure');
  });
});

describe('speakers to declare', () => {
  const speakers: SpeakerEntity[] = [
    {
      id: 'waves',
      kind: 'organization',
      forms: [
        { text: 'Waves (暗涌)', ignoreCase: false },
        { text: 'Waves', ignoreCase: false, weak: true },
      ],
    },
    {
      id: 'liang-wenfeng',
      kind: 'person',
      forms: [
        { text: 'Liang Wenfeng', ignoreCase: false },
        { text: 'Liang', ignoreCase: false, weak: true },
      ],
    },
    {
      id: 'jordan-schneider',
      kind: 'person',
      forms: [
        { text: 'Jordan Schneider', ignoreCase: false },
        { text: 'Jordan', ignoreCase: false, weak: true },
      ],
    },
  ];
  it('are those named only by a short form the article never introduces', () => {
    const text = 'Liang Wenfeng founded the lab.\nJordan puts it this way:';
    expect(undeclaredSpeakers(['Liang', 'Waves', 'Liang', 'Waves'], ['jordan-schneider'], text, speakers)).toEqual([
      { id: 'waves', label: 'Waves' },
      { id: 'jordan-schneider', label: 'Jordan' },
    ]);
    expect(undeclaredSpeakers(['Waves'], [], 'An interview with Waves (暗涌).', speakers)).toEqual([]);
  });
});
