// @vitest-environment jsdom
/**
 * useCourseSelector re-renders a component only when what it selects changes in value: selectors
 * build fresh objects on every move of the machine, and the Continue bar or the menu must not
 * render again because time was counted or an answer picked elsewhere.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { selectNavigation } from '../../src/course/selectors.ts';
import { startCourseSession } from '../../src/course/session.ts';
import { CourseRuntimeProvider, useCourseSelector } from '../../src/ui/course-context.tsx';
import { memoryStore, quizCourse } from '../questions/checkTestUtils.tsx';

afterEach(cleanup);

it('renders again when the selected view changes, not when the machine moves elsewhere', () => {
  const course = quizCourse({ navigation: 'sequential' });
  const session = startCourseSession({ course, store: memoryStore(), now: () => new Date(Date.UTC(2025, 0, 1)) });
  const seen: Array<ReturnType<typeof selectNavigation>> = [];
  function BasicsNavigation() {
    seen.push(useCourseSelector((s) => selectNavigation(s, 'basics')));
    return null;
  }
  render(
    <CourseRuntimeProvider runtime={{ course, session, contentLocales: [course.locale] }}>
      <BasicsNavigation />
    </CourseRuntimeProvider>,
  );
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ previousLessonId: 'intro', nextLessonId: 'quiz', canGoNext: false });

  // A new snapshot each time, the same navigation from "basics".
  act(() => {
    session.actor.send({ type: 'time.spent', lessonId: 'intro', seconds: 30 });
    session.actor.send({ type: 'nav.goto', lessonId: 'intro' });
  });
  expect(seen).toHaveLength(1);

  // Completing the lessons before the check opens it: that is a change.
  act(() => {
    session.actor.send({ type: 'lesson.complete', lessonId: 'intro' });
    session.actor.send({ type: 'lesson.complete', lessonId: 'basics' });
  });
  expect(seen.length).toBeGreaterThan(1);
  expect(seen.at(-1)).toMatchObject({ nextLessonId: 'quiz', canGoNext: true });
});
