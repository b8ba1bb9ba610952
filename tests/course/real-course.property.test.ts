/**
 * The property tests of machine.property.test.ts on the REAL course, compiled from content/
 * by the build pipeline: as authored (free navigation) and in a sequential variant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { selectCompletion, selectProgress } from '../../src/course/selectors.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { intentArbitrary, runIntents } from './property-helpers.ts';

const compiled = compileContentFolder('content');

describe.each(Object.entries(compiled.courses))('real course (%s)', (_, authored: CompiledCourse) => {
  const variants: Array<[string, CompiledCourse]> = [
    ['as authored', authored],
    ['sequential, last attempt counts', { ...authored, navigation: 'sequential', completion: { ...authored.completion, retryScore: 'last' } }],
  ];

  it('compiles without problems', () => {
    expect(compiled.problems).toEqual([]);
    expect(authored.lessons.length).toBeGreaterThan(0);
  });

  describe.each(variants)('%s', (__, course) => {
    it('keeps every invariant under random learner behaviour', () => {
      fc.assert(
        fc.property(fc.array(intentArbitrary(course, 40), { minLength: 50, maxLength: 250, size: 'max' }), (intents) => {
          runIntents(course, intents);
        }),
        { numRuns: 30 },
      );
    });

    it('can be completed and passed by answering everything right', () => {
      const most = Math.max(...Object.values(course.checks).map((c) => c.questions.length));
      const intents = course.lessons.flatMap(() => [
        { kind: 'completeCurrent' as const },
        ...Array.from({ length: most }, (___, question) => ({ kind: 'answerCurrent' as const, question, variant: 'correct' as const })),
        { kind: 'submitCurrent' as const },
        { kind: 'next' as const },
      ]);
      const end = runIntents(course, intents);
      expect(selectProgress(end).percent).toBe(100);
      expect(selectCompletion(end).status).toBe('complete');
      if (course.completion.passingScore !== undefined) expect(selectCompletion(end).success).toBe('passed');
    });
  });
});
