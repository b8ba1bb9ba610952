// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectAnnounced,
  isDisabled,
  optionRow,
  prompts,
  quizCourse,
  renderCheck,
  resultsHeading,
  submitButton,
} from './checkTestUtils.tsx';

const course = () => quizCourse({ questionIds: ['q-multiple'] });
const group = () => screen.getByRole('group', { name: prompts.multiple });
const checkbox = (name: string) => within(group()).getByRole('checkbox', { name }) as HTMLInputElement;

describe('multiple response', () => {
  it('is a group of checkboxes named by its prompt, with "Choose all that apply."', () => {
    renderCheck({ course: course() });
    expect(screen.getByRole('group', { name: prompts.multiple, description: 'Choose all that apply.' })).toBe(group());
    expect(within(group()).getAllByRole('checkbox').map((c) => c.getAttribute('value'))).toEqual(['apple', 'carrot', 'pear']);
  });

  it('by keyboard: Space toggles each option; unchecking the last one makes the question unanswered again', async () => {
    const { user } = renderCheck({ course: course() });
    await user.tab();
    expect(document.activeElement).toBe(checkbox('Apple'));
    await user.keyboard(' ');
    expect(checkbox('Apple').checked).toBe(true);
    expect(screen.getByText('1 of 1 questions answered')).toBeTruthy();
    await user.keyboard(' ');
    expect(checkbox('Apple').checked).toBe(false);
    expect(screen.getByText('0 of 1 questions answered')).toBeTruthy();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(checkbox('Pear'));
    await user.keyboard(' ');
    await user.tab();
    expect(document.activeElement).toBe(submitButton());
    await user.keyboard(' ');

    expect(document.activeElement).toBe(resultsHeading());
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(screen.getByText('Right: apples and pears are fruits.')).toBeTruthy();
    expect(within(optionRow(checkbox('Apple'))).getByText('Your choice: correct')).toBeTruthy();
    expect(within(optionRow(checkbox('Pear'))).getByText('Your choice: correct')).toBeTruthy();
    expect(within(optionRow(checkbox('Apple'))).getByText('An apple is a fruit.')).toBeTruthy();
    await expectAnnounced('Answers submitted. You answered 1 of 1 correctly.');
  });

  it('by pointer: marks right, wrong and missed options in words and keeps the answer for review', async () => {
    const { user } = renderCheck({ course: course() });
    await user.click(screen.getByText('Apple'));
    await user.click(checkbox('Carrot'));
    await user.click(submitButton());

    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('Not quite: apples and pears are the fruits here.')).toBeTruthy();
    expect(within(optionRow(checkbox('Apple'))).getByText('Your choice: correct')).toBeTruthy();
    expect(within(optionRow(checkbox('Carrot'))).getByText('Your choice: incorrect')).toBeTruthy();
    expect(within(optionRow(checkbox('Carrot'))).getByText('A carrot is a root vegetable.')).toBeTruthy();
    expect(within(optionRow(checkbox('Pear'))).getByText('Correct answer you did not choose')).toBeTruthy();
    expect([checkbox('Apple'), checkbox('Carrot'), checkbox('Pear')].map((c) => c.checked)).toEqual([true, true, false]);
    expect(isDisabled(checkbox('Pear'))).toBe(true);
    expect(screen.getByRole('link', { name: 'Review lesson 2: The basics' }).getAttribute('href')).toBe('/lesson/basics/');
  });
});
