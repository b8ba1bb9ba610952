// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixedStatusStore } from '../../src/tracking/adapter.ts';
import type { LmsStatus } from '../../src/tracking/lms.ts';
import {
  currentPath,
  expectAnnounced,
  expectSubmitMessage,
  isDisabled,
  memoryStore,
  prompts,
  questionHeading,
  quizCourse,
  renderCheck,
  resultsHeading,
  submitButton,
  tabTo,
} from './checkTestUtils.tsx';

type User = ReturnType<typeof renderCheck>['user'];

const radio = (group: string, name: string) =>
  within(screen.getByRole('group', { name: group })).getByRole('radio', { name }) as HTMLInputElement;
const checkbox = (name: string) =>
  within(screen.getByRole('group', { name: prompts.multiple })).getByRole('checkbox', { name }) as HTMLInputElement;
const textbox = () => screen.getByRole('textbox', { name: prompts.text }) as HTMLInputElement;
const select = (item: string) => screen.getByRole('combobox', { name: item }) as HTMLSelectElement;

/** Answers single, yes/no and text right; multiple and matching wrong (2 of 5). */
async function answerSome(user: User, yes = 'Yes') {
  await user.click(radio(prompts.single, 'Blue'));
  await user.click(checkbox('Carrot'));
  await user.click(radio(prompts.yesno, yes));
  await user.type(textbox(), 'mutuality');
  await user.selectOptions(select('Inform'), 'feedback');
  await user.selectOptions(select('Consult'), 'audience');
}

