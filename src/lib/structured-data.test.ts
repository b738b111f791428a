import { describe, expect, it } from 'vitest';
import { entitySchema } from './content-schema.ts';
import { entityFacts } from './facts.ts';
import { entityJsonLd, entityType } from './structured-data.ts';

const entity = (facts: Record<string, unknown>) => entitySchema.parse({ name: 'X', summary: 'S.', ...facts });

describe('schema.org types', () => {
  it.each([
    [{ kind: 'organization', orgType: 'company' }, 'Organization'],
    [{ kind: 'organization', orgType: 'government-agency' }, 'GovernmentOrganization'],
    [{ kind: 'person', roles: ['CEO'] }, 'Person'],
    [{ kind: 'policy', policyType: 'white-paper' }, 'Report'],
    [{ kind: 'policy', policyType: 'statement' }, 'CreativeWork'],
    [{ kind: 'concept' }, 'DefinedTerm'],
    [{ kind: 'product', productType: 'service' }, 'Service'],
    [{ kind: 'place', placeType: 'country' }, 'Place'],
    [{ kind: 'place', placeType: 'city', country: 'china' }, 'Place'],
  ])('gives %o the type %s', (facts, type) => {
    expect(entityType(entity(facts))).toBe(type);
  });

  it('describes a place with its names', () => {
    const china = entity({ kind: 'place', name: 'China', placeType: 'country' });
    expect(entityJsonLd(china, 'https://dossier.example/places/china/', ['中国'])).toMatchObject({ '@type': 'Place', name: 'China', alternateName: ['中国'] });
  });
});

describe('the infobox', () => {
  it('gives a place its type and its country as a link', () => {
    expect(entityFacts(entity({ kind: 'place', placeType: 'city', country: 'china' }))).toEqual([
      { label: 'Type', value: { text: 'City' } },
      { label: 'Country', value: { entityIds: ['china'] } },
    ]);
  });
});
