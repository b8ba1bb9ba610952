/**
 * Lesson Markdown → typed blocks, at build time (no Markdown parser ships to the browser).
 *
 * Prose becomes HTML strings; directives (`::::tabs`, `:::quote`, …) become typed blocks whose
 * contents are compiled the same way. Raw HTML is refused, so the HTML we emit is safe to insert.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type {
  Definition,
  FootnoteDefinition,
  FootnoteReference,
  Image,
  Link,
  LinkReference,
  Nodes,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { directives } from '../blocks/directives.ts';
import type { Block, HeadingLevel, Html, Panel } from '../content/types.ts';
import type { ContainerChild, ContainerDirectiveSpec, ContainerInput, DirectiveContext, DirectiveSpec, LeafDirectiveSpec } from './block-directive.ts';
import { checkLessonEditorial } from './editorial/index.ts';
import type { ReadingLevel } from './editorial/reading-level.ts';
import { applyGlossary, emptyGlossaryIndex, type GlossaryIndex } from './glossary.ts';
import { browserUrl, checkLink } from './links.ts';
import type { Problem, Rule } from './problems.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

type Directive = ContainerDirective | LeafDirective | TextDirective;

type DirectiveName = keyof typeof directives;

const isDirectiveName = (name: string): name is DirectiveName => Object.hasOwn(directives, name);

/** The child directives (`:::tab`) of container blocks, and the block each one goes in. */
const CHILD_PARENTS: ReadonlyMap<string, string> = new Map(
  Object.entries(directives).flatMap(([name, spec]) => (spec.kind === 'container' ? [[spec.child, name] as const] : [])),
);
const KNOWN_BLOCKS = Object.keys(directives).join(', ');

export interface LessonLink {
  lessonId: string;
  line: number;
  column: number;
}

export interface CompiledMarkdown {
  blocks: Block[];
  words: number;
  /** `lesson:<id>` links, checked against the course once every lesson is known. */
  lessonLinks: LessonLink[];
  /** Reading grade of the lesson's visible text (footnotes left out). */
  reading: ReadingLevel | undefined;
  /** The lesson's visible text as plain-text pieces (paragraphs, headings, block titles). */
  textPieces: string[];
}

export interface LessonCompileOptions {
  /** The lesson's id (a glossary term is not linked in the lesson that explains it). */
  lessonId?: string | undefined;
  glossary?: GlossaryIndex | undefined;
  /** From course.json: the editorial reading-level rule warns above it. */
  maxReadingGrade?: number | undefined;
}

/**
 * Compile a lesson body. `lineOffset` is the number of lines above the body (the front matter),
 * so reported lines match the file.
 */
export function compileLessonMarkdown(
  file: string,
  body: string,
  lineOffset: number,
  problems: Problem[],
  options: LessonCompileOptions = {},
): CompiledMarkdown {
  const tree = parseMarkdown(body);
  const context = new CompileContext(file, lineOffset, problems, body);
  context.checkInlineNodes(tree);
  const glossary = options.glossary ?? emptyGlossaryIndex;
  const editorial = checkLessonEditorial({ file, tree, lineOffset, glossary, maxReadingGrade: options.maxReadingGrade });
  problems.push(...editorial.problems);
  const words = countWords(toString(tree));
  applyGlossary(tree, glossary, options.lessonId);
  const footnotes = tree.children.filter((node): node is FootnoteDefinition => node.type === 'footnoteDefinition');
  const blocks = context.blocks(tree.children.filter((node) => node.type !== 'footnoteDefinition'));
  if (footnotes.length) {
    blocks.push({
      type: 'footnotes',
      notes: footnotes.map((note) => ({
        id: footnoteId(note.identifier),
        label: note.label ?? note.identifier,
        html: context.html(note.children),
      })),
    });
  }
  return { blocks, words, lessonLinks: context.lessonLinks, reading: editorial.reading, textPieces: editorial.pieces };
}