describe('knowledge check', () => {
  it('shows every question with its position, and a Submit button that stays focusable', () => {
    renderCheck();
    expect(screen.getByRole('region', { name: 'Questions' })).toBeTruthy();
    for (let n = 1; n <= 5; n += 1) expect(questionHeading(n, 5)).toBeTruthy();
    expect(screen.getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual([
      prompts.single,
      prompts.multiple,
      prompts.yesno,
      prompts.matching,
    ]);
    expect(textbox()).toBeTruthy();
    expect(screen.getByText('0 of 5 questions answered')).toBeTruthy();
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect((submitButton() as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole('heading', { name: 'Your results' })).toBeNull();
  });

  it('refuses to submit by pointer: says how many are missing, flags them and focuses the first', async () => {
    const { user, session } = renderCheck();
    await user.click(submitButton());
    expectSubmitMessage('Answer 5 more questions to submit.');
    await expectAnnounced('Answer 5 more questions to submit.');
    expect(document.activeElement).toBe(questionHeading(1, 5));
    expect(screen.getAllByText('Not answered yet')).toHaveLength(5);
    expect(screen.getByRole('group', { name: prompts.single, description: 'Choose one answer. Not answered yet' })).toBeTruthy();

    await user.click(radio(prompts.single, 'Green'));
    expectSubmitMessage('Answer 4 more questions to submit.');
    expect(screen.getAllByText('Not answered yet')).toHaveLength(4);
    // The machine keeps the refusal (the view's flags come from it), naming what is still open.
    expect(session.actor.getSnapshot().context.refusal).toMatchObject({ kind: 'submit', unansweredQuestionIds: expect.any(Array) });
    expect((session.actor.getSnapshot().context.refusal as { unansweredQuestionIds: string[] }).unansweredQuestionIds).toHaveLength(4);
    expect(screen.queryByRole('heading', { name: 'Your results' })).toBeNull();
  });

  it('refuses to submit by keyboard and moves focus to the first unanswered question', async () => {
    const { user } = renderCheck();
    await user.click(radio(prompts.single, 'Blue'));
    await user.click(checkbox('Apple'));
    await tabTo(user, submitButton());
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(questionHeading(3, 5));
    expectSubmitMessage('Answer 3 more questions to submit.');
    await expectAnnounced('Answer 3 more questions to submit.');
    // The next Tab goes into that question.
    await user.tab();
    expect(document.activeElement).toBe(radio(prompts.yesno, 'Yes'));
  });

  it('after submitting: focuses the results, announces the score, shows each result with feedback and review links', async () => {
    const { user } = renderCheck();
    await answerSome(user);
    expect(screen.getByText('5 of 5 questions answered')).toBeTruthy();
    expect(submitButton().getAttribute('aria-disabled')).toBeNull();
    await user.click(submitButton());

    expect(document.activeElement).toBe(resultsHeading());
    expect(screen.getByText('You answered 3 of 5 correctly.')).toBeTruthy();
    expect(screen.getByText('Attempt 1')).toBeTruthy();
    await expectAnnounced('Answers submitted. You answered 3 of 5 correctly.');
    expect(screen.getAllByText('Correct').length).toBe(3);
    expect(screen.getAllByText('Not quite').length).toBe(2);
    for (const feedback of [
      'Right: the sky is blue.',
      'Not quite: apples and pears are the fruits here.',
      'Right: water is wet.',
      'Right: mutuality.',
      'Not quite: at Inform peers are an audience; at Consult they give feedback.',
    ]) {
      expect(screen.getByText(feedback)).toBeTruthy();
    }
    // One review link per wrong answer, to the lesson the question names.
    const links = screen.getAllByRole('link', { name: 'Review lesson 2: The basics' });
    expect(links).toHaveLength(2);
    expect(screen.queryByRole('link', { name: /Introduction/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    await user.click(links[0] as HTMLElement);
    expect(currentPath()).toBe('/lesson/basics/');
  });

  it('keeps the submitted answers on show, unchangeable, for review', async () => {
    const { user } = renderCheck();
    await answerSome(user);
    await user.click(submitButton());
    expect(radio(prompts.single, 'Blue').checked).toBe(true);
    expect(checkbox('Carrot').checked).toBe(true);
    expect(radio(prompts.yesno, 'Yes').checked).toBe(true);
    expect(textbox().value).toBe('mutuality');
    expect(textbox().readOnly).toBe(true);
    expect([select('Inform').value, select('Consult').value]).toEqual(['feedback', 'audience']);
    for (const control of [radio(prompts.single, 'Green'), checkbox('Pear'), radio(prompts.yesno, 'No'), select('Inform')]) {
      expect(isDisabled(control)).toBe(true);
    }
    await user.click(radio(prompts.yesno, 'No'));
    expect(radio(prompts.yesno, 'Yes').checked).toBe(true);
  });

  it('in a Review launch shows the last answers as they were: nothing to change, submit or retry', async () => {
    const store = memoryStore();
    const first = renderCheck({ store });
    await answerSome(first.user);
    await first.user.click(submitButton());
    first.unmount();

    const reviewing = { connection: { mode: 'web' as const }, status: fixedStatusStore<LmsStatus>({ mode: 'web' }), reviewing: true };
    const { user } = renderCheck({ store, tracking: reviewing });
    expect(screen.getByText('Review: these are your last answers. They cannot be changed here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    expect(radio(prompts.single, 'Blue').checked).toBe(true);
    await user.click(radio(prompts.yesno, 'No'));
    expect(radio(prompts.yesno, 'Yes').checked).toBe(true);
  });

  it('retry clears the answers to a fresh attempt and moves focus to the first question', async () => {
    const { user } = renderCheck();
    await answerSome(user);
    await user.click(submitButton());
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(document.activeElement).toBe(questionHeading(1, 5));
    await expectAnnounced('Attempt 2. Your previous answers were cleared.');
    expect(screen.getByText('Attempt 2')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your results' })).toBeNull();
    expect(screen.queryByText('Correct')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(radio(prompts.single, 'Blue').checked).toBe(false);
    expect(checkbox('Carrot').checked).toBe(false);
    expect(textbox().value).toBe('');
    expect(textbox().readOnly).toBe(false);
    expect(select('Inform').value).toBe('');
    expect(isDisabled(radio(prompts.single, 'Blue'))).toBe(false);
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('0 of 5 questions answered')).toBeTruthy();

    // The second attempt, all right this time.
    await user.click(radio(prompts.single, 'Blue'));
    await user.click(checkbox('Apple'));
    await user.click(checkbox('Pear'));
    await user.click(radio(prompts.yesno, 'Yes'));
    await user.type(textbox(), 'Mutuality');
    await user.selectOptions(select('Inform'), 'audience');
    await user.selectOptions(select('Consult'), 'feedback');
    await user.click(submitButton());
    expect(screen.getByText('You answered 5 of 5 correctly.')).toBeTruthy();
    expect(screen.getByText('Attempt 2')).toBeTruthy();
    await expectAnnounced('Answers submitted. You answered 5 of 5 correctly.');
  });

  it('shows the review again when the learner comes back (progress restored from the store)', async () => {
    const store = memoryStore();
    const first = renderCheck({ store });
    await answerSome(first.user);
    await first.user.click(submitButton());
    first.unmount();
    first.session.stop();

    renderCheck({ store });
    expect(resultsHeading()).toBeTruthy();
    expect(document.activeElement).toBe(document.body);
    expect(screen.getByText('You answered 3 of 5 correctly.')).toBeTruthy();
    expect(radio(prompts.single, 'Blue').checked).toBe(true);
    expect(textbox().value).toBe('mutuality');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('cannot be answered while its lesson is locked, and says why', async () => {
    const { user } = renderCheck({ course: quizCourse({ navigation: 'sequential' }) });
    const message = 'Complete “Introduction” first. Then you can answer these questions.';
    expect(screen.getByText(message)).toBeTruthy();
    expect(isDisabled(radio(prompts.single, 'Blue'))).toBe(true);
    expect(textbox().readOnly).toBe(true);
    await user.click(submitButton());
    await expectAnnounced(message);
    expect(screen.queryByRole('heading', { name: 'Your results' })).toBeNull();
  });

  it('renders nothing for an unknown check', () => {
    const { container } = renderCheck({ checkId: 'nope' });
    expect(container.querySelector('section')).toBeNull();
  });

  it('speaks French, and marks the English course text as English (language of parts)', async () => {
    const { user } = renderCheck({ locale: 'fr' });
    expect(screen.getByRole('heading', { name: 'Question 1 sur 5' })).toBeTruthy();
    expect(screen.getByText('Pour chaque élément, choisissez la description qui lui correspond.')).toBeTruthy();
    const yesNo = screen.getByRole('group', { name: prompts.yesno });
    expect(within(yesNo).getByRole('radio', { name: 'Oui' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Soumettre les réponses' }));
    await expectAnnounced('Répondez encore à 5 questions pour pouvoir soumettre vos réponses.');

    // The course has no French content: the check is French, its course text English.
    expect(screen.getByRole('region', { name: 'Questions' }).getAttribute('lang')).toBe('fr');
    expect(yesNo.querySelector('legend')?.getAttribute('lang')).toBe('en');
    expect(screen.getByText('Green').closest('[lang]')?.getAttribute('lang')).toBe('en');
    expect(screen.getByText('Oui').closest('[lang]')?.getAttribute('lang')).toBe('fr');

    await answerSome(user, 'Oui');
    await user.click(screen.getByRole('button', { name: 'Soumettre les réponses' }));
    await expectAnnounced('Réponses soumises. Bonnes réponses\u00a0: 3 sur 5.');
    const review = screen.getAllByRole('link', { name: /^Revoir la leçon 2\s: The basics$/ })[0] as HTMLElement;
    expect(within(review).getByText('The basics').getAttribute('lang')).toBe('en');
    expect(screen.getByText('Not quite: apples and pears are the fruits here.').closest('[lang]')?.getAttribute('lang')).toBe('en');
  });

  it('marks no language of parts when the course text is in the interface language', () => {
    renderCheck();
    expect(screen.getByRole('region', { name: 'Questions' }).hasAttribute('lang')).toBe(false);
    expect(document.querySelector('[lang]')).toBeNull();
  });
});
