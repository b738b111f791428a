import { describe, expect, it } from 'vitest';
import { articleSchema, entitySchema } from '../content/content-schema.ts';
import { entityFacts } from './facts.ts';
import {
  articleJsonLd,
  entityJsonLd,
  entityType,
  quotationsJsonLd,
  withQuotations,
  type EntityRef,
} from './structured-data.ts';

const entity = (facts: Record<string, unknown>) => entitySchema().parse({ name: 'X', summary: 'S.', ...facts });

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
    expect(entityJsonLd(china, 'https://dossier.example/places/china/', ['中国'])).toMatchObject({
      '@type': 'Place',
      name: 'China',
      alternateName: ['中国'],
    });
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

describe('quotationsJsonLd', () => {
  const government: EntityRef = {
    type: 'GovernmentOrganization',
    name: 'Chinese government',
    url: 'https://x/organizations/chinese-government/',
    speaks: true,
  };
  const refs: Record<string, EntityRef> = {
    'robin-li': { type: 'Person', name: 'Robin Li', url: 'https://x/people/robin-li/', speaks: true },
    statement: {
      type: 'CreativeWork',
      name: 'The statement',
      url: 'https://x/policies/statement/',
      speaks: false,
      issuer: government,
    },
  };
  const quote = (speaker: { entityId: string } | { source: string }, text: string) => ({
    articleSlug: 'a',
    blockId: 'p-1',
    speaker,
    kind: 'quote' as const,
    paragraphs: [{ blockId: 'p-1', text }],
  });

  it('names a person as creator and speaker, a statement’s issuer for its words, and a described source as the work', () => {
    const [li, statement, post] = quotationsJsonLd(
      [
        quote({ entityId: 'robin-li' }, 'IQ tax.'),
        quote({ entityId: 'statement' }, 'Good for the world.'),
        quote({ source: 'a viral post' }, 'Diffusion.'),
      ],
      (slug) => `https://x/articles/${slug}/`,
      (id) => refs[id]!,
    );
    const robin = { '@type': 'Person', name: 'Robin Li', url: 'https://x/people/robin-li/' };
    expect(li).toEqual({
      '@type': 'Quotation',
      text: 'IQ tax.',
      url: 'https://x/articles/a/#p-1',
      isPartOf: { '@type': 'Article', url: 'https://x/articles/a/' },
      creator: robin,
      spokenByCharacter: robin,
    });
    expect(statement).toMatchObject({
      creator: { name: 'Chinese government' },
      isBasedOn: { '@type': 'CreativeWork', name: 'The statement' },
    });
    expect(post).toMatchObject({
      '@type': 'Quotation',
      text: 'Diffusion.',
      isBasedOn: { '@type': 'CreativeWork', name: 'a viral post' },
    });
    expect(post).not.toHaveProperty('creator');
  });

  it('hangs a speaker’s quotations from the entity, which stays the page’s top-level thing', () => {
    const person = { '@context': 'https://schema.org', '@type': 'Person', name: 'Robin Li' };
    expect(withQuotations(person, [], 'creator')).toBe(person);
    expect(withQuotations(person, [{ '@type': 'Quotation' }], 'creator')).toEqual({
      ...person,
      '@reverse': { creator: [{ '@type': 'Quotation' }] },
    });
  });
});

describe('articleJsonLd', () => {
  const article = (extra: Record<string, unknown>) =>
    articleSchema.parse({ title: 'T', dek: 'D.', source: { publication: 'Weekly' }, ...extra });

  it('names the original the page is based on, and the tags as keywords', () => {
    const ld = articleJsonLd(
      article({ source: { publication: 'Weekly', url: 'https://weekly.example/p/t' }, tags: ['AI policy', 'China'] }),
      'https://x/articles/t/',
      [],
    );
    expect(ld).toMatchObject({
      publisher: { '@type': 'Organization', name: 'Weekly' },
      isBasedOn: 'https://weekly.example/p/t',
      keywords: ['AI policy', 'China'],
    });
    expect((ld.publisher as { url?: string }).url).toBeUndefined();
  });

  it('leaves out what the article does not have', () => {
    const ld = articleJsonLd(article({}), 'https://x/articles/t/', []);
    expect(ld).not.toHaveProperty('isBasedOn');
    expect(ld).not.toHaveProperty('keywords');
    expect(ld).not.toHaveProperty('datePublished');
  });
});
