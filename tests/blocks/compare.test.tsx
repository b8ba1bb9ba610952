// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { prose, renderBlocks, spokenText } from './blockTestUtils.tsx';

const language: Block = {
  type: 'compare',
  label: '4 guidelines to using non-stigmatizing language',
  rows: [
    {
      id: 'people-first',
      title: 'Use people-first language',
      sayHtml: 'Person who uses opioids',
      avoidHtml: 'Opioid user OR Addict',
      blocks: [prose('<p>Refer to a person before describing a behaviour.</p>')],
    },
    {
      id: 'slang',
      title: 'Avoid slang and idioms',
      sayHtml: '<em>Positive</em> test results',
      avoidHtml: 'Dirty test results',
      blocks: [],
    },
  ],
};

/** What a screen reader reads from a description list: each term with its description. */
function pairs(list: HTMLElement): [string, string][] {
  const terms = within(list).getAllByRole('term');
  return terms.map((term) => {
    const description = term.nextElementSibling;
    expect(description?.getAttribute('role') ?? description?.tagName).toMatch(/^(definition|DD)$/);
    return [spokenText(term), description ? spokenText(description) : ''];
  });
}

describe('compare (say this / not that)', () => {
  it('lists each guideline under a heading with "Say" and "Instead of" terms, then the explanation', () => {
    renderBlocks([language]);
    const list = screen.getByRole('list', { name: '4 guidelines to using non-stigmatizing language' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(within(first!).getByRole('heading', { level: 3, name: 'Use people-first language' })).toBeTruthy();
    expect(pairs(first!)).toEqual([
      ['Say', 'Person who uses opioids'],
      ['Instead of', 'Opioid user OR Addict'],
    ]);
    expect(within(first!).getByText('Refer to a person before describing a behaviour.')).toBeTruthy();
    expect(pairs(second!)).toEqual([
      ['Say', 'Positive test results'],
      ['Instead of', 'Dirty test results'],
    ]);
  });

  it('labels the terms in French', () => {
    renderBlocks([language], { locale: 'fr' });
    expect(screen.getAllByRole('term').map(spokenText)).toEqual(['Dites', 'Au lieu de', 'Dites', 'Au lieu de']);
  });
});
