/**
 * JSON-LD for each page, so search engines and link unfurlers know what a page is about: an Article, an
 * Organization, a Person, and the closest schema.org type for policy documents, concepts and products (kinds.ts).
 */
import { isBuiltInData, type ArticleData, type BuiltInEntityData, type EntityData } from '../content/content-schema.ts';
import { kindInfo, ORGANIZATION_TYPE_INFO, POLICY_TYPE_INFO, PRODUCT_TYPE_INFO } from '../content/kinds.ts';
import type { Quotation } from '../link/voices.ts';

type JsonLd = Record<string, unknown>;

/** The kind's schema.org type, or the closer one its type's table names (a government agency, a white paper…). */
export function entityType(data: EntityData): string {
  const type: { label: string; schemaType?: string } | undefined = !isBuiltInData(data)
    ? undefined
    : data.kind === 'organization'
      ? ORGANIZATION_TYPE_INFO[data.orgType]
      : data.kind === 'policy'
        ? POLICY_TYPE_INFO[data.policyType]
        : data.kind === 'product'
          ? PRODUCT_TYPE_INFO[data.productType]
          : undefined;
  return type?.schemaType ?? kindInfo(data.kind).schemaType;
}

export function entityJsonLd(data: EntityData, url: string, alternateNames: string[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': entityType(data),
    name: data.name,
    ...(alternateNames.length ? { alternateName: alternateNames } : {}),
    description: data.summary,
    url,
    ...(isBuiltInData(data) ? builtInProperties(data) : {}),
  };
}

function builtInProperties(data: BuiltInEntityData): JsonLd {
  if (data.kind === 'policy' && data.year) return { dateCreated: String(data.year) };
  if (data.kind === 'organization' && data.founded) return { foundingDate: String(data.founded) };
  if (data.kind === 'person') return { jobTitle: data.roles[0] };
  return {};
}

export interface EntityRef {
  type: string;
  name: string;
  url: string;
  /** A person or an organization: someone who says things, not a work or a thing. */
  speaks: boolean;
  /** A policy's issuer: who speaks in a statement's words. */
  issuer?: EntityRef | undefined;
}

/**
 * A schema.org Quotation for each quote and interview turn, part of its article. A person or organization is its
 * `creator` and `spokenByCharacter`; a statement's words are its issuer's, and the statement is what they are based
 * on; a described source with no page is named as the work they come from.
 */
export function quotationsJsonLd(
  quotations: readonly Quotation[],
  articleUrl: (slug: string) => string,
  entity: (id: string) => EntityRef,
): JsonLd[] {
  return quotations.map((quotation) => {
    const speaker = 'entityId' in quotation.speaker ? entity(quotation.speaker.entityId) : undefined;
    const ref = (e: EntityRef) => ({ '@type': e.type, name: e.name, url: e.url });
    const person = speaker && (speaker.speaks ? speaker : speaker.issuer);
    const url = articleUrl(quotation.articleSlug);
    return {
      '@type': 'Quotation',
      text: quotation.paragraphs.map((p) => p.text).join('\n\n'),
      url: `${url}#${quotation.blockId}`,
      isPartOf: { '@type': 'Article', url },
      ...(person ? { creator: ref(person), spokenByCharacter: ref(person) } : {}),
      ...(speaker && speaker !== person ? { isBasedOn: ref(speaker) } : {}),
      ...('source' in quotation.speaker
        ? { isBasedOn: { '@type': 'CreativeWork', name: quotation.speaker.source } }
        : {}),
    };
  });
}

/**
 * A speaker's page describes them and what they said: the quotations hang from the entity by the property that
 * points back at it (`creator` for a person or organization, `isBasedOn` for a statement), so the entity stays the
 * page's one top-level thing. They sit here rather than on the article, whose page budget they would break, and
 * beside the words "In their words" shows.
 */
export function withQuotations(entity: JsonLd, quotations: JsonLd[], via: 'creator' | 'isBasedOn'): JsonLd {
  return quotations.length ? { ...entity, '@reverse': { [via]: quotations } } : entity;
}

export function articleJsonLd(
  data: ArticleData,
  url: string,
  about: { type: string; name: string; url: string }[],
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: data.title,
    description: data.dek,
    url,
    mainEntityOfPage: url,
    // An approximate date is not stated as a publication date.
    ...(data.date && data.datePrecision !== 'approximate'
      ? { datePublished: data.date.toISOString().slice(0, 10) }
      : {}),
    ...(data.authors.length ? { author: data.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    publisher: { '@type': 'Organization', name: data.source.publication },
    // The page republishes the text: the original is what it is based on, not the publisher's address.
    ...(data.source.url ? { isBasedOn: data.source.url } : {}),
    ...(data.tags.length ? { keywords: data.tags } : {}),
    ...(about.length ? { about: about.map((a) => ({ '@type': a.type, name: a.name, url: a.url })) } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
