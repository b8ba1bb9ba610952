/**
 * What Accordion, Reveal and FlipCards share: a set of open (or turned) items, each with a panel,
 * that a reveal request (see revealRequest.ts) opens; and the arrow-key move between the buttons
 * of Accordion and Tabs.
 *
 * @example
 * const { rootRef, isOpen, toggle } = useDisclosure(block.panels, panelId);
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useRevealRequests } from './revealRequest.ts';

export function useDisclosure(items: readonly { id: string }[], panelId: (itemId: string) => string) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const rootRef = useRef<HTMLDivElement>(null);
  const setExpanded = (id: string, expanded: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (expanded) next.add(id);
      else next.delete(id);
      return next;
    });
  useRevealRequests(rootRef, items.map((item) => panelId(item.id)), (index) => {
    const item = items[index];
    if (item) setExpanded(item.id, true);
  });
  return {
    rootRef,
    isOpen: (id: string) => open.has(id),
    toggle: (id: string) => setExpanded(id, !open.has(id)),
  };
}

/**
 * The index a roving key moves to from `index` among `count` buttons (wrapping; Home/End go to the
 * ends), or `undefined` when the key is not one of them or a modifier is held. `previous`/`next`
 * name the keys: ArrowUp/ArrowDown for an accordion, ArrowLeft/ArrowRight for tabs.
 */
export function rovingTarget(
  event: KeyboardEvent,
  index: number,
  count: number,
  keys: { previous: string; next: string },
): number | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  if (event.key === keys.next) return (index + 1) % count;
  if (event.key === keys.previous) return (index - 1 + count) % count;
  if (event.key === 'Home') return 0;
  if (event.key === 'End') return count - 1;
  return undefined;
}
