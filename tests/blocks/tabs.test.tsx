// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { isShown, prose, renderBlocks, text } from './blockTestUtils.tsx';

const ladder: Block = {
  type: 'tabs',
  label: 'The ladder of engagement',
  panels: [
    { id: 'inform', title: 'Inform', blocks: [prose('<p>Keep peers informed.</p>')] },
    { id: 'consult', title: 'Consult', blocks: [prose('<p>Seek feedback.</p>')] },
    { id: 'involve', title: 'Involve', blocks: [prose('<p>Work directly with peers.</p>')] },
  ],
};

function tab(name: string) {
  return screen.getByRole('tab', { name });
}

function expectSelected(name: string, panelText: string) {
  for (const candidate of screen.getAllByRole('tab')) {
    expect(candidate.getAttribute('aria-selected')).toBe(String(candidate === tab(name)));
  }
  const panel = screen.getByRole('tabpanel');
  expect(panel).toBe(screen.getByRole('tabpanel', { name }));
  expect(within(panel).getByText(panelText)).toBeTruthy();
}

describe('tabs', () => {
  it('shows a named tab list with the instruction and only the first panel, labelled by its tab', () => {
    renderBlocks([ladder]);
    expect(screen.getByRole('tablist', { name: 'The ladder of engagement' })).toBeTruthy();
    expect(text('Select each tab to read more.')).toBeTruthy();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Inform', 'Consult', 'Involve']);
    expectSelected('Inform', 'Keep peers informed.');
    expect(isShown(text('Seek feedback.'))).toBe(false);
  });

  it('selects a tab by pointer', async () => {
    const { user } = renderBlocks([ladder]);
    await user.click(tab('Involve'));
    expectSelected('Involve', 'Work directly with peers.');
    expect(isShown(text('Keep peers informed.'))).toBe(false);
  });

  it('is one tab stop; arrows, Home and End move and select (wrapping at the ends)', async () => {
    const { user } = renderBlocks([ladder]);
    await user.tab();
    expect(document.activeElement).toBe(tab('Inform'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Consult'));
    expectSelected('Consult', 'Seek feedback.');
    await user.keyboard('{End}');
    expectSelected('Involve', 'Work directly with peers.');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Inform'));
    expectSelected('Inform', 'Keep peers informed.');
    await user.keyboard('{ArrowLeft}');
    expectSelected('Involve', 'Work directly with peers.');
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(tab('Inform'));
    // Tab leaves the tab list for the panel, not the next tab.
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('tabpanel', { name: 'Inform' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(tab('Inform'));
  });

  it('gives the instruction in French', () => {
    renderBlocks([ladder], { locale: 'fr' });
    expect(text('Sélectionnez chaque onglet pour en savoir plus.')).toBeTruthy();
  });
});
