/**
 * Model-based tests with @xstate/graph v3 on the small fixture course.
 *
 * Each model lists every event with its payloads and offers only those the snapshot accepts
 * (`snapshot.can(event)`). Shortest paths reach every reachable state of a model; bounded
 * simple paths (on a coarser view of the state, with fewer events per state) walk the
 * navigation and the answer → submit → retry cycle in many orders. Every path runs as its
 * own test, replayed through the machine with the invariants checked after every step.
 */
import { getShortestPaths, getSimplePaths, type StatePath } from '@xstate/graph';
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { createCourseMachine, type CourseMachine, type CourseSnapshot } from '../../src/course/machine.ts';
import type { Answer, CourseEvent } from '../../src/course/types.ts';
import { fixedClock, smallCourse } from './fixtures.ts';
import {
  acceptedEvents,
  checkInvariants,
  correctAnswerFor,
  eventCatalogue,
  partialAnswerFor,
  expectSameAfterRestore,
  serializeCourseState,
  wrongAnswerFor,
} from './helpers.ts';

type Path = StatePath<CourseSnapshot, CourseEvent>;

function eventsOf(path: Path): CourseEvent[] {
  // @xstate/graph's first step is the initial state (event `xstate.init`).
  return path.steps.slice(1).map((step) => step.event);
}

function describeEvents(events: readonly CourseEvent[]): string {
  if (events.length === 0) return '(initial state)';
  return events
    .map((e) => {
      const { type, ...rest } = e;
      const args = Object.values(rest)
        .map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)))
        .join(',');
      return args ? `${type}(${args})` : type;
    })
    .join(' → ');
}

/** Drops paths whose events are a prefix of a longer path's (their states are checked on the way). */
function withoutPrefixes(paths: Path[]): Path[] {
  const keyed = paths
    .map((path) => ({ path, keys: eventsOf(path).map((e) => JSON.stringify(e)) }))
    .sort((a, b) => b.keys.length - a.keys.length);
  const kept: typeof keyed = [];
  for (const candidate of keyed) {
    const covered = kept.some((k) => candidate.keys.every((key, i) => k.keys[i] === key));
    if (!covered) kept.push(candidate);
  }
  return kept.map((k) => k.path);
}

/**
 * Replays a path from `from`, checking the invariants after every step and, when `exact`,
 * that each step reaches the very state the graph predicted. Ends with a save → restore.
 */
function runPath(
  machine: CourseMachine,
  from: CourseSnapshot,
  path: Path,
  exact: ((s: CourseSnapshot) => string) | null,
): void {
  const expected = path.steps.map((s) => s.state);
  let snapshot = from;
  checkInvariants(snapshot);
  eventsOf(path).forEach((event, i) => {
    expect(snapshot.can(event), `event ${i} is accepted`).toBe(true);
    const [next] = transition(machine, snapshot, event);
    checkInvariants(next, snapshot, event);
    const predicted = expected[i + 1] ?? path.state;
    if (exact) expect(exact(next)).toBe(exact(predicted));
    snapshot = next;
  });
  if (exact) expect(exact(snapshot)).toBe(exact(path.state));
  expectSameAfterRestore(machine, snapshot);
}

function machineFor(course: CompiledCourse): CourseMachine {
  return createCourseMachine(course, { now: fixedClock });
}

function snapshotAfter(machine: CourseMachine, events: CourseEvent[]): CourseSnapshot {
  return events.reduce((s, e) => transition(machine, s, e)[0], initialTransition(machine, {})[0]);
}

const onlyTypes = (catalogue: CourseEvent[], prefixes: string[]) =>
  catalogue.filter((e) => prefixes.some((p) => e.type.startsWith(p)));

// --------------------------------------------------------------- navigation

