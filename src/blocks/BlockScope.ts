/**
 * What every block needs from the list that renders it, passed down by React context so that
 * container blocks (tabs, slides, …) can render the blocks inside their panels without importing
 * BlockList (which imports them): no import cycle.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Block } from '../content/types.ts';

export interface BlockScope {
  /** Renders child blocks, e.g. a tab panel's content, with ids that start with `idPrefix`. */
  renderBlocks: (blocks: Block[], idPrefix: string) => ReactNode;
  /**
   * The `idPrefix` of the outermost BlockList (one lesson). Footnotes and the references to them
   * share it, so a reference inside a tab panel still finds its note, and two lessons on one page
   * do not both have an element with the id `fn-1`.
   */
  notesPrefix: string;
  /** The reference the learner last followed to each note (by note id), so "back" returns there. */
  followedReferences: Map<string, HTMLElement>;
}

export const BlockScopeContext = createContext<BlockScope | null>(null);

/**
 * For a block list (BlockList, PrintBlockList): the scope of the list around it (`parent`), or,
 * for the outermost list, a new scope rendering children with `renderBlocks` (a module-level
 * function, so the scope stays the same object between renders).
 */
export function useListScope(
  idPrefix: string,
  renderBlocks: BlockScope['renderBlocks'],
): { parent: BlockScope | null; scope: BlockScope } {
  const parent = useContext(BlockScopeContext);
  const [followedReferences] = useState(() => new Map<string, HTMLElement>());
  const scope = useMemo<BlockScope>(
    () => parent ?? { renderBlocks, notesPrefix: idPrefix, followedReferences },
    [parent, renderBlocks, idPrefix, followedReferences],
  );
  return { parent, scope };
}

/** The scope of the nearest BlockList; block components only render inside one. */
export function useBlockScope(): BlockScope {
  const scope = useContext(BlockScopeContext);
  if (!scope) throw new Error('Block components must be rendered inside <BlockList>.');
  return scope;
}

/** Props every block component takes: its block and a prefix that makes its DOM ids unique. */
export interface BlockProps<T extends Block['type']> {
  block: Extract<Block, { type: T }>;
  idPrefix: string;
}
