// @vitest-environment jsdom
/**
 * Lesson-to-lesson speed (issue 13 item 6).
 * - Opening a lesson renders its blocks once: the lesson page renders again when its body is
 *   shown (the Continue bar starts watching) and when the machine hears of the move; the blocks,
 *   unchanged, must not.
 * - While a lesson is read, the next one is drawn ahead out of sight, so Continue shows what is
 *   built already and its blocks do not render again.
 * BlockList is wrapped in a component that counts its renders, by lesson.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { LessonPage } from '../../src/app/pages/LessonPage.tsx';
import { preloadLesson } from '../../src/app/route-loading.ts';
import type { CompiledCourse } from '../../src/content/types.ts';
import { startCourseSession } from '../../src/course/session.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { AnnouncerProvider } from '../../src/ui/announcer.tsx';
import { CourseRuntimeProvider } from '../../src/ui/course-context.tsx';
import { memoryStore } from '../questions/checkTestUtils.tsx';
import { renderWithProviders } from '../render.tsx';

/** Renders of each lesson's block list, by the list's id prefix (`l-<lesson id>`). */
const listRenders = vi.hoisted(() => new Map<string, number>());

vi.mock('../../src/blocks/BlockList.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/blocks/BlockList.tsx')>();
  return {
    ...original,
    // Counted as it renders: a Profiler reports nothing from a hidden tree.
    BlockList: (props: ComponentProps<typeof original.BlockList>) => {
      listRenders.set(props.idPrefix, (listRenders.get(props.idPrefix) ?? 0) + 1);
      return <original.BlockList {...props} />;
    },
  };
});

afterEach(() => {
  cleanup();
  listRenders.clear();
});

const english = compileContentFolder('content').courses.en!;
const rendersOf = (lessonId: string) => listRenders.get(`l-${lessonId}`) ?? 0;

async function openLesson(course: CompiledCourse, index: number) {
  const lesson = course.lessons[index]!;
  const next = course.lessons[index + 1]!;
  await preloadLesson(course, lesson);
  const session = startCourseSession({ course, store: memoryStore(), now: () => new Date(Date.UTC(2025, 0, 1)) });
  // The lessons before it are read (so a sequential course opens this one).
  for (const before of course.lessons.slice(0, index)) session.actor.send({ type: 'lesson.complete', lessonId: before.id });
  renderWithProviders(
    <CourseRuntimeProvider runtime={{ course, session, contentLocales: [course.locale] }}>
      <AnnouncerProvider>
        <Routes>
          <Route path="lesson/:lessonId" element={<LessonPage />} />
        </Routes>
      </AnnouncerProvider>
    </CourseRuntimeProvider>,
    { route: `/lesson/${lesson.id}/` },
  );
  await screen.findByRole('heading', { level: 1, name: lesson.title });
  return { lesson, next, session };
}

it('opening a lesson renders its blocks once, though the page renders again when the body is shown', async () => {
  const { lesson, session } = await openLesson(english, 1);
  expect(session.actor.getSnapshot().context.currentLessonId).toBe(lesson.id);
  expect(rendersOf(lesson.id)).toBe(1);
});

it('the next lesson is drawn ahead out of sight, and Continue shows it without rendering its blocks again', async () => {
  const { lesson, next, session } = await openLesson(english, 1);
  // Built, but hidden: not a heading anyone can reach, and its effects not started.
  const drawn = await screen.findByRole('heading', { level: 1, hidden: true, name: next.title });
  await waitFor(() => expect(rendersOf(next.id)).toBe(1));
  expect(drawn.closest('article')?.style.display).toBe('none');
  expect(screen.queryByRole('heading', { level: 1, name: next.title })).toBeNull();
  expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  expect(session.actor.getSnapshot().context.lessons[next.id]?.status).toBe('not-started');

  await act(async () => fireEvent.click(screen.getByRole('link', { name: new RegExp(`^Continue.*${next.title}`) })));
  expect((await screen.findByRole('heading', { level: 1, name: next.title })).closest('article')?.style.display).toBe('');
  expect(screen.queryByRole('heading', { level: 1, hidden: true, name: lesson.title })).toBeNull();
  expect(session.actor.getSnapshot().context.currentLessonId).toBe(next.id);
  expect(rendersOf(next.id)).toBe(1);
});

it('a locked next lesson is not drawn ahead: Continue does not go there', async () => {
  const sequential: CompiledCourse = { ...english, navigation: 'sequential' };
  // A knowledge check, unanswered, locks the lesson after it.
  const { next } = await openLesson(sequential, sequential.lessons.findIndex((l) => l.checkId));
  await act(() => preloadLesson(sequential, next));
  expect(screen.getByText('Complete this lesson to continue.')).toBeTruthy();
  expect(rendersOf(next.id)).toBe(0);
  expect(screen.queryByRole('heading', { level: 1, hidden: true, name: next.title })).toBeNull();
});