describe.each(['free', 'sequential'] as const)('navigation model (%s)', (navigation) => {
  const course = smallCourse({ navigation });
  const machine = machineFor(course);
  const from = initialTransition(machine, {})[0];
  const catalogue = onlyTypes(eventCatalogue(course), ['nav.', 'lesson.', 'time.']);
  const paths = getShortestPaths(machine, {
    events: (s) => acceptedEvents(s, catalogue),
    serializeState: serializeCourseState,
  });

  it('reaches every navigation state, and only open lessons in sequential mode', () => {
    const currents = new Set(paths.map((p) => p.state.context.currentLessonId));
    // The check lesson cannot be completed without answering, so in sequential mode the
    // lesson after it is never reached.
    expect([...currents].sort()).toEqual(
      navigation === 'free' ? ['basics', 'intro', 'quiz', 'wrap-up'] : ['basics', 'intro', 'quiz'],
    );
    expect(paths.length).toBeGreaterThan(navigation === 'free' ? 100 : 20);
  });

  describe('shortest paths', () => {
    for (const path of withoutPrefixes(paths)) {
      it(describeEvents(eventsOf(path)), () => runPath(machine, from, path, serializeCourseState));
    }
  });

  describe('simple paths (bounded)', () => {
    // Coarser view: which lesson, how many complete, the refusal reason; navigation and
    // completing the current lesson only.
    const coarse = (s: CourseSnapshot) =>
      JSON.stringify({
        value: s.value,
        current: s.context.currentLessonId,
        complete: Object.values(s.context.lessons).filter((l) => l.status === 'complete').length,
        refusal: s.context.refusal?.kind === 'navigation' ? s.context.refusal.reason : null,
      });
    const events = (s: CourseSnapshot): CourseEvent[] =>
      [
        { type: 'nav.next' } as const,
        { type: 'nav.prev' } as const,
        { type: 'lesson.complete', lessonId: s.context.currentLessonId } as const,
      ].filter((e) => s.can(e));
    const simple = getSimplePaths(machine, { events, serializeState: coarse });
    it('stays bounded', () => {
      expect(simple.length).toBeGreaterThan(50);
      expect(simple.length).toBeLessThan(400);
    });
    for (const path of withoutPrefixes(simple)) {
      it(describeEvents(eventsOf(path)), () => runPath(machine, from, path, null));
    }
  });
});

// ------------------------------------------------------------ knowledge check

describe('knowledge-check model (answer, change, submit, retry)', () => {
  const course = smallCourse({ completion: { retryScore: 'best' } });
  const machine = machineFor(course);
  const from = snapshotAfter(machine, [{ type: 'nav.goto', lessonId: 'quiz' }]);
  const catalogue = onlyTypes(eventCatalogue(course), ['check.']);
  const quizQuestions = course.checks.quiz?.questions ?? [];
  // Every check event with its payloads, narrowed to answering in question order (the next
  // unanswered question, or changing the last answered one) so the state count stays small.
  const inOrder = (s: CourseSnapshot, e: CourseEvent): boolean => {
    if (e.type !== 'check.answer') return true;
    const answers = s.context.checks.quiz?.answers ?? {};
    const n = quizQuestions.findIndex((q) => answers[q.id] === undefined);
    const answered = n < 0 ? quizQuestions.length : n;
    const index = quizQuestions.findIndex((q) => q.id === e.questionId);
    return index === answered || index === answered - 1;
  };
  // The course cannot complete here (content lessons stay open), so attempts matter only
  // by their number.
  const serialize = (s: CourseSnapshot) => {
    const p = s.context.checks.quiz;
    return JSON.stringify({
      value: s.value,
      status: p?.status,
      answers: quizQuestions.map((q) => p?.answers[q.id] ?? null),
      attempts: p?.attempts.length,
      refusal: s.context.refusal,
    });
  };
  const paths = getShortestPaths(machine, {
    fromState: from,
    events: (s) => acceptedEvents(s, catalogue).filter((e) => inOrder(s, e)),
    serializeState: serialize,
    // Two submissions are enough to see retries, attempts and the retry-score policy.
    stopWhen: (s) => (s.context.checks.quiz?.attempts.length ?? 0) >= 2,
  });

  it('reaches submitted states, refused submissions and second attempts', () => {
    expect(paths.some((p) => p.state.context.checks.quiz?.status === 'submitted')).toBe(true);
    expect(paths.some((p) => p.state.context.refusal?.kind === 'submit')).toBe(true);
    expect(paths.some((p) => p.state.context.checks.quiz?.attempts.length === 2)).toBe(true);
  });

  describe('shortest paths', () => {
    const deduped = withoutPrefixes(paths);
    for (const path of deduped) {
      it(describeEvents(eventsOf(path)), () => runPath(machine, from, path, serialize));
    }
  });

  describe('simple paths (bounded)', () => {
    const quiz = course.checks.quiz;
    if (!quiz) throw new Error('fixture has a quiz');
    const coarse = (s: CourseSnapshot) => {
      const p = s.context.checks.quiz;
      return JSON.stringify({
        status: p?.status,
        answers: quiz.questions.map((q) => {
          const a = p?.answers[q.id];
          if (!a) return '-';
          return JSON.stringify(a) === JSON.stringify(correctAnswerFor(q)) ? 'c' : 'w';
        }),
        attempts: p?.attempts.length,
        refusal: s.context.refusal?.kind ?? null,
      });
    };
    // Answer in order; a wrong answer is offered for one question per attempt; the first
    // answer can be changed; submitting is tried with none and with all answered.
    const events = (s: CourseSnapshot): CourseEvent[] => {
      const p = s.context.checks.quiz;
      if (!p) return [];
      const answered = Object.keys(p.answers).length;
      const list: CourseEvent[] = [{ type: 'check.retry', checkId: 'quiz' }];
      if (answered === 0 || answered === quiz.questions.length) list.push({ type: 'check.submit', checkId: 'quiz' });
      const next = quiz.questions.find((q) => p.answers[q.id] === undefined);
      if (next) {
        const answer = (a: Answer): CourseEvent => ({
          type: 'check.answer',
          checkId: 'quiz',
          questionId: next.id,
          answer: a,
        });
        list.push(answer(correctAnswerFor(next)));
        const wrongFor = p.attempts.length === 0 ? 'q-single' : 'q-text';
        if (next.id === wrongFor) list.push(answer(wrongAnswerFor(next)));
        const partial = partialAnswerFor(next);
        if (partial) list.push(answer(partial));
      }
      const first = quiz.questions[0];
      if (first && p.answers[first.id] && answered === 1 && p.attempts.length === 0) {
        list.push({ type: 'check.answer', checkId: 'quiz', questionId: first.id, answer: correctAnswerFor(first) });
      }
      return list.filter((e) => s.can(e));
    };
    const simple = getSimplePaths(machine, {
      fromState: from,
      events,
      serializeState: coarse,
      stopWhen: (s) => (s.context.checks.quiz?.attempts.length ?? 0) >= 2,
    });
    it('stays bounded', () => {
      expect(simple.length).toBeGreaterThan(50);
      expect(simple.length).toBeLessThan(400);
    });
    for (const path of withoutPrefixes(simple)) {
      it(describeEvents(eventsOf(path)), () => runPath(machine, from, path, null));
    }
  });
});

