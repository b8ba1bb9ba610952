// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectAnnounced, expectSubmitMessage, prompts, quizCourse, renderCheck, resultsHeading, submitButton } from './checkTestUtils.tsx';

const course = () => quizCourse({ questionIds: ['q-text'] });
const field = () => screen.getByRole('textbox', { name: prompts.text }) as HTMLInputElement;

describe('text entry', () => {
  it('is a text field labelled by its prompt and described by the instruction', () => {
    renderCheck({ course: course() });
    expect(screen.getByRole('textbox', { name: prompts.text, description: 'Type your answer.' })).toBe(field());
    expect(field().type).toBe('text');
  });

  it('by keyboard: type the answer, Tab to Submit, press Enter; the answer stays readable (read-only)', async () => {
    const { user } = renderCheck({ course: course() });
    await user.tab();
    expect(document.activeElement).toBe(field());
    await user.keyboard('  Mutuality ');
    expect(field().value).toBe('  Mutuality ');
    await user.tab();
    expect(document.activeElement).toBe(submitButton());
    await user.keyboard('{Enter}');

    expect(document.activeElement).toBe(resultsHeading());
    expect(screen.getByText('Correct')).toBeTruthy();
    expect(screen.getByText('Right: mutuality.')).toBeTruthy();
    expect(field().value).toBe('  Mutuality ');
    expect(field().readOnly).toBe(true);
    await user.type(field(), 'x');
    expect(field().value).toBe('  Mutuality ');
    await expectAnnounced('Answers submitted. You answered 1 of 1 correctly.');
  });

  it('by pointer: blank text is not an answer; a wrong answer shows the feedback and a review link', async () => {
    const { user } = renderCheck({ course: course() });
    await user.click(field());
    await user.keyboard('   ');
    await user.click(submitButton());
    expectSubmitMessage('Answer 1 more question to submit.');
    await user.clear(field());
    await user.type(field(), 'empathy');
    await user.click(submitButton());
    expect(screen.getByText('Not quite')).toBeTruthy();
    expect(screen.getByText('mutuality', { selector: 'strong' })).toBeTruthy();
    expect(field().value).toBe('empathy');
    expect(screen.getByRole('link', { name: 'Review lesson 2: The basics' }).getAttribute('href')).toBe('/lesson/basics/');
  });
});
