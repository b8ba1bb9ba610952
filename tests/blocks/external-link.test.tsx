// @vitest-environment jsdom
/**
 * External links (compiled with target="_blank" rel="noopener noreferrer", see
 * src/pipeline/markdown.ts) tell screen readers they open in a new tab, in the learner's language.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { prose, renderBlocks } from './blockTestUtils.tsx';

afterEach(cleanup);

const external = prose(
  '<p>See <a href="https://example.org/guide" target="_blank" rel="noopener noreferrer">the guide<span class="visually-hidden new-tab-note"></span></a>.</p>',
);

describe('external links', () => {
  it('are named with "(opens in a new tab)" and open without opener or referrer', () => {
    renderBlocks([external]);
    const link = screen.getByRole('link', { name: /^the guide\s*\(opens in a new tab\)$/ });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.querySelector('.visually-hidden')?.textContent).toBe(' (opens in a new tab)');
  });

  it('say so in French', () => {
    renderBlocks([external], { locale: 'fr' });
    expect(screen.getByRole('link', { name: /^the guide\s*\(s’ouvre dans un nouvel onglet\)$/ })).toBeTruthy();
  });
});
