/**
 * Content inside a closed tab, accordion item, flip card or slide is in the DOM but hidden. When
 * something needs to show the learner an element in there (a footnote's "back" link pointing at a
 * reference on slide 9), it asks every block around that element to open the panel holding it.
 *
 * @example
 * revealAndFocus(referenceLink); // slide 9 becomes the current slide, then the link gets focus
 */
import { useEffect, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';

const REVEAL_EVENT = 'blocks:reveal';

/** Open every panel that holds `element`, then move focus to it (which also scrolls it into view). */
export function revealAndFocus(element: HTMLElement): void {
  element.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
  element.focus();
}

/** Open every panel that holds `element` (or is it), leaving focus where it is (read-aloud). */
export function reveal(element: HTMLElement): void {
  element.dispatchEvent(new CustomEvent(REVEAL_EVENT, { bubbles: true }));
}

/**
 * Let a block answer reveal requests: `open(index)` is called with the index of the panel (by its
 * element id in `panelIds`) that holds the requested element. The update is flushed at once so
 * the element is visible, and focusable, when `revealAndFocus` focuses it.
 */
export function useRevealRequests(
  rootRef: RefObject<HTMLElement | null>,
  panelIds: readonly string[],
  open: (index: number) => void,
): void {
  const latest = useRef({ panelIds, open });
  useEffect(() => {
    latest.current = { panelIds, open };
  });
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return undefined;
    const onReveal = (event: Event) => {
      const target = event.target;
      if (!(target instanceof Node)) return;
      const index = latest.current.panelIds.findIndex((id) => root.ownerDocument.getElementById(id)?.contains(target));
      if (index >= 0) flushSync(() => latest.current.open(index));
    };
    root.addEventListener(REVEAL_EVENT, onReveal);
    return () => root.removeEventListener(REVEAL_EVENT, onReveal);
  }, [rootRef]);
}
