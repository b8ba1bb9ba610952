// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { isShown, prose, renderBlocks, text } from './blockTestUtils.tsx';

const mutuality: Block = {
  type: 'reveal',
  label: 'Mutuality in peer support',
  points: [
    { id: 'reciprocity', title: 'Reciprocity', blocks: [prose('<p>Mutuality is reciprocal.</p>')] },
    { id: 'give-and-take', title: 'Give and Take', blocks: [prose('<p>There is give and take.</p>')] },
    { id: 'centre', title: 'Peer support', blocks: [] },
  ],
};

function point(name: string) {
  return screen.getByRole('button', { name });
}

describe('reveal (labelled graphic)', () => {
  it('lists the points in order as disclosure buttons, with the instruction', () => {
    renderBlocks([mutuality]);
    const list = screen.getByRole('list', { name: 'Mutuality in peer support' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Reciprocity'),
      expect.stringContaining('Give and Take'),
      'Peer support',
    ]);
    expect(text('Select each button to learn more.')).toBeTruthy();
    expect(point('Reciprocity').getAttribute('aria-expanded')).toBe('false');
    expect(isShown(text('Mutuality is reciprocal.'))).toBe(false);
  });

  it('a point with nothing to reveal is a plain label, not a button', () => {
    renderBlocks([mutuality]);
    expect(screen.queryByRole('button', { name: 'Peer support' })).toBeNull();
    expect(isShown(text('Peer support'))).toBe(true);
  });

  it('reveals points by pointer; several may be open', async () => {
    const { user } = renderBlocks([mutuality]);
    await user.click(point('Reciprocity'));
    await user.click(point('Give and Take'));
    expect(point('Reciprocity').getAttribute('aria-expanded')).toBe('true');
    expect(isShown(text('Mutuality is reciprocal.'))).toBe(true);
    expect(isShown(text('There is give and take.'))).toBe(true);
    await user.click(point('Reciprocity'));
    expect(isShown(text('Mutuality is reciprocal.'))).toBe(false);
    expect(isShown(text('There is give and take.'))).toBe(true);
  });

  it('reveals with Enter and Space, each point one tab stop', async () => {
    const { user } = renderBlocks([mutuality]);
    await user.tab();
    expect(document.activeElement).toBe(point('Reciprocity'));
    await user.keyboard('{Enter}');
    expect(isShown(text('Mutuality is reciprocal.'))).toBe(true);
    await user.tab();
    expect(document.activeElement).toBe(point('Give and Take'));
    await user.keyboard(' ');
    expect(point('Give and Take').getAttribute('aria-expanded')).toBe('true');
    await user.keyboard(' ');
    expect(point('Give and Take').getAttribute('aria-expanded')).toBe('false');
  });

  it('gives the instruction in French', () => {
    renderBlocks([mutuality], { locale: 'fr' });
    expect(text('Sélectionnez chaque bouton pour en savoir plus.')).toBeTruthy();
  });
});
