/**
 * The infobox: the kind-specific facts of an entity as labelled rows, in reading order.
 * Values that are entity ids stay ids here; the page turns them into links.
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
}

export function entityFacts(data: EntityData): Fact[] {
  const facts: Fact[] = [];
  const text = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') facts.push({ label, value: { text: String(value) } });
  };
  const ids = (label: string, value: string[] | string | undefined) => {
    const list = typeof value === 'string' ? [value] : (value ?? []);
    if (list.length) facts.push({ label, value: { entityIds: list } });
  };
  if (isBuiltInData(data)) builtInFacts(data, text, ids, facts);
  // The site's own fields for the kind, after the built-in ones, as its kinds table labels them.
  for (const { info, value } of ownFields(data)) {
    if (info.type === 'entity' || info.type === 'entities') ids(info.label, value as string | string[]);
    else if (info.type === 'url') facts.push({ label: info.label, value: { url: String(value) } });
    else text(info.label, Array.isArray(value) ? value.join('; ') : (value as string | number));
  }
  return facts;
}

function builtInFacts(
  data: BuiltInEntityData,
  text: (label: string, value: string | number | undefined) => void,
  ids: (label: string, value: string[] | string | undefined) => void,
  facts: Fact[],
) {
  switch (data.kind) {
    case 'organization':
      text('Type', ORGANIZATION_TYPE_INFO[data.orgType].label);
      text('Country', data.country);
      text('Founded', data.founded);
      ids(data.founders.length > 1 ? 'Founders' : 'Founder', data.founders);
      ids('Part of', data.parent);
      if (data.website) facts.push({ label: 'Website', value: { url: data.website } });
      break;
    case 'person':
      facts.push({ label: data.roles.length > 1 ? 'Roles' : 'Role', value: { text: data.roles.join('; ') } });
      ids('Affiliations', data.affiliations);
      break;
    case 'policy':
      text('Type', POLICY_TYPE_INFO[data.policyType].label);
      ids('Issued by', data.issuer);
      text('Year', data.year);
      text('Status', POLICY_STATUS_LABELS[data.status]);
      break;
    case 'concept':
      text('Field', data.field);
      break;
    case 'product':
      text('Type', PRODUCT_TYPE_INFO[data.productType].label);
      ids('Made by', data.maker);
      text('Released', data.released);
      break;
    case 'place':
      text('Type', PLACE_TYPE_INFO[data.placeType].label);
      ids('Country', data.country);
      break;
  }
}
