// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { htmlToPlainText, renderCheck } from './checkTestUtils.tsx';

const compiled = compileContentFolder('content');
const course = compiled.courses.en as CompiledCourse;

describe('the real course', () => {
  it('compiles with five knowledge checks', () => {
    expect(compiled.problems).toEqual([]);
    expect(Object.keys(course.checks)).toHaveLength(5);
  });

  it.each(Object.keys(course.checks))('check "%s" renders every question with its own controls', (checkId) => {
    const check = course.checks[checkId]!;
    const text = compiled.lessonBodies.en![check.lessonId]!.check!;
    renderCheck({ course, checkId, text });
    const total = check.questions.length;
    check.questions.forEach((question, index) => {
      expect(screen.getByRole('heading', { name: `Question ${index + 1} of ${total}` })).toBeTruthy();
      const words = text.questions[question.id]!;
      const prompt = htmlToPlainText(words.promptHtml);
      expect(words.promptText).toBe(prompt);
      switch (question.type) {
        case 'single':
          expect(within(screen.getByRole('group', { name: prompt })).getAllByRole('radio')).toHaveLength(question.options.length);
          break;
        case 'multiple':
          expect(within(screen.getByRole('group', { name: prompt })).getAllByRole('checkbox')).toHaveLength(
            question.options.length,
          );
          break;
        case 'yesno':
          expect(within(screen.getByRole('group', { name: prompt })).getAllByRole('radio')).toHaveLength(2);
          break;
        case 'text':
          expect(screen.getByRole('textbox', { name: prompt })).toBeTruthy();
          break;
        case 'matching': {
          const group = screen.getByRole('group', { name: prompt });
          for (const item of question.prompts) {
            const select = within(group).getByRole('combobox', { name: words.prompts![item.id]!.text }) as HTMLSelectElement;
            expect(select.options).toHaveLength(question.targets.length + 1);
          }
          break;
        }
      }
    });
    expect(screen.getByRole('button', { name: 'Submit answers' })).toBeTruthy();
  });
});
