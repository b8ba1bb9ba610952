// @vitest-environment jsdom
/**
 * Lesson-to-lesson speed (issue 13 item 6): opening a lesson renders its blocks once. The lesson
 * page renders again when its body is shown (the Continue bar starts watching) and when the
 * machine hears of the move; the blocks, unchanged, must not. BlockList is wrapped in a React
 * <Profiler>, which reports every render of it.
 */
import { cleanup, screen } from '@testing-library/react';
import { Profiler, type ComponentProps } from 'react';
import { Route, Routes } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { LessonPage } from '../../src/app/pages/LessonPage.tsx';
import { preloadLesson } from '../../src/app/route-loading.ts';
import { startCourseSession } from '../../src/course/session.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { AnnouncerProvider } from '../../src/ui/announcer.tsx';
import { CourseRuntimeProvider } from '../../src/ui/course-context.tsx';
import { memoryStore } from '../questions/checkTestUtils.tsx';
import { renderWithProviders } from '../render.tsx';

const listRenders = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../src/blocks/BlockList.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/blocks/BlockList.tsx')>();
  return {
    ...original,
    BlockList: (props: ComponentProps<typeof original.BlockList>) => (
      <Profiler id="lesson-blocks" onRender={() => (listRenders.count += 1)}>
        <original.BlockList {...props} />
      </Profiler>
    ),
  };
});

afterEach(cleanup);

it("opening a lesson renders its blocks once, though the page renders again when the body is shown", async () => {
  const course = compileContentFolder('content').courses.en!;
  const lesson = course.lessons[1]!;
  await preloadLesson(course, lesson);
  const session = startCourseSession({ course, store: memoryStore(), now: () => new Date(Date.UTC(2025, 0, 1)) });
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
  await screen.findByRole('heading', { level: 1, name: new RegExp(lesson.title, 'i') });
  expect(session.actor.getSnapshot().context.currentLessonId).toBe(lesson.id);
  expect(listRenders.count).toBe(1);
});
