/**
 * The infobox: the kind-specific facts of an entity as labelled rows, in reading order, each fact that does not come
 * from the articles marked so, with its source where known. Values that are entity ids stay ids here; the page turns
 * them into links. The kind itself is no row: the badge above the title shows it.
 */
import { isBuiltInData, ownFields, type BuiltInEntityData, type EntityData } from '../content/content-schema.ts';
import {
  ORGANIZATION_TYPE_INFO,
  PLACE_TYPE_INFO,
  POLICY_STATUS_LABELS,
  POLICY_TYPE_INFO,
  PRODUCT_TYPE_INFO,
} from '../content/kinds.ts';

export type FactValue = { text: string } | { entityIds: string[] } | { url: string };
export interface Fact {
  label: string;
  value: FactValue;
  /** Present when the fact is not from the articles (`outsideFacts`): the page it comes from, if known. */
  outside?: { source?: string };
}

export function entityFacts(data: EntityData): Fact[] {
  const facts: Fact[] = [];
  const push = (field: string, label: string, value: FactValue) => {
    const outside = data.outsideFacts[field];
    facts.push({ label, value, ...(outside && { outside: outside.source ? { source: outside.source } : {} }) });
  };
  const text = (field: string, label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') push(field, label, { text: String(value) });
  };
  const ids = (field: string, label: string, value: string[] | string | undefined) => {
    const list = typeof value === 'string' ? [value] : (value ?? []);
    if (list.length) push(field, label, { entityIds: list });
  };
  const url = (field: string, label: string, value: string | undefined) => {
    if (value) push(field, label, { url: value });
  };
  if (isBuiltInData(data)) builtInFacts(data, { text, ids, url });
  // The site's own fields for the kind, after the built-in ones, as its kinds table labels them.
  for (const { field, info, value } of ownFields(data)) {
    if (info.type === 'entity' || info.type === 'entities') ids(field, info.label, value as string | string[]);
    else if (info.type === 'url') url(field, info.label, String(value));
    else text(field, info.label, Array.isArray(value) ? value.join('; ') : (value as string | number));
  }
  return facts;
}

interface FactRows {
  text: (field: string, label: string, value: string | number | undefined) => void;
  ids: (field: string, label: string, value: string[] | string | undefined) => void;
  url: (field: string, label: string, value: string | undefined) => void;
}

function builtInFacts(data: BuiltInEntityData, { text, ids, url }: FactRows) {
  switch (data.kind) {
    case 'organization':
      text('orgType', 'Type', ORGANIZATION_TYPE_INFO[data.orgType].label);
      text('country', 'Country', data.country);
      text('founded', 'Founded', data.founded);
      ids('founders', data.founders.length > 1 ? 'Founders' : 'Founder', data.founders);
      ids('parent', 'Part of', data.parent);
      url('website', 'Website', data.website);
      break;
    case 'person':
      text('roles', data.roles.length > 1 ? 'Roles' : 'Role', data.roles.join('; '));
      ids('affiliations', 'Affiliations', data.affiliations);
      break;
    case 'policy':
      text('policyType', 'Type', POLICY_TYPE_INFO[data.policyType].label);
      ids('issuer', 'Issued by', data.issuer);
      text('year', 'Year', data.year);
      text('status', 'Status', POLICY_STATUS_LABELS[data.status]);
      break;
    case 'concept':
      text('field', 'Field', data.field);
      break;
    case 'product':
      text('productType', 'Type', PRODUCT_TYPE_INFO[data.productType].label);
      ids('maker', 'Made by', data.maker);
      text('released', 'Released', data.released);
      break;
    case 'place':
      text('placeType', 'Type', PLACE_TYPE_INFO[data.placeType].label);
      ids('country', 'Country', data.country);
      break;
  }
}
