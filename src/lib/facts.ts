/**
 * The infobox: the kind-specific facts of an entity as labelled rows, in reading order.
 * Values that are entity ids stay ids here; the page turns them into links.
 */
import type { EntityData } from './content-schema.ts';

export type FactValue = { text: string } | { entityIds: string[] };
export interface Fact {
  label: string;
  value: FactValue;
}

const ORG_TYPE_LABELS: Record<string, string> = {
  company: 'Company',
  'investment-fund': 'Investment fund',
  'government-agency': 'Government agency',
  publication: 'Publication',
  alliance: 'Alliance',
  'code-platform': 'Code-hosting platform',
  'political-party': 'Political party',
  'standards-body': 'Standards body',
};
const POLICY_TYPE_LABELS: Record<string, string> = {
  'white-paper': 'White paper',
  'five-year-plan': 'Five-year plan',
  regulation: 'Regulation',
  statement: 'Government statement',
  designation: 'Official designation',
};
const POLICY_STATUS_LABELS: Record<string, string> = {
  published: 'Published',
  'in-force': 'In force',
  'since-deleted': 'Since deleted',
};
const PRODUCT_TYPE_LABELS: Record<string, string> = {
  'ai-model': 'AI model',
  chatbot: 'Chatbot',
  'operating-system': 'Operating system',
  software: 'Software',
  service: 'Service',
};

export function entityFacts(data: EntityData): Fact[] {
  const facts: Fact[] = [];
  const text = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') facts.push({ label, value: { text: String(value) } });
  };
  const ids = (label: string, value: string[] | string | undefined) => {
    const list = typeof value === 'string' ? [value] : (value ?? []);
    if (list.length) facts.push({ label, value: { entityIds: list } });
  };
  switch (data.kind) {
    case 'organization':
      text('Type', ORG_TYPE_LABELS[data.orgType]);
      text('Country', data.country);
      text('Founded', data.founded);
      ids(data.founders.length > 1 ? 'Founders' : 'Founder', data.founders);
      ids('Part of', data.parent);
      break;
    case 'person':
      facts.push({ label: data.roles.length > 1 ? 'Roles' : 'Role', value: { text: data.roles.join('; ') } });
      ids('Affiliations', data.affiliations);
      break;
    case 'policy':
      text('Type', POLICY_TYPE_LABELS[data.policyType]);
      ids('Issued by', data.issuer);
      text('Year', data.year);
      text('Status', POLICY_STATUS_LABELS[data.status]);
      break;
    case 'concept':
      text('Field', data.field);
      break;
    case 'product':
      text('Type', PRODUCT_TYPE_LABELS[data.productType]);
      ids('Made by', data.maker);
      text('Released', data.released);
      break;
  }
  return facts;
}
