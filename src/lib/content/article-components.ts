/**
 * The components every article may use, and the HTML each stands for. An article without code (Markdown and these
 * components, attribute values in quotes) is rendered to HTML once, while the content is indexed, instead of being
 * compiled to a JavaScript module of its own: a thousand modules cost the build minutes in the bundler. An article
 * with code (an import, an export, an `{expression}`, an HTML element) is real MDX, built only when an editor trusts
 * it, and compiled by @astrojs/mdx; these components are expanded in it all the same.
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { z } from 'zod';
import { isBlank, isJsxOnlyParagraph, type MdxNode } from './markdown.ts';

/** What a component may need to know of the site: the entity an id names (a quote's speaker). */
export interface ComponentSite {
  entity(id: string): { name: string; href: string; kind: string; isWork: boolean } | undefined;
  /** The known id nearest to a mistyped one. */
  closestId(id: string): string | undefined;
}

interface ComponentSpec<Props> {
  props: z.ZodType<Props>;
  /** What the attributes should be, when the schema's keys alone do not say it. */
  expects?: string;
  /** A problem the schema cannot see, such as an id that names no entity. */
  check?(props: Props, site: ComponentSite): string | undefined;
  render(props: Props, children: ElementContent[], site: ComponentSite): Element;
}

const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });
const noProps = z.object({}).strict();

/** Each component by its name in MDX. The class names are Tailwind's, so they are written out in full. */
export const ARTICLE_COMPONENTS = {
  /**
   * Text set apart from the article's argument: the newsletter's own notes, an editor's bracketed aside. A note, not
   * a landmark: an article may hold several with the same label.
   */
  Aside: {
    props: z.object({ label: z.string().trim().min(1) }).strict(),
    render: ({ label }, children) =>
      element(
        'aside',
        {
          role: 'note',
          ariaLabel: label,
          className: ['my-8', 'rounded', 'border', 'border-rule', 'px-5', 'py-1', 'text-base'],
        },
        [
          element(
            'p',
            {
              className: ['mb-0!', 'font-sans', 'text-xs', 'font-semibold', 'tracking-wide', 'text-muted', 'uppercase'],
              ariaHidden: 'true',
            },
            [text(label)],
          ),
          ...children,
        ],
      ),
  } satisfies ComponentSpec<{ label: string }>,
  /** One reader comment, kept apart from the article's own text. */
  Comment: {
    props: noProps,
    render: (_, children) => element('blockquote', { className: ['comment', 'text-base'] }, children),
  } satisfies ComponentSpec<object>,
  /** An interview exchange: each paragraph opens with its speaker's label in bold ("Liang:"). */
  Interview: {
    props: noProps,
    render: (_, children) =>
      element(
        'div',
        {
          className: [
            'interview',
            'my-8',
            'border-l-4',
            'border-rule',
            'pl-5',
            '[&_strong]:font-sans',
            '[&_strong]:text-[0.85em]',
            '[&_strong]:text-muted',
          ],
          role: 'group',
          ariaLabel: 'Interview excerpt',
        },
        children,
      ),
  } satisfies ComponentSpec<object>,
  /** A poem. When the source gave only its title, the page says so rather than leaving a silent gap. */
  Poem: {
    props: z.object({ title: z.string().trim().min(1) }).strict(),
    render: ({ title }, children) =>
      element('section', { className: ['poem', 'my-8'], ariaLabel: `Poem: ${title}` }, [
        element('h3', {}, [text(title)]),
        children.every(isBlank)
          ? element('p', { className: ['font-sans', 'text-sm', 'text-muted'] }, [
              text('The text of this poem is not included in the source this page was made from.'),
            ])
          : element('div', { className: ['italic'] }, children),
      ]),
  } satisfies ComponentSpec<{ title: string }>,
  /**
   * Words quoted from someone: an entity (`by`, its id), or a source with no page of its own (`source`, described
   * in words). A figure whose caption names the speaker; `<cite>` only where the speaker is a work (a statement,
   * a post), since HTML's cite names works, not people.
   */
  Quote: {
    props: z
      .object({ by: z.string().trim().min(1).optional(), source: z.string().trim().min(1).optional() })
      .strict()
      .refine((props) => (props.by === undefined) !== (props.source === undefined), {
        message: 'both by and source, or neither',
      }),
    expects: 'by="…" with the speaker\'s entity id, or source="…" describing a source that has no page',
    check: ({ by }, site) => {
      if (by === undefined || site.entity(by)) return undefined;
      const hint = site.closestId(by);
      return `<Quote> has by="${by}", which is no entity; expected the id (file name) of a file in content/entities/${hint ? `, like "${hint}"` : ''}`;
    },
    render: ({ by, source }, children, site) => {
      const speaker = by === undefined ? undefined : site.entity(by)!;
      const name: ElementContent = speaker
        ? element('a', { href: speaker.href, className: ['entity-link'], dataKind: speaker.kind }, [text(speaker.name)])
        : text(source!);
      const content = children.filter((child) => !isBlank(child));
      // The Markdown inside is usually one `>` blockquote; paragraphs written without `>` are quoted all the same.
      const only =
        content.length === 1 && content[0]!.type === 'element' && content[0]!.tagName === 'blockquote'
          ? content[0]!
          : undefined;
      const quote = only ?? element('blockquote', {}, children);
      return element('figure', { className: ['quotation'] }, [
        quote,
        element('figcaption', { className: ['pl-5', 'font-sans', 'text-sm', 'text-muted'] }, [
          text('— '),
          !speaker || speaker.isWork ? element('cite', {}, [name]) : name,
        ]),
      ]);
    },
  } satisfies ComponentSpec<{ by?: string | undefined; source?: string | undefined }>,
};

