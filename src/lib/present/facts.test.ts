import { describe, expect, it } from 'vitest';
import { entitySchema } from '../content/content-schema.ts';
import { entityFacts } from './facts.ts';

const entity = (facts: Record<string, unknown>) => entitySchema().parse({ name: 'X', summary: 'S.', ...facts });

describe('the infobox facts', () => {
  it('lists the kind-specific facts in reading order, and not the kind, which the badge shows', () => {
    const facts = entityFacts(
      entity({ kind: 'organization', orgType: 'company', country: 'China', founded: 2023, founders: ['liang'] }),
    );
    expect(facts.map(({ label }) => label)).toEqual(['Type', 'Country', 'Founded', 'Founder']);
    expect(facts.some(({ label }) => label === 'Kind')).toBe(false);
  });

  it('marks the facts from outside the articles, with their source where the content gives one', () => {
    const facts = entityFacts(
      entity({
        kind: 'organization',
        orgType: 'company',
        country: 'China',
        founded: 2023,
        website: 'https://example.com/',
        outsideFacts: { founded: true, website: { source: 'https://example.com/about' } },
      }),
    );
    expect(facts).toEqual([
      { label: 'Type', value: { text: 'Company' } },
      { label: 'Country', value: { text: 'China' } },
      { label: 'Founded', value: { text: '2023' }, outside: {} },
      { label: 'Website', value: { url: 'https://example.com/' }, outside: { source: 'https://example.com/about' } },
    ]);
  });

  it('marks a list of entities as one fact', () => {
    const facts = entityFacts(
      entity({ kind: 'person', roles: ['CEO'], affiliations: ['a', 'b'], outsideFacts: { affiliations: true } }),
    );
    expect(facts).toEqual([
      { label: 'Role', value: { text: 'CEO' } },
      { label: 'Affiliations', value: { entityIds: ['a', 'b'] }, outside: {} },
    ]);
  });
});
