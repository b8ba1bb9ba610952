// @vitest-environment jsdom
/**
 * Lesson-to-lesson speed (issue 13 item 6): moving to another lesson renders again only the menu
 * items whose status changed. Each item's StatusIcon is wrapped in a React <Profiler>, which reports
 * every render of the item around it.
 */
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler, type ComponentProps } from 'react';
import { useLocation } from 'react-router';
import { afterEach, expect, it, vi } from 'vitest';
import { CourseMenu } from '../../src/app/shell/CourseMenu.tsx';
import { startCourseSession } from '../../src/course/session.ts';
import { AnnouncerProvider } from '../../src/ui/announcer.tsx';
import { CourseRuntimeProvider } from '../../src/ui/course-context.tsx';
import { memoryStore, quizCourse } from '../questions/checkTestUtils.tsx';
import { renderWithProviders } from '../render.tsx';

const itemRenders = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../src/app/shell/StatusIcon.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/app/shell/StatusIcon.tsx')>();
  return {
    ...original,
    StatusIcon: (props: ComponentProps<typeof original.StatusIcon>) => (
      <Profiler id="menu-item" onRender={() => (itemRenders.count += 1)}>
        <original.StatusIcon {...props} />
      </Profiler>
    ),
  };
});

afterEach(cleanup);

function CurrentPath() {
  return <p data-testid="current-path">{useLocation().pathname}</p>;
}

it('a lesson change renders only the two menu items whose status changed, not the others', async () => {
  const course = quizCourse();
  const session = startCourseSession({ course, store: memoryStore(), now: () => new Date(Date.UTC(2025, 0, 1)) });
  session.actor.send({ type: 'nav.goto', lessonId: 'intro' });
  const user = userEvent.setup();
  renderWithProviders(
    <CourseRuntimeProvider runtime={{ course, session, contentLocales: [course.locale] }}>
      <AnnouncerProvider>
        <CourseMenu id="menu" open overlay={false} onClose={() => {}} />
        <CurrentPath />
      </AnnouncerProvider>
    </CourseRuntimeProvider>,
    { route: '/lesson/intro/' },
  );
  expect(itemRenders.count).toBe(4);
  itemRenders.count = 0;

  // As the app does: the link moves the router, then the lesson page tells the machine.
  await user.click(screen.getByRole('link', { name: /The basics/ }));
  expect(screen.getByTestId('current-path').textContent).toBe('/lesson/basics/');
  act(() => {
    session.actor.send({ type: 'nav.goto', lessonId: 'basics' });
  });
  expect(screen.getByRole('link', { name: /The basics/ }).getAttribute('aria-current')).toBe('page');
  // "Introduction" is no longer current and "The basics" now is; "Check…" and "Wrap-up" did not change.
  expect(itemRenders.count).toBe(2);
});
