// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAnnounced, isDisabled, prompts, quizCourse, renderCheck, submitButton } from './checkTestUtils.tsx';

const course = () => quizCourse({ questionIds: ['q-yesno'] });
const group = () => screen.getByRole('group', { name: prompts.yesno });
const radio = (name: string) => within(group()).getByRole('radio', { name }) as HTMLInputElement;

describe('yes / no', () => {
  it('is a group of two radios, Yes then No, named by its prompt', () => {
    renderCheck({ course: course() });
    expect(within(group()).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['yes', 'no']);
    expect(radio('Yes')).toBeTruthy();
    expect(radio('No')).toBeTruthy();
    expect(screen.getByText('Choose one answer.')).toBeTruthy();
  });

  it('by keyboard: Space chooses the focused radio, arrows change it, Enter on Submit submits', async () => {
    const { user } = renderCheck({ course: course() });
    await user.tab();
    expect(document.activeElement).toBe(radio('Yes'));
    await user.keyboard(' ');
    expect(radio('Yes').checked).toBe(true);
    await user.keyboard('{ArrowDown}');
    expect(radio('No').checked).toBe(true);
    await user.keyboard('{ArrowUp}');
    expect(radio('Yes').checked).toBe(true);
    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(screen.getByText('Right: water is wet.')).toBeTruthy();
    await expectAnnounced('Answers submitted. You answered 1 of 1 correctly.');
  });

  it('by pointer: a wrong answer is marked, explained, kept and linked to its lesson', async () => {
    const { user } = renderCheck({ course: course() });
    await user.click(screen.getByText('No'));
    await user.click(submitButton());
    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('Not quite: water makes things wet.')).toBeTruthy();
    expect(screen.getByText('Your choice: incorrect')).toBeTruthy();
    expect(radio('No').checked).toBe(true);
    expect(isDisabled(radio('No'))).toBe(true);
    expect(screen.getByRole('link', { name: 'Review lesson 1: Introduction' }).getAttribute('href')).toBe('/lesson/intro/');
  });
});
