// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { isShown, prose, renderBlocks, text } from './blockTestUtils.tsx';

const principles: Block = {
  type: 'accordion',
  label: 'Core principles and values of peer support',
  panels: [
    { id: 'acknowledgement', title: 'Acknowledgement', blocks: [prose('<p>All human beings deserve to be seen.</p>')] },
    { id: 'mutuality', title: 'Mutuality', blocks: [prose('<p>All healthy relationships are mutual.</p>')] },
    { id: 'curiosity', title: 'Curiosity', blocks: [prose('<p>Curiosity supports connection.</p>')] },
  ],
};

function title(name: string) {
  return screen.getByRole('button', { name });
}

describe('accordion', () => {
  it('shows each title as a collapsed button inside a level-3 heading, with the instruction', () => {
    renderBlocks([principles]);
    expect(text('Core principles and values of peer support')).toBeTruthy();
    expect(text('Select each title to read more.')).toBeTruthy();
    const headings = screen.getAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual(['Acknowledgement', 'Mutuality', 'Curiosity']);
    for (const heading of headings) {
      const button = heading.querySelector('button');
      expect(button?.getAttribute('aria-expanded')).toBe('false');
    }
    expect(isShown(text('All healthy relationships are mutual.'))).toBe(false);
  });

  it('opens and closes items by pointer; several can be open', async () => {
    const { user } = renderBlocks([principles]);
    await user.click(title('Mutuality'));
    expect(title('Mutuality').getAttribute('aria-expanded')).toBe('true');
    expect(isShown(text('All healthy relationships are mutual.'))).toBe(true);
    await user.click(title('Curiosity'));
    expect(isShown(text('All healthy relationships are mutual.'))).toBe(true);
    expect(isShown(text('Curiosity supports connection.'))).toBe(true);
    await user.click(title('Mutuality'));
    expect(title('Mutuality').getAttribute('aria-expanded')).toBe('false');
    expect(isShown(text('All healthy relationships are mutual.'))).toBe(false);
  });

  it('opens with Enter and Space; arrows, Home and End move between titles', async () => {
    const { user } = renderBlocks([principles]);
    await user.tab();
    expect(document.activeElement).toBe(title('Acknowledgement'));
    await user.keyboard('{Enter}');
    expect(title('Acknowledgement').getAttribute('aria-expanded')).toBe('true');
    expect(isShown(text('All human beings deserve to be seen.'))).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(title('Mutuality'));
    await user.keyboard(' ');
    expect(title('Mutuality').getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(title('Curiosity'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(title('Acknowledgement'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(title('Curiosity'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(title('Acknowledgement'));
    await user.keyboard('{Enter}');
    expect(title('Acknowledgement').getAttribute('aria-expanded')).toBe('false');
    // Tab goes through every title (and into open panels' content), never skipping one.
    await user.tab();
    expect(document.activeElement).toBe(title('Mutuality'));
  });

  it('names the controlled panel with aria-controls', () => {
    renderBlocks([principles]);
    const button = title('Curiosity');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel?.textContent).toContain('Curiosity supports connection.');
  });

  it('gives the instruction in French', () => {
    renderBlocks([principles], { locale: 'fr' });
    expect(text('Sélectionnez chaque titre pour en savoir plus.')).toBeTruthy();
  });
});
