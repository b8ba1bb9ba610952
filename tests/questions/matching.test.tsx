// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  expectAnnounced,
  expectSubmitMessage,
  isDisabled,
  prompts,
  questionHeading,
  quizCourse,
  renderCheck,
  resultsHeading,
  submitButton,
  tabTo,
} from './checkTestUtils.tsx';

const course = () => quizCourse({ questionIds: ['q-matching'] });
const group = () => screen.getByRole('group', { name: prompts.matching });
const select = (item: string) => within(group()).getByRole('combobox', { name: item }) as HTMLSelectElement;
const optionTexts = (element: HTMLSelectElement) => Array.from(element.options).map((o) => o.textContent);

describe('matching (no drag and drop)', () => {
  it('offers one select per item, labelled by the item, listing "Choose…" and every description', () => {
    renderCheck({ course: course() });
    expect(
      screen.getByRole('group', {
        name: prompts.matching,
        description: 'For each item, choose the description that matches it.',
      }),
    ).toBe(group());
    expect(within(group()).getAllByRole('combobox')).toEqual([select('Inform'), select('Consult')]);
    for (const item of ['Inform', 'Consult']) {
      expect(optionTexts(select(item))).toEqual(['Choose…', 'Peers are an audience', 'Peers give feedback']);
      expect(select(item).value).toBe('');
    }
  });

  it('by keyboard: each select is a tab stop; a partial answer is kept but cannot be submitted', async () => {
    const { user } = renderCheck({ course: course() });
    await user.tab();
    expect(document.activeElement).toBe(select('Inform'));
    // jsdom has no native select keyboard; selectOptions changes the focused select the way a choice would.
    await user.selectOptions(select('Inform'), 'Peers are an audience');
    expect(select('Inform').value).toBe('audience');
    await user.tab();
    expect(document.activeElement).toBe(select('Consult'));
    await tabTo(user, submitButton());
    await user.keyboard('{Enter}');
    expectSubmitMessage('Answer 1 more question to submit.');
    expect(document.activeElement).toBe(questionHeading(1, 1));
    expect(select('Inform').value).toBe('audience');

    await user.selectOptions(select('Consult'), 'Peers give feedback');
    await tabTo(user, submitButton());
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(resultsHeading());
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(screen.getAllByText('Correct match')).toHaveLength(2);
    await expectAnnounced('Answers submitted. You answered 1 of 1 correctly.');
  });

  it('by pointer: "Choose…" takes a match back; wrong pairs are marked in words and kept for review', async () => {
    const { user } = renderCheck({ course: course() });
    await user.selectOptions(select('Inform'), 'feedback');
    await user.selectOptions(select('Consult'), 'feedback');
    expect(screen.getByText('1 of 1 questions answered')).toBeTruthy();
    await user.selectOptions(select('Consult'), 'Choose…');
    expect(screen.getByText('0 of 1 questions answered')).toBeTruthy();
    await user.selectOptions(select('Consult'), 'audience');
    await user.click(submitButton());

    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('Not quite: at Inform peers are an audience; at Consult they give feedback.')).toBeTruthy();
    expect(screen.getAllByText('Not the right match')).toHaveLength(2);
    expect([select('Inform').value, select('Consult').value]).toEqual(['feedback', 'audience']);
    expect(isDisabled(select('Inform'))).toBe(true);
    expect(screen.getByRole('link', { name: 'Review lesson 2: The basics' }).getAttribute('href')).toBe('/lesson/basics/');
  });
});
