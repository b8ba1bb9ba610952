// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { prose, renderBlocks } from './blockTestUtils.tsx';

const values: Block = {
  type: 'chart',
  label: 'Most important values of peer support workers',
  unit: 'percent',
  items: [
    { label: 'Compassion and caring' },
    { label: 'Empathy' },
    { label: 'Authenticity', value: 30 },
    { label: 'Being present', value: 25 },
  ],
  blocks: [prose('<p>Compassion and caring stand out.</p>')],
};

describe('chart', () => {
  it('is a figure named by its label whose data every reader gets as a ranked list', () => {
    renderBlocks([values]);
    const figure = screen.getByRole('figure', { name: 'Most important values of peer support workers' });
    const list = within(figure).getByRole('list', { name: 'In rank order' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Compassion and caring: no figure given',
      'Empathy: no figure given',
      'Authenticity: 30%',
      'Being present: 25%',
    ]);
    expect(within(figure).getByText('Compassion and caring stand out.')).toBeTruthy();
  });

  it('draws every item in rank order, a bar only for items with a figure, as wide as the figure', () => {
    const { container } = renderBlocks([values]);
    const bars = Array.from(container.querySelectorAll<HTMLElement>('.chart-bar'));
    expect(bars.map((bar) => bar.className)).toEqual(['chart-bar chart-bar--w30', 'chart-bar chart-bar--w25']);
    // No style attribute: the page works under a CSP with style-src 'self'.
    expect(bars.every((bar) => !bar.hasAttribute('style'))).toBe(true);
    // Items ranked first without a figure still come first, so the bars do not read as a ranking of their own.
    const rows = Array.from(container.querySelectorAll('[aria-hidden="true"] .chart-bar-row')).map((row) => row.textContent);
    expect(rows).toEqual(['Compassion and caringno figure given', 'Empathyno figure given', 'Authenticity30%', 'Being present25%']);
  });

  it('shows tied items with the same rank, saying they are tied', () => {
    renderBlocks([
      {
        ...values,
        items: [
          { label: 'Authenticity', value: 30, rank: 1, tied: false },
          { label: 'Relationship building', value: 25, rank: 2, tied: true },
          { label: 'Being present', value: 25, rank: 2, tied: true },
        ],
      },
    ]);
    const items = within(screen.getByRole('list', { name: 'In rank order' })).getAllByRole('listitem');
    expect(items.map((item) => [item.getAttribute('value'), item.textContent])).toEqual([
      ['1', 'Authenticity: 30%'],
      ['2', 'Relationship building: 25% (tied)'],
      ['2', 'Being present: 25% (tied)'],
    ]);
  });

  it('draws no bars when no item has a figure', () => {
    const { container } = renderBlocks([{ ...values, items: [{ label: 'Empathy' }], blocks: [] }]);
    expect(container.querySelectorAll('.chart-bar')).toHaveLength(0);
    expect(screen.getByRole('listitem').textContent).toBe('Empathy: no figure given');
  });

  it('speaks French, with French number formatting', () => {
    renderBlocks([values], { locale: 'fr' });
    const items = within(screen.getByRole('list', { name: 'Par ordre de classement' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toBe('Compassion and caring\u00a0: aucun chiffre fourni');
    expect(items[2]?.textContent).toMatch(/^Authenticity\u00a0: 30\s%$/u);
  });
});
