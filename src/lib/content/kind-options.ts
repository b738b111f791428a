/**
 * The integration's `kinds` option: a site's own kinds beside the built-in ones, changes to built-in ones, and
 * built-in ones it leaves out. Checked whole, so every problem is named at once, and resolved into the kinds table
 * the site builds with.
 *
 *   kinds: {
 *     event: { folder: 'events', singular: 'Event', plural: 'Events', colour: { light: '#6b5a00', dark: '#d8c85a' },
 *              shape: 'pentagon', schemaType: 'Event', fields: { venue: 'text', organisers: 'entities' } },
 *     place: false,
 *   }
 */
import { z } from 'zod';
import { builtInFields, COMMON_FIELDS } from './content-schema.ts';
import {
  BUILT_IN_KINDS,
  contrast,
  FIELD_TYPES,
  isBuiltInKind,
  KIND_SHAPES,
  PAPER,
  RESERVED_SEGMENTS,
  type FieldInfo,
  type KindInfo,
  type KindTable,
} from './kinds.ts';

const slug = (example: string) =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `lowercase letters, digits and single hyphens, like "${example}"`);
const label = z.string().trim().min(1, 'a non-empty label');
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #rrggbb, like "#1f5fa8"');
const fieldType = z.enum(Object.keys(FIELD_TYPES) as [keyof typeof FIELD_TYPES, ...(keyof typeof FIELD_TYPES)[]]);

const fieldOption = z.union([
  fieldType,
  z.strictObject({ type: fieldType, label: label.optional(), required: z.boolean().optional() }),
]);

const kindOption = z.strictObject({
  folder: slug('events').optional(),
  singular: label.optional(),
  plural: label.optional(),
  colour: z.strictObject({ light: hexColour, dark: hexColour }).optional(),
  shape: z.enum(KIND_SHAPES).optional(),
  schemaType: z
    .string()
    .regex(/^[A-Z][A-Za-z]+$/, 'a schema.org type, like "Event"')
    .optional(),
  work: z.boolean().optional(),
  speaks: z.boolean().optional(),
  fields: z
    .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a field name like "venue" or "startYear"'), fieldOption)
    .optional(),
});

/** `false` leaves a built-in kind out; an object adds a kind, or changes a built-in one. */
export const kindsOptionSchema = z.record(slug('event'), z.union([z.literal(false), kindOption]));
export type KindsOption = z.input<typeof kindsOptionSchema>;

/** What a new kind must say; the rest have defaults. */
const REQUIRED_FOR_NEW = ['folder', 'singular', 'plural', 'colour'] as const;

/** "startYear" → "Start year": a field's label when the option gives none. */
const labelOf = (field: string) => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The kinds table of a site: the built-in kinds, in their order, changed or left out as the option says, then the
 * site's own kinds in the option's order. Problems are pushed to `problems`, each naming the option and what was
 * expected; the built-in table stands in for a `kinds` option with problems.
 */
export function resolveKinds(option: KindsOption | undefined, problems: string[]): KindTable {
  const table: KindTable = { ...BUILT_IN_KINDS };
  const found: string[] = [];
  for (const [kind, given] of Object.entries(option ?? {})) {
    const name = `the option kinds.${kind}`;
    if (given === false) {
      if (isBuiltInKind(kind)) delete table[kind];
      else
        found.push(
          `${name} is false, which leaves out a built-in kind; "${kind}" is none (${Object.keys(BUILT_IN_KINDS).join(', ')})`,
        );
      continue;
    }
    const base: KindInfo | undefined = isBuiltInKind(kind) ? BUILT_IN_KINDS[kind] : undefined;
    const missing = base ? [] : REQUIRED_FOR_NEW.filter((key) => given[key] === undefined);
    if (missing.length) {
      found.push(`${name} is a new kind, so it needs ${REQUIRED_FOR_NEW.join(', ')}; it has no ${missing.join(', ')}`);
      continue;
    }
    const fields: Record<string, FieldInfo> = {};
    for (const [field, spec] of Object.entries(given.fields ?? {})) {
      const taken = [...new Set([...COMMON_FIELDS, ...(isBuiltInKind(kind) ? builtInFields(kind) : [])])];
      if (taken.includes(field)) {
        found.push(
          `the option kinds.${kind}.fields.${field} names a field every ${isBuiltInKind(kind) ? kind : 'entity'} has already; expected a name other than ${taken.join(', ')}`,
        );
        continue;
      }
      const { type, label, required } = typeof spec === 'string' ? { type: spec } : spec;
      fields[field] = { type, label: label ?? labelOf(field), required: required ?? false };
    }
    table[kind] = {
      folder: given.folder ?? base!.folder,
      singular: given.singular ?? base!.singular,
      plural: given.plural ?? base!.plural,
      colour: given.colour ?? base!.colour,
      shape: given.shape ?? base?.shape ?? 'circle',
      schemaType: given.schemaType ?? base?.schemaType ?? 'Thing',
      work: given.work ?? base?.work ?? false,
      speaks: given.speaks ?? base?.speaks ?? false,
      fields,
    };
  }
  found.push(...tableProblems(table));
  problems.push(...found);
  return found.length ? BUILT_IN_KINDS : table;
}

/** What the table as a whole must hold: a kind at least, a folder of its own for each, colours readers can read. */
function tableProblems(table: KindTable): string[] {
  const problems: string[] = [];
  const kinds = Object.entries(table);
  if (!kinds.length) problems.push('the option kinds leaves out every kind; expected at least one kind of entity');
  const reserved = RESERVED_SEGMENTS;
  const byFolder = new Map<string, string>();
  const byColour = new Map<string, string>();
  for (const [kind, { folder, colour }] of kinds) {
    if (reserved.includes(folder))
      problems.push(
        `the option kinds.${kind}.folder is "${folder}", which is the address of the site's own pages; expected another folder than ${reserved.join(', ')}`,
      );
    const other = byFolder.get(folder);
    if (other)
      problems.push(
        `the option kinds.${kind}.folder is "${folder}", already the folder of ${other}; expected a folder of its own`,
      );
    byFolder.set(folder, kind);
    for (const mode of ['light', 'dark'] as const) {
      const ratio = contrast(colour[mode], PAPER[mode]);
      if (ratio < 4.5)
        problems.push(
          `the option kinds.${kind}.colour.${mode} is "${colour[mode]}", which reads at ${ratio.toFixed(1)}:1 on the ${mode} paper (${PAPER[mode]}); expected a contrast of at least 4.5:1 (WCAG AA)`,
        );
    }
    const sameColour = byColour.get(colour.light.toLowerCase());
    if (sameColour)
      problems.push(
        `the option kinds.${kind}.colour.light is "${colour.light}", already the colour of ${sameColour}; expected a colour of its own, so readers tell the kinds apart`,
      );
    byColour.set(colour.light.toLowerCase(), kind);
  }
  return problems;
}