const COMPONENT_NAMES = Object.keys(ARTICLE_COMPONENTS).join(', ');

type AnyNode = Root | RootContent | ElementContent | MdxNode;
const isMdx = (node: AnyNode): node is MdxNode => node.type.startsWith('mdx');

/** A problem in an article's body: what is wrong, and its line counted from the body's first line. */
export interface BodyProblem {
  bodyLine?: number | undefined;
  message: string;
}

const isComponent = (name: string) => Object.hasOwn(ARTICLE_COMPONENTS, name);
const isElement = (node: AnyNode): node is MdxNode =>
  node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
const isModuleCode = (node: AnyNode) => node.type === 'mdxjsEsm';
/** A capitalised name is a component, which only an import or an export can define; a lowercase one is HTML. */
const isHtmlName = (name: string) => /^[a-z]/.test(name);

const some = (node: AnyNode, test: (node: AnyNode) => boolean): boolean =>
  test(node) ||
  ('children' in node && (node.children as AnyNode[] | undefined)?.some((child) => some(child, test)) === true);

/** One place where an article is code rather than text: what it is, and its line counted from the body's first. */
export interface CodeUse {
  what: string;
  bodyLine: number | undefined;
}

/**
 * Every place an MDX tree is code: an import, an export, an `{expression}`, an HTML element (`<iframe>`), and a
 * component that is no article component where the tree imports or exports something that could define it (without
 * that, expandComponents reports it as a mistake instead).
 */
export function codeIn(tree: Root): CodeUse[] {
  const uses: CodeUse[] = [];
  const defines = some(tree, isModuleCode);
  const visit = (node: AnyNode) => {
    const bodyLine = (node as MdxNode).position?.start.line;
    if (isModuleCode(node))
      uses.push({
        what: /^\s*import\b/.test((node as { value?: string }).value ?? '') ? 'an import' : 'an export',
        bodyLine,
      });
    else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression')
      uses.push({ what: 'an {expression}', bodyLine });
    else if (isElement(node) && !isComponent(node.name ?? '') && (isHtmlName(node.name ?? '') || defines))
      uses.push({ what: `the element <${node.name ?? ''}>`, bodyLine });
    if ('children' in node) (node.children as AnyNode[] | undefined)?.forEach(visit);
  };
  visit(tree);
  return uses;
}

/** Whether an MDX tree has code (`codeIn`): it then needs compiling as MDX, and an editor's trust. */
export const hasCode = (tree: Root): boolean => codeIn(tree).length > 0;

export const TRUST_HINT =
  'an article with code builds only when an editor trusts it: add "trusted: true" to its front matter, or set DOSSIER_TRUST_CODE=1 for the whole site';

/**
 * What an article's code may not do. Untrusted, it may have none: code runs when the site is built. Trusted or not,
 * it may not redirect the reader (`<meta http-equiv>`), change where every link goes (`<base>`) or run script from an
 * attribute (`onError=`, `onclick=`), which the site's Content-Security-Policy would be left to stop.
 */
