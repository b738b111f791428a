/**
 * Problems found in `content/`, phrased for the editor: which file, which field, what was expected.
 * All problems of a build are collected before it stops, so one run shows every mistake.
 */
import type { core } from 'zod';

export interface ContentProblem {
  /** Path of the offending file, relative to the project root (or as given). */
  file: string;
  /** Dotted path of the field, absent when the problem concerns the whole file. */
  field?: string | undefined;
  /** What is wrong and what was expected, in plain words. */
  message: string;
  /** Line in the file, where known (YAML syntax errors). */
  line?: number | undefined;
}

export function formatProblem({ file, field, message, line }: ContentProblem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return field ? `${where}: field "${field}": ${message}` : `${where}: ${message}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    super(`Dossier found ${count} in the content:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    // The message says everything; a stack trace into the registry would only hide it.
    this.stack = this.message;
  }
}

/** Runs `work` and returns the content problems it threw, as the editor reads them; none when it succeeds. */
export function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

/** Turns one zod issue into the editor's terms; `fields` are the fields the file may have, for an unknown one. */
export function describeIssue(issue: core.$ZodIssue, input: unknown, fields: string[] = []): ContentProblem['message'] {
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value === undefined) return `is required (expected ${expectedOf(issue)})`;
      return `expected ${expectedOf(issue)}, got ${describeValue(value)}`;
    }
    case 'unrecognized_keys':
      // The editor's file is named already; what helps is the list to check the spelling against.
      return issue.path.length === 0 && fields.length
        ? `is not a field of this kind; check its spelling, the fields are ${fields.join(', ')}`
        : "is not a field here; check its spelling (the README's Content section lists every field)";
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(valueAt(input, issue.path))}`;
    case 'invalid_union':
      return `expected ${issue.message.startsWith('Invalid') ? 'a value of the documented form' : issue.message}, got ${describeValue(valueAt(input, issue.path))}`;
    default:
      return issue.message.startsWith('Invalid') ? issue.message : `expected ${issue.message}`;
  }
}

function expectedOf(issue: core.$ZodIssueInvalidType): string {
  // Custom messages of the schema already name what is expected ("name as text").
  return issue.message.startsWith('Invalid input') ? issue.expected : issue.message;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
