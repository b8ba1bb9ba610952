// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { renderBlocks } from './blockTestUtils.tsx';

const ladder: Block = {
  type: 'table',
  caption: 'The ladder of engagement',
  headHtml: ['Level', 'Goal', 'Promise &#x26; role'],
  headText: ['Level', 'Goal', 'Promise & role'],
  rowsHtml: [
    ['Inform', 'Translate balanced information.', 'We will keep peers informed.'],
    ['Consult', 'Obtain <em>feedback</em>.', 'We will seek your feedback.'],
  ],
  rowHeaders: true,
};

describe('table', () => {
  it('is a table named by its caption, with column headers and row headers', () => {
    renderBlocks([ladder]);
    const table = screen.getByRole('table', { name: 'The ladder of engagement' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Level',
      'Goal',
      'Promise & role',
    ]);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Inform', 'Consult']);
    const consult = within(table).getAllByRole('row')[2]!;
    expect(within(consult).getAllByRole('cell').map((td) => td.textContent)).toEqual([
      'Obtain feedback.',
      'We will seek your feedback.',
    ]);
    for (const th of within(table).getAllByRole('columnheader')) expect(th.getAttribute('scope')).toBe('col');
    for (const th of within(table).getAllByRole('rowheader')) expect(th.getAttribute('scope')).toBe('row');
  });

  it('labels every data cell with its column, for the stacked layout on narrow screens', () => {
    renderBlocks([ladder]);
    const labels = screen.getAllByRole('cell').map((td) => td.getAttribute('data-label'));
    expect(labels).toEqual(['Goal', 'Promise & role', 'Goal', 'Promise & role']);
  });

  it('has no row headers unless asked', () => {
    renderBlocks([{ ...ladder, rowHeaders: false }]);
    expect(screen.queryAllByRole('rowheader')).toHaveLength(0);
    expect(screen.getAllByRole('cell')[0]?.getAttribute('data-label')).toBe('Level');
  });
});