export function codeProblems(tree: Root, trusted: boolean): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const visit = (node: AnyNode) => {
    if (isElement(node)) {
      const bodyLine = node.position?.start.line;
      const name = node.name ?? '';
      const attributes = (node.attributes ?? []).filter((a) => a.type === 'mdxJsxAttribute').map((a) => a.name ?? '');
      if (name.toLowerCase() === 'base')
        problems.push({
          bodyLine,
          message:
            'uses <base>, which would send every link of the page elsewhere; it is refused even in a trusted article',
        });
      if (name.toLowerCase() === 'meta' && attributes.some((a) => a.replace(/-/g, '').toLowerCase() === 'httpequiv')) {
        problems.push({
          bodyLine,
          message:
            'uses <meta http-equiv>, which can send the reader to another site; it is refused even in a trusted article',
        });
      }
      for (const attribute of attributes.filter((a) => /^on[a-z]/i.test(a))) {
        problems.push({
          bodyLine,
          message: `gives <${name}> the event handler ${attribute}=, which runs script in the reader's browser; it is refused even in a trusted article`,
        });
      }
    }
    if ('children' in node) (node.children as AnyNode[] | undefined)?.forEach(visit);
  };
  visit(tree);
  const uses = codeIn(tree);
  if (!trusted && uses.length) {
    const [first] = uses as [CodeUse];
    const more = uses.length > 1 ? ` (the first of ${uses.length} places with code)` : '';
    problems.unshift({ bodyLine: first.bodyLine, message: `has code: ${first.what}${more}; ${TRUST_HINT}` });
  }
  return problems;
}

/**
 * Replaces every article component in the tree with its HTML, in place, and unwraps a paragraph that holds nothing
 * but components, as MDX does, so a component never ends up inside a `<p>`. Returns the problems found: a wrong or
 * missing attribute, and a component that nothing in the tree could define. Code itself (`codeIn`) is left for MDX
 * to compile, once codeProblems has let it through.
 */
export function expandComponents(tree: Root, site: ComponentSite = NO_SITE): BodyProblem[] {
  const problems: BodyProblem[] = [];
  // Only an import or an export can define a component of the article's own.
  const defines = some(tree, isModuleCode);
  const expand = (node: AnyNode): ElementContent[] => {
    if (isMdx(node)) return expandMdx(node);
    if (node.type === 'element' && isJsxOnlyParagraph(node))
      return node.children.filter((child) => !isBlank(child)).flatMap(expand);
    if ('children' in node) (node as { children: AnyNode[] }).children = node.children.flatMap(expand);
    return [node as ElementContent];
  };
  const expandMdx = (node: MdxNode): ElementContent[] => {
    const bodyLine = node.position?.start.line;
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return [node as ElementContent];
    const children = (node.children ?? []).flatMap(expand);
    const name = node.name ?? '';
    if (!isComponent(name)) {
      // HTML, or a component the article imports or exports: code, which codeProblems checks and MDX compiles.
      if (defines || isHtmlName(name)) return [{ ...node, children } as unknown as ElementContent];
      problems.push({
        bodyLine,
        message: `uses <${name}>, which is no article component; expected one of ${COMPONENT_NAMES}, or, in a trusted article, an import of the component`,
      });
      return children;
    }
    const spec = ARTICLE_COMPONENTS[name as keyof typeof ARTICLE_COMPONENTS] as ComponentSpec<unknown>;
    const props: Record<string, unknown> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') {
        problems.push({
          bodyLine,
          message: `<${name}> has an attribute that is not written as name="text"; expected ${expectedProps(spec)}`,
        });
        return children;
      }
      props[attribute.name!] = attribute.value;
    }
    const parsed = spec.props.safeParse(props);
    if (!parsed.success) {
      problems.push({
        bodyLine,
        message: `<${name}> has ${describeIssue(parsed.error.issues[0]!)}; expected ${expectedProps(spec)}`,
      });
      return children;
    }
    const problem = spec.check?.(parsed.data, site);
    if (problem) {
      problems.push({ bodyLine, message: problem });
      return children;
    }
    return [spec.render(parsed.data, children, site)];
  };
  tree.children = tree.children.flatMap(expand) as RootContent[];
  return problems;
}

/** Without a site, no id is known: only tests of other components expand without one. */
const NO_SITE: ComponentSite = { entity: () => undefined, closestId: () => undefined };

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `the attribute ${issue.keys.join(', ')}, which it does not take`;
  if (issue.code === 'custom') return issue.message;
  return `no text in its attribute ${issue.path.join('.')}`;
}

function expectedProps(spec: ComponentSpec<unknown>): string {
  if (spec.expects) return spec.expects;
  const names = spec.props instanceof z.ZodObject ? Object.keys(spec.props.shape) : [];
  return names.length ? names.map((name) => `${name}="…" with some text`).join(' and ') : 'no attributes';
}
