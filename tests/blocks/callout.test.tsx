// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { prose, renderBlocks } from './blockTestUtils.tsx';

const important: Block = {
  type: 'callout',
  tone: 'important',
  title: 'Remember',
  blocks: [prose('<p>Peer support workers are NOT community support workers.</p>')],
};
const note: Block = { type: 'callout', tone: 'note', blocks: [prose('<p>A note.</p>')] };

describe('callout', () => {
  it('is a complementary landmark named by its tone, in words, and its title', () => {
    renderBlocks([important, note]);
    const aside = screen.getByRole('complementary', { name: 'Important: Remember' });
    expect(within(aside).getByText('Important: Remember')).toBeTruthy();
    expect(within(aside).getByText('Peer support workers are NOT community support workers.')).toBeTruthy();
    const plain = screen.getByRole('complementary', { name: 'Note' });
    expect(within(plain).getByText('A note.')).toBeTruthy();
  });

  it('names the tone in French', () => {
    renderBlocks([important, note], { locale: 'fr' });
    expect(screen.getByRole('complementary', { name: 'Important\u00a0: Remember' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Remarque' })).toBeTruthy();
  });
});
