/**
 * Front matter is data, never code: YAML only, read with YAML's core schema. gray-matter would otherwise evaluate
 * front matter opened with `---js` or `---coffee`, and js-yaml's default schema turns an unquoted 2025-02-30 into
 * 2 March, where the core schema keeps it as the text written, for the zod schemas to check like a quoted one.
 */
import matter from 'gray-matter';
import yaml from 'js-yaml';

export interface Frontmatter {
  data: Record<string, unknown>;
  body: string;
  /** The file's line number of the body's first line. */
  bodyLine: number;
}

/** Why front matter could not be read, with the file's line where one is known. */
export class FrontmatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

// Any YAML value comes back (a scalar, a list, null); readFrontmatter checks that it is a mapping.
const readYaml = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object;
const refuse = () => {
  throw new FrontmatterError('front matter in a language other than YAML is refused');
};
const OPTIONS = {
  language: 'yaml',
  // Every engine gray-matter has besides YAML is replaced, so none can run even if the check below were bypassed.
  engines: { yaml: readYaml, yml: readYaml, javascript: refuse, js: refuse, coffee: refuse, json: refuse },
};

/** The front matter and body of a text that starts with a `---` line; throws a FrontmatterError. */
export function readFrontmatter(text: string): Frontmatter {
  const language = matter.language(text).name;
  if (language && !/^ya?ml$/i.test(language)) {
    throw new FrontmatterError(
      `opens its front matter with "---${language}"; front matter is YAML data only, opened by a plain "---" line, never code or another language`,
      1,
    );
  }
  let parsed: { data: unknown; content: string };
  try {
    // Passing options also turns off gray-matter's cache, which would hand out shared objects.
    parsed = matter(text, OPTIONS);
  } catch (error) {
    if (error instanceof FrontmatterError) throw error;
    const problem = error as { reason?: string; mark?: { line: number } };
    // The front matter starts on the file's second line; js-yaml counts lines from 0.
    throw new FrontmatterError(
      `the YAML frontmatter is malformed: ${problem.reason ?? String(error)}`,
      problem.mark ? problem.mark.line + 2 : undefined,
    );
  }
  const data = parsed.data === null || parsed.data === undefined ? {} : parsed.data;
  if (typeof data !== 'object' || Array.isArray(data))
    throw new FrontmatterError('the YAML frontmatter is not a list of fields; expected one "field: value" per line', 2);
  const bodyLine = text.slice(0, text.length - parsed.content.length).split('\n').length;
  return { data: data as Record<string, unknown>, body: parsed.content, bodyLine };
}
