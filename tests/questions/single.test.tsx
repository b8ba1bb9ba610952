// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  currentPath,
  isDisabled,
  expectAnnounced,
  optionRow,
  prompts,
  questionHeading,
  quizCourse,
  renderCheck,
  resultsHeading,
  submitButton,
} from './checkTestUtils.tsx';

const course = () => quizCourse({ questionIds: ['q-single'] });
const group = () => screen.getByRole('group', { name: prompts.single });
const radio = (name: string) => within(group()).getByRole('radio', { name });

describe('single choice', () => {
  it('is a radio group named by its prompt, with the instruction and one radio per option', () => {
    renderCheck({ course: course() });
    expect(questionHeading(1, 1)).toBeTruthy();
    expect(screen.getByRole('group', { name: prompts.single, description: 'Choose one answer.' })).toBe(group());
    expect(within(group()).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['green', 'blue', 'red']);
    expect(within(group()).getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
  });

  it('by keyboard: Tab into the group, arrow to an answer, Tab to Submit and press Enter', async () => {
    const { user } = renderCheck({ course: course() });
    await user.tab();
    expect(document.activeElement).toBe(radio('Green'));
    await user.keyboard('{ArrowDown}');
    expect((radio('Blue') as HTMLInputElement).checked).toBe(true);
    expect((radio('Green') as HTMLInputElement).checked).toBe(false);
    await user.tab();
    expect(document.activeElement).toBe(submitButton());
    expect(submitButton().getAttribute('aria-disabled')).toBeNull();
    await user.keyboard('{Enter}');

    expect(document.activeElement).toBe(resultsHeading());
    expect(screen.getByText('You answered 1 of 1 correctly.')).toBeTruthy();
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(screen.getByText('Right: the sky is blue.')).toBeTruthy();
    // Option feedback for the chosen option only, and the choice marked in words.
    expect(within(optionRow(radio('Blue'))).getByText('Blue it is.')).toBeTruthy();
    expect(within(optionRow(radio('Blue'))).getByText('Your choice: correct')).toBeTruthy();
    expect(screen.queryByText('Grass is green, not the sky.')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    await expectAnnounced('Answers submitted. You answered 1 of 1 correctly.');
  });

  it('by pointer: a wrong answer shows "Not quite", its feedback, the option feedback and a review link', async () => {
    const { user } = renderCheck({ course: course() });
    await user.click(screen.getByText('Green'));
    expect((radio('Green') as HTMLInputElement).checked).toBe(true);
    await user.click(submitButton());

    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('Not quite: look up on a sunny day.')).toBeTruthy();
    expect(within(optionRow(radio('Green'))).getByText('Grass is green, not the sky.')).toBeTruthy();
    expect(within(optionRow(radio('Green'))).getByText('Your choice: incorrect')).toBeTruthy();
    // Review: the learner's answer stays checked, and can no longer be changed.
    expect((radio('Green') as HTMLInputElement).checked).toBe(true);
    expect(isDisabled(radio('Green'))).toBe(true);
    await user.click(screen.getByText('Blue'));
    expect((radio('Green') as HTMLInputElement).checked).toBe(true);

    const review = screen.getByRole('link', { name: 'Review lesson 1: Introduction' });
    expect(review.getAttribute('href')).toBe('/lesson/intro/');
    await user.click(review);
    expect(currentPath()).toBe('/lesson/intro/');
  });
});