// ------------------------------------------------------------------ course

describe.each([
  { navigation: 'sequential', retryScore: 'last', passingScore: 100 },
  { navigation: 'free', retryScore: 'best', passingScore: 100 },
  { navigation: 'sequential', retryScore: 'best', passingScore: undefined },
] as const)('course model ($navigation, retry $retryScore, pass $passingScore)', (variant) => {
  const course = smallCourse({
    navigation: variant.navigation,
    completion: { retryScore: variant.retryScore, passingScore: variant.passingScore },
  });
  const machine = machineFor(course);
  // Free mode: start on the check with the first two lessons done, to keep the state count small.
  const from =
    variant.navigation === 'free'
      ? snapshotAfter(machine, [
          { type: 'lesson.complete', lessonId: 'intro' },
          { type: 'lesson.complete', lessonId: 'basics' },
          { type: 'nav.goto', lessonId: 'quiz' },
        ])
      : initialTransition(machine, {})[0];
  const quiz = course.checks.quiz;
  if (!quiz) throw new Error('fixture has a quiz');
  const events = (s: CourseSnapshot): CourseEvent[] => {
    const c = s.context.currentLessonId;
    const p = s.context.checks.quiz;
    const list: CourseEvent[] = [{ type: 'nav.next' }, { type: 'nav.prev' }, { type: 'lesson.complete', lessonId: c }];
    // Restarting leads back to the initial state; offered once complete, in sequential mode.
    if (variant.navigation === 'sequential' && s.hasTag('completed')) list.push({ type: 'course.restart' });
    if (c === 'quiz' && p) {
      const next = quiz.questions.find((q) => p.answers[q.id] === undefined);
      if (next) {
        list.push({ type: 'check.answer', checkId: 'quiz', questionId: next.id, answer: correctAnswerFor(next) });
        if (next.id === 'q-single') {
          list.push({ type: 'check.answer', checkId: 'quiz', questionId: next.id, answer: wrongAnswerFor(next) });
        }
      }
      list.push({ type: 'check.submit', checkId: 'quiz' }, { type: 'check.retry', checkId: 'quiz' });
    }
    return list.filter((e) => s.can(e));
  };
  const paths = getShortestPaths(machine, {
    fromState: from,
    events,
    serializeState: serializeCourseState,
    stopWhen: (s) => (s.context.checks.quiz?.attempts.length ?? 0) >= 2,
  });

  it('reaches completion, with pass and fail when there is a passing score', () => {
    const tags = new Set(paths.flatMap((p) => [...p.state.tags]));
    expect(tags.has('completed')).toBe(true);
    expect(tags.has('passed')).toBe(variant.passingScore !== undefined);
    expect(tags.has('failed')).toBe(variant.passingScore !== undefined);
  });

  describe('shortest paths', () => {
    for (const path of withoutPrefixes(paths)) {
      it(describeEvents(eventsOf(path)), () => runPath(machine, from, path, serializeCourseState));
    }
  });
});
