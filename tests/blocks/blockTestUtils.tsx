/** Shared helpers for the block tests: render blocks the way a lesson page does. */
import { cleanup, isInaccessible, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { afterEach } from 'vitest';
import { BlockList } from '../../src/blocks/BlockList.tsx';
import type { Block } from '../../src/content/types.ts';
import type { UiLocale } from '../../src/i18n/i18n.ts';
import { renderWithProviders } from '../render.tsx';

// Vitest runs without globals, so Testing Library cannot register its own clean-up.
afterEach(cleanup);

/** Shows the router's current path, so a test can see where a link took the learner. */
function CurrentPath() {
  const location = useLocation();
  return <p data-testid="current-path">{location.pathname}</p>;
}

export function renderBlocks(blocks: Block[], { locale = 'en', idPrefix = 'lesson' }: { locale?: UiLocale; idPrefix?: string } = {}) {
  const user = userEvent.setup();
  const view = renderWithProviders(
    <>
      <BlockList blocks={blocks} idPrefix={idPrefix} />
      <CurrentPath />
    </>,
    { locale },
  );
  return { user, ...view };
}

export function currentPath(): string {
  return screen.getByTestId('current-path').textContent ?? '';
}

/** Whether a learner can perceive the element: not hidden (hidden attribute, display, aria-hidden). */
export function isShown(element: Element): boolean {
  return !isInaccessible(element);
}

/** The element holding this exact visible text (content from the lesson data). */
export function text(content: string | RegExp): HTMLElement {
  return screen.getByText(content);
}

export function prose(html: string): Extract<Block, { type: 'prose' }> {
  return { type: 'prose', html };
}

/** The text a screen reader reads from an element: its text without aria-hidden parts. */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').trim();
}