/** Inline Markdown (question prompts, options, feedback) → HTML without a wrapping paragraph. */
export function compileInlineMarkdown(
  file: string,
  text: string,
  at: { line: number; column: number },
  problems: Problem[],
): Html {
  const tree = parseMarkdown(text);
  const context = new CompileContext(file, at.line - 1, problems);
  context.checkInlineNodes(tree);
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'html') {
      context.report(node, 'no-html', `only inline Markdown is allowed here (found a ${node.type}); write it as one paragraph`);
    }
  }
  const children = tree.children.flatMap((node) => (node.type === 'paragraph' ? node.children : []));
  return context.inlineHtml(children);
}

/**
 * The course uses no inline directives, and ordinary text like "11:26" or "a:b" would otherwise read
 * as one; put such text back exactly as written.
 */
function parseMarkdown(text: string): Root {
  const tree = parser.parse(text) as Root;
  visit(tree, 'textDirective', (node: TextDirective, index, parent) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (parent && index !== undefined && start !== undefined && end !== undefined) {
      parent.children[index] = { type: 'text', value: text.slice(start, end) };
    }
  });
  return tree;
}

/** Inline Markdown → plain text (emphasis and links dropped, entities decoded). */
export function inlineMarkdownToText(text: string): string {
  return toString(parseMarkdown(text)).replace(/\s+/g, ' ').trim();
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function footnoteId(identifier: string): string {
  return `fn-${identifier.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  );
}

class CompileContext implements DirectiveContext {
  readonly lessonLinks: LessonLink[] = [];
  /** Depth of the last heading so far (1: the lesson title), so block titles never skip a level. */
  private headingDepth = 1;
  private readonly handlers: Record<string, Handler>;

  constructor(
    private readonly file: string,
    private readonly lineOffset: number,
    private readonly problems: Problem[],
    /** The Markdown source, to read what the tree does not keep (a list item's own number). */
    readonly source = '',
  ) {
    this.handlers = {
      footnoteReference: (state: State, node: FootnoteReference): Element => {
        const id = footnoteId(node.identifier);
        const link: Element = {
          type: 'element',
          tagName: 'a',
          properties: { href: `#${id}`, className: ['footnote-ref'] },
          children: [{ type: 'text', value: node.label ?? node.identifier }],
        };
        state.patch(node, link);
        return { type: 'element', tagName: 'sup', properties: {}, children: [link] };
      },
      link: (state: State, node: Link): Element => {
        // Written by the glossary rewrite (glossary.ts) after the links were checked, never by editors.
        const glossaryId = /^glossary:(.*)$/.exec(node.url)?.[1];
        if (glossaryId !== undefined) {
          return {
            type: 'element',
            tagName: 'a',
            properties: { href: `glossary#${glossaryId}`, dataGlossary: glossaryId, className: ['glossary-link'] },
            children: state.all(node),
          };
        }
        return this.anchor(state, node, node.url, node.title);
      },
      linkReference: (state: State, node: LinkReference): Element => {
        const definition = state.definitionById.get(String(node.identifier).toUpperCase());
        return this.anchor(state, node, definition?.url ?? '', definition?.title);
      },
    };
  }

  /**
   * A link's `<a>`: in-course links point at the lesson; external links open in a new tab without
   * handing the course window to the site (`noopener noreferrer`), and carry an empty note that
   * the player fills with "(opens in a new tab)" in the learner's language (RichText.tsx). A link
   * that is not allowed (reported by `checkInlineNodes`) gets no `href`.
   */
  private anchor(state: State, node: Link | LinkReference, url: string, title: string | null | undefined): Element {
    const checked = checkLink(url);
    const properties: Element['properties'] = {};
    const children = state.all(node);
    if (checked.ok && checked.kind === 'lesson') {
      const lessonId = checked.lessonId ?? '';
      this.lessonLinks.push({ lessonId, ...this.position(node) });
      properties.href = `lesson/${lessonId}`;
      properties.dataLesson = lessonId;
    } else if (checked.ok && (checked.kind === 'external' || checked.kind === 'insecure')) {
      properties.href = checked.href;
      properties.target = '_blank';
      properties.rel = ['noopener', 'noreferrer'];
      children.push({ type: 'element', tagName: 'span', properties: { className: ['visually-hidden', 'new-tab-note'] }, children: [] });
    } else if (checked.ok) {
      properties.href = checked.href;
    }
    if (title) properties.title = title;
    return { type: 'element', tagName: 'a', properties, children };
  }

  position(node: Nodes): { line: number; column: number } {
    const start = node.position?.start;
    return { line: (start?.line ?? 1) + this.lineOffset, column: start?.column ?? 1 };
  }

  report(node: Nodes, rule: Rule, message: string): void {
    this.problems.push({ file: this.file, ...this.position(node), rule, message });
  }

  /** Problems that can sit anywhere: raw HTML, text directives, stray `#` headings. */
  checkInlineNodes(tree: Root): void {
    visit(tree, (node) => {
      if (node.type === 'html') {
        // Comments are editors' notes; a closing tag was already reported with its opening tag.
        if (!/^\s*(<!--[\s\S]*-->|<\/[^>]*>)\s*$/.test(node.value)) {
          this.report(node, 'no-html', `HTML is not allowed in content (found ${JSON.stringify(node.value.slice(0, 30))}); use Markdown or a block from content/README.md`);
        }
      } else if (node.type === 'link' || node.type === 'definition' || node.type === 'image') {
        this.checkUrl(node);
      } else if (node.type === 'heading' && node.depth === 1) {
        this.report(node, 'heading-level', 'the lesson title comes from the front matter; start headings inside the lesson at "##"');
      }
    });
  }

  /** Every link target, in whichever form it is written: see links.ts. */
  private checkUrl(node: Link | Definition | Image): void {
    if (node.type === 'image') {
      // Images ship with the course (the Content-Security-Policy allows no other site's images):
      // a relative path to a file, never an address with a scheme or another host.
      const src = browserUrl(node.url);
      if (/^([a-zA-Z][a-zA-Z0-9+.-]*:|\/)/.test(src)) {
        this.report(node, 'unsafe-link', `an image must be a file that ships with the course, written as a relative path (images/name.png), not "${src.slice(0, 40)}"`);
      }
      return;
    }
    const checked = checkLink(node.url);
    if (!checked.ok) {
      this.report(node, 'unsafe-link', checked.reason);
    } else if (checked.kind === 'insecure') {
      this.problems.push({
        file: this.file,
        ...this.position(node),
        rule: 'http-link',
        severity: 'warning',
        message: `"${checked.href.slice(0, 60)}" is an http:// link; use https:// if the site offers it`,
      });
    }
  }

  /** Inline or block mdast → HTML string. */
  html(nodes: RootContent[]): Html {
    const root: Root = { type: 'root', children: nodes.filter((node) => node.type !== 'html') };
    const hast = toHast(root, { handlers: this.handlers }) as HastRoot;
    return toHtml(hast).trim();
  }

  /** Phrasing content → HTML without a wrapping <p> (and without the newlines block output has). */
  inlineHtml(nodes: PhrasingContent[]): Html {
    const hast = toHast({ type: 'paragraph', children: nodes }, { handlers: this.handlers });
    const children = hast && 'children' in hast ? hast.children : [];
    return toHtml({ type: 'root', children: children as HastRoot['children'] }).trim();
  }

  blocks(nodes: RootContent[]): Block[] {
    const blocks: Block[] = [];
    let prose: RootContent[] = [];
    const flush = () => {
      const html = this.html(prose);
      if (html) blocks.push({ type: 'prose', html });
      prose = [];
    };
    for (const node of nodes) {
      if (node.type === 'containerDirective' || node.type === 'leafDirective') {
        flush();
        const block = this.directive(node);
        if (block) blocks.push(block);
      } else if (node.type !== 'html') {
        if (node.type === 'heading') this.headingDepth = node.depth;
        prose.push(node);
      }
    }
    flush();
    return blocks;
  }

  private checkAttributes(node: Directive, allowed: readonly string[], required: readonly string[]): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(node.attributes ?? {})) {
      if (!allowed.includes(name)) {
        this.report(
          node,
          'unknown-attribute',
          `"${node.name}" has no attribute "${name}"; ${allowed.length ? `it takes ${allowed.map((a) => `"${a}"`).join(', ')}` : 'it takes none'}`,
        );
      } else {
        attributes[name] = value ?? '';
      }
    }
    for (const name of required) {
      if (!attributes[name]?.trim()) {
        this.report(node, 'missing-attribute', `"${node.name}" needs ${name}="…", e.g. :::${node.name}{${name}="…"}`);
      }
    }
    return attributes;
  }

  private directive(node: ContainerDirective | LeafDirective): Block | undefined {
    const name = node.name;
    if (node.type === 'leafDirective') {
      this.report(node, 'unknown-directive', `"::${name}" is a one-line directive, which the course does not use; blocks open with ":::" or "::::" and close on their own line`);
      return undefined;
    }
    if (node.children[0]?.data && 'directiveLabel' in node.children[0].data) {
      this.report(node, 'unknown-attribute', `"${name}" takes its title as an attribute, e.g. {title="…"}, not in [brackets]`);
    }
    if (isDirectiveName(name)) {
      // The map pairs each name with its own spec; TypeScript cannot follow the pairing through the index.
      const spec = directives[name] as DirectiveSpec<DirectiveName>;
      return spec.kind === 'container' ? this.container(node, name, spec) : this.leaf(node, name, spec);
    }
    const parent = CHILD_PARENTS.get(name);
    if (parent !== undefined) {
      this.report(node, 'misplaced-directive', `":::${name}" only goes inside a "::::${parent}" block (with four colons)`);
      return undefined;
    }
    this.report(node, 'unknown-directive', `unknown block "${name}"; known blocks: ${KNOWN_BLOCKS}`);
    return undefined;
  }

  private container(node: ContainerDirective, name: DirectiveName, spec: ContainerDirectiveSpec<DirectiveName>): Block | undefined {
    // Accordion and slide titles are headings one level below the last heading before the block.
    const headingLevel = Math.min(6, this.headingDepth + 1) as HeadingLevel;
    const { label = '' } = this.checkAttributes(node, ['label'], ['label']);
    const children: ContainerChild[] = [];
    const ids = new Set<string>();
    for (const child of node.children) {
      if (child.type === 'html') continue;
      if (child.type !== 'containerDirective' || child.name !== spec.child) {
        this.report(
          child,
          'misplaced-directive',
          `only ":::${spec.child}" blocks go inside "::::${name}"${child.type === 'containerDirective' ? ` (found ":::${child.name}")` : ''}; check the number of colons`,
        );
        continue;
      }
      const attributes = this.checkAttributes(child, spec.childAttributes, spec.requiredChildAttributes);
      const blocks = this.blocks(child.children);
      if (!blocks.length && spec.emptyChildren !== 'allowed') {
        // A flip card's or panel's body is what the learner came to read.
        this.report(child, 'empty-block', `this ":::${spec.child}" has no text; write its content between the opening and closing lines`);
      }
      children.push({ attributes, blocks, node: child });
    }
    if (!children.length) {
      this.report(node, 'empty-block', `"::::${name}" has no ":::${spec.child}" inside; add at least one`);
      return undefined;
    }
    const uniqueId = (text: string) => {
      let id = slug(text);
      for (let n = 2; ids.has(id); n++) id = `${slug(text)}-${n}`;
      ids.add(id);
      return id;
    };
    const panels = (): Panel[] =>
      children.map(({ attributes, blocks }) => ({ id: uniqueId(attributes.title ?? ''), title: attributes.title ?? '', blocks }));
    const input: ContainerInput = { label, headingLevel, children, uniqueId, panels };
    return spec.compile(input, this);
  }

  /** Attribute text may use inline Markdown (*emphasis*); it is compiled like a prompt. */
  inlineAttribute(node: Nodes, text: string): Html {
    return compileInlineMarkdown(this.file, text, this.position(node), this.problems);
  }

  private leaf(node: ContainerDirective, name: DirectiveName, spec: LeafDirectiveSpec<DirectiveName>): Block | undefined {
    const attributes = this.checkAttributes(node, spec.attributes, spec.required);
    const content = node.children.filter((child) => child.type !== 'html');
    if (!content.length) {
      this.report(node, 'empty-block', `":::${name}" is empty; write its content between the opening and closing lines`);
      return undefined;
    }
    return spec.compile(node, content, attributes, this);
  }

  inlineText(text: string): string {
    return inlineMarkdownToText(text);
  }

  text(node: Nodes): string {
    return toString(node);
  }
}
