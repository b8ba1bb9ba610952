/** The real course, a learner driving its machine with events, and an in-memory Web Storage. */
import type { CompiledCourse, Question } from '../../src/content/types.ts';
import type { CourseActor } from '../../src/course/machine.ts';
import type { Answer } from '../../src/course/types.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { correctAnswerOf } from '../../src/course/scoring.ts';
import { FakeStorage, quotaError } from '../course/storage-fakes.ts';

const compiled = compileContentFolder('content');
export const course = compiled.courses.en as CompiledCourse;

/** Each question's prompt as plain text, by check id then question id (what the SCORM adapter gets). */
export const questionPrompts: Record<string, Record<string, string>> = Object.fromEntries(
  Object.values(compiled.lessonBodies.en ?? {}).flatMap((body) =>
    body.check ? [[body.check.checkId, Object.fromEntries(Object.entries(body.check.questions).map(([id, t]) => [id, t.promptText]))]] : [],
  ),
);

/** A correct answer, as scoring defines it. */
export const correctAnswer = correctAnswerOf;

export function wrongAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', optionId: question.options.find((o) => o.id !== question.correctOptionId)!.id };
    case 'multiple': {
      const wrong = question.options.find((o) => !question.correctOptionIds.includes(o.id));
      return { type: 'multiple', optionIds: wrong ? [wrong.id] : [question.correctOptionIds[0]!] };
    }
    case 'yesno':
      return { type: 'yesno', value: question.correctAnswer === 'yes' ? 'no' : 'yes' };
    case 'text':
      return { type: 'text', text: 'not the answer' };
    case 'matching': {
      const targets = question.targets.map((t) => t.id);
      const pairs: Record<string, string> = {};
      for (const p of question.prompts) pairs[p.id] = targets.find((t) => t !== question.correctPairs[p.id])!;
      return { type: 'matching', pairs };
    }
  }
}

/** Lets queued microtasks run (the adapter syncs after the machine's transition). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

export function readLesson(actor: CourseActor, lessonId: string): void {
  actor.send({ type: 'nav.goto', lessonId });
  actor.send({ type: 'lesson.complete', lessonId });
}

export function submitCheck(actor: CourseActor, checkId: string, plan: 'correct' | 'wrong' = 'correct'): void {
  const check = course.checks[checkId]!;
  actor.send({ type: 'nav.goto', lessonId: check.lessonId });
  for (const q of check.questions) {
    actor.send({ type: 'check.answer', checkId, questionId: q.id, answer: plan === 'correct' ? correctAnswer(q) : wrongAnswer(q) });
  }
  actor.send({ type: 'check.submit', checkId });
}

/** Takes lessons in order up to (not including) `until`; checks answered per `plans` (default correct). */
export function takeCourse(actor: CourseActor, { until, plans = {} }: { until?: string; plans?: Record<string, 'correct' | 'wrong'> } = {}): void {
  for (const lesson of course.lessons) {
    if (lesson.id === until) return;
    if (lesson.checkId) submitCheck(actor, lesson.checkId, plans[lesson.checkId] ?? 'correct');
    else readLesson(actor, lesson.id);
  }
}

/** Web Storage in memory; `failWrites = true` makes setItem throw as a full storage does. */
export class MemoryStorage extends FakeStorage {
  get failWrites(): boolean {
    return this.failWrite !== null;
  }
  set failWrites(on: boolean) {
    this.failWrite = on ? quotaError() : null;
  }
}
