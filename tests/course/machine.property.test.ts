/**
 * Property tests: random learner behaviour (fast-check) on the small fixture course and on a
 * generated large course (28 lessons, 5 checks), in free and sequential mode. After every step:
 * progress stays in 0..100 and never decreases (except on restart), scores stay in 0..max, the
 * current lesson exists and is never locked, completion never goes back; at the end, saving
 * and restoring gives the same selectors' output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectCompletion, selectProgress } from '../../src/course/selectors.ts';
import { largeCourse, smallCourse } from './fixtures.ts';
import { intentArbitrary, runIntents } from './property-helpers.ts';

describe.each([
  ['small course, free', smallCourse()],
  ['small course, sequential, last attempt counts', smallCourse({ navigation: 'sequential', completion: { retryScore: 'last', passingScore: 80 } })],
  ['small course without a passing score', smallCourse({ completion: { passingScore: undefined } })],
])('%s', (_, course) => {
  it('keeps every invariant, and save → restore after every step gives the same view', () => {
    fc.assert(
      fc.property(fc.array(intentArbitrary(course, 12), { maxLength: 60, size: 'max' }), (intents) => {
        runIntents(course, intents, { roundTripEveryStep: true });
      }),
      { numRuns: 60 },
    );
  });
});

describe.each([
  ['large course, free', largeCourse()],
  ['large course, sequential', largeCourse({ navigation: 'sequential', completion: { passingScore: 70 } })],
])('%s', (_, course) => {
  it('keeps every invariant over long runs', () => {
    fc.assert(
      fc.property(fc.array(intentArbitrary(course, 40), { minLength: 50, maxLength: 250, size: 'max' }), (intents) => {
        runIntents(course, intents);
      }),
      { numRuns: 40 },
    );
  });

  it('can be completed by a learner who keeps going', () => {
    // Complete, answer everything right, submit, next: always reaches completion.
    const intents = course.lessons.flatMap(() => [
      { kind: 'completeCurrent' as const },
      ...Array.from({ length: 12 }, (_, question) => ({ kind: 'answerCurrent' as const, question, variant: 'correct' as const })),
      { kind: 'submitCurrent' as const },
      { kind: 'next' as const },
    ]);
    const end = runIntents(course, intents);
    expect(selectProgress(end).percent).toBe(100);
    expect(selectCompletion(end)).toMatchObject({ status: 'complete', success: 'passed' });
  });
});
