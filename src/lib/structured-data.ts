/**
 * JSON-LD for each page, so search engines and link unfurlers know what a page is about: an Article, an
 * Organization, a Person, and the closest schema.org type for policy documents, concepts and products (kinds.ts).
 */
import type { ArticleData, EntityData } from './content-schema.ts';
import { KINDS, ORGANIZATION_TYPE_INFO, POLICY_TYPE_INFO, PRODUCT_TYPE_INFO } from './kinds.ts';

type JsonLd = Record<string, unknown>;

/** The kind's schema.org type, or the closer one its type's table names (a government agency, a white paper…). */
export function entityType(data: EntityData): string {
  const type: { label: string; schemaType?: string } | undefined =
    data.kind === 'organization' ? ORGANIZATION_TYPE_INFO[data.orgType] : data.kind === 'policy' ? POLICY_TYPE_INFO[data.policyType] : data.kind === 'product' ? PRODUCT_TYPE_INFO[data.productType] : undefined;
  return type?.schemaType ?? KINDS[data.kind].schemaType;
}

export function entityJsonLd(data: EntityData, url: string, alternateNames: string[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': entityType(data),
    name: data.name,
    ...(alternateNames.length ? { alternateName: alternateNames } : {}),
    description: data.summary,
    url,
    ...(data.kind === 'policy' && data.year ? { dateCreated: String(data.year) } : {}),
    ...(data.kind === 'organization' && data.founded ? { foundingDate: String(data.founded) } : {}),
    ...(data.kind === 'person' ? { jobTitle: data.roles[0] } : {}),
  };
}

export function articleJsonLd(data: ArticleData, url: string, about: { type: string; name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: data.title,
    description: data.dek,
    url,
    mainEntityOfPage: url,
    // An approximate date is not stated as a publication date.
    ...(data.date && data.datePrecision !== 'approximate' ? { datePublished: data.date.toISOString().slice(0, 10) } : {}),
    ...(data.authors.length ? { author: data.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    publisher: { '@type': 'Organization', name: data.source.publication, ...(data.source.url ? { url: data.source.url } : {}) },
    ...(about.length ? { about: about.map((a) => ({ '@type': a.type, name: a.name, url: a.url })) } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
