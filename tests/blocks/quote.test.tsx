// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { prose, renderBlocks } from './blockTestUtils.tsx';

const quote: Block = {
  type: 'quote',
  cite: 'Mead, Hilton & Curtis',
  blocks: [prose('<p>Peer support is a system of giving and receiving help.</p>')],
};

describe('quote', () => {
  it('is a figure named by its attribution, holding the quotation', () => {
    renderBlocks([quote]);
    const figure = screen.getByRole('figure', { name: 'Mead, Hilton & Curtis' });
    const blockquote = within(figure).getByRole('blockquote');
    expect(within(blockquote).getByText('Peer support is a system of giving and receiving help.')).toBeTruthy();
    expect(within(blockquote).queryByText(/Mead/)).toBeNull();
    expect(within(figure).getByText(/Mead, Hilton & Curtis/).tagName).toBe('FIGCAPTION');
  });
});
