// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { isShown, prose, renderBlocks, text } from './blockTestUtils.tsx';

const barriers: Block = {
  type: 'slides',
  label: 'Barriers that hinder peer practice',
  slides: [
    { id: 'childcare', title: 'Childcare', blocks: [prose('<p>Arrange childcare.</p>')] },
    { id: 'literacy', title: 'Literacy', blocks: [prose('<p>Use plain language.</p>')] },
    { id: 'travel', title: 'Travel', blocks: [prose('<p>Offer travel support.</p>')] },
  ],
};

const previous = () => screen.getByRole('button', { name: 'Previous' });
const next = () => screen.getByRole('button', { name: 'Next' });
const status = () => screen.getByRole('status');
const disabled = (button: HTMLElement) => button.getAttribute('aria-disabled') === 'true';

function expectSlide(position: string, title: string, content: string) {
  expect(status().textContent).toBe(position);
  const slide = screen.getByRole('group', { name: title });
  expect(slide.getAttribute('aria-roledescription')).toBe('slide');
  expect(within(slide).getByRole('heading', { name: title })).toBeTruthy();
  expect(isShown(text(content))).toBe(true);
  // Only the current slide is shown.
  expect(screen.getAllByRole('group')).toHaveLength(1);
}

describe('slides', () => {
  it('is a named carousel region showing the first slide, its position and the instruction', () => {
    renderBlocks([barriers]);
    const region = screen.getByRole('region', { name: 'Barriers that hinder peer practice' });
    expect(region.getAttribute('aria-roledescription')).toBe('carousel');
    expect(text('Use Previous and Next to move through the slides.')).toBeTruthy();
    expectSlide('Slide 1 of 3', 'Childcare', 'Arrange childcare.');
    expect(disabled(previous())).toBe(true);
    expect(disabled(next())).toBe(false);
  });

  it('moves through every slide by pointer, announcing the position; the ends do nothing', async () => {
    const { user } = renderBlocks([barriers]);
    await user.click(previous());
    expectSlide('Slide 1 of 3', 'Childcare', 'Arrange childcare.');
    await user.click(next());
    expectSlide('Slide 2 of 3', 'Literacy', 'Use plain language.');
    expect(disabled(previous())).toBe(false);
    await user.click(next());
    expectSlide('Slide 3 of 3', 'Travel', 'Offer travel support.');
    expect(disabled(next())).toBe(true);
    await user.click(next());
    expectSlide('Slide 3 of 3', 'Travel', 'Offer travel support.');
    await user.click(previous());
    expectSlide('Slide 2 of 3', 'Literacy', 'Use plain language.');
  });

  it('works from the keyboard, and focus stays on Next when it reaches the end', async () => {
    const { user } = renderBlocks([barriers]);
    await user.tab();
    expect(document.activeElement).toBe(previous()); // reachable, announced as unavailable
    await user.tab();
    expect(document.activeElement).toBe(next());
    await user.keyboard('{Enter}');
    expectSlide('Slide 2 of 3', 'Literacy', 'Use plain language.');
    await user.keyboard(' ');
    expectSlide('Slide 3 of 3', 'Travel', 'Offer travel support.');
    expect(document.activeElement).toBe(next());
    expect(disabled(next())).toBe(true);
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    expectSlide('Slide 2 of 3', 'Literacy', 'Use plain language.');
  });

  it('does not move by itself', async () => {
    renderBlocks([barriers]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expectSlide('Slide 1 of 3', 'Childcare', 'Arrange childcare.');
  });

  it('speaks French', async () => {
    const { user } = renderBlocks([barriers], { locale: 'fr' });
    expect(text('Utilisez Précédent et Suivant pour parcourir les diapositives.')).toBeTruthy();
    expect(screen.getByRole('region').getAttribute('aria-roledescription')).toBe('carrousel');
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    expect(status().textContent).toBe('Diapositive 2 sur 3');
    expect(screen.getByRole('button', { name: 'Précédent' })).toBeTruthy();
  });
});
