/**
 * The seam between the pipeline and each block's `directive.ts` (src/blocks/<type>/directive.ts):
 * what a block says about its `::::name` / `:::name` directive, and what the pipeline gives it to
 * compile one. Build time only. The pipeline checks attributes, children and emptiness the same
 * way for every block (markdown.ts), so each block only maps what it was given to its compiled form.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Block, BlockType, HeadingLevel, Html, Panel } from '../content/types.ts';
import type { Rule } from './problems.ts';

type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

/** What a directive handler may ask of the pipeline while it compiles one block. */
export interface DirectiveContext {
  /** A problem at `node`'s line and column in the lesson file. */
  report(node: Nodes, rule: Rule, message: string): void;
  /** Markdown inside the block → blocks (prose and nested directives). */
  blocks(nodes: RootContent[]): Block[];
  /** Phrasing content → HTML without a wrapping paragraph. */
  inlineHtml(nodes: PhrasingContent[]): Html;
  /** An attribute's inline Markdown (`front="*Why*"`) → HTML; its problems are reported at `node`. */
  inlineAttribute(node: Nodes, text: string): Html;
  /** Inline Markdown → plain text. */
  inlineText(text: string): string;
  /** A node's text, emphasis and links dropped. */
  text(node: Nodes): string;
  /** The lesson's Markdown as written, to read what the tree does not keep (a list item's own number). */
  readonly source: string;
}

/** One child directive of a container (`:::tab{title="…"}` inside `::::tabs`), already checked. */
export interface ContainerChild {
  attributes: Record<string, string>;
  blocks: Block[];
  node: ContainerDirective;
}

/** What the pipeline hands a container block once its label and children are checked. */
export interface ContainerInput {
  label: string;
  /** One level below the last heading before the block (titles never skip a level). */
  headingLevel: HeadingLevel;
  children: ContainerChild[];
  /** A slug of `text`, unique inside this block (`a`, `a-2`, …). */
  uniqueId(text: string): string;
  /** The children as panels: id from the title, title, blocks. */
  panels(): Panel[];
}

/** A block that holds a list of child blocks (four colons), e.g. `::::tabs` with `:::tab` inside. */
export interface ContainerDirectiveSpec<T extends BlockType> {
  kind: 'container';
  /** The child directive's name (`tab`), its attributes and the ones it must have. */
  child: string;
  childAttributes: readonly string[];
  requiredChildAttributes: readonly string[];
  /** The instruction the block shows (English), so the editorial rule can warn when the lesson repeats it. */
  instruction?: string;
  /** A child may have no text (a reveal point can be a title alone); otherwise that is reported. */
  emptyChildren?: 'allowed';
  compile(input: ContainerInput, context: DirectiveContext): BlockOf<T>;
}

/** A block with Markdown inside (three colons), e.g. `:::quote{cite="…"}`. */
export interface LeafDirectiveSpec<T extends BlockType> {
  kind: 'leaf';
  attributes: readonly string[];
  required: readonly string[];
  /** `content`: the Markdown inside (never empty: the pipeline reports that). Undefined drops the block. */
  compile(
    node: ContainerDirective,
    content: RootContent[],
    attributes: Record<string, string>,
    context: DirectiveContext,
  ): BlockOf<T> | undefined;
}

export type DirectiveSpec<T extends BlockType> = ContainerDirectiveSpec<T> | LeafDirectiveSpec<T>;
