// @vitest-environment jsdom
/**
 * If the player ever stops on an error, the learner gets a calm page (never a blank body) with
 * "Reload the page" and "Start again", in English and French; "Start again" keeps the saved
 * record aside and saves a fresh start.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppErrorBoundary } from '../../src/app/ErrorBoundary.tsx';
import { startAgain } from '../../src/course/session.ts';
import { smallCourse } from '../course/fixtures.ts';
import { MemoryStore } from '../course/storage-fakes.ts';
import { renderWithProviders } from '../render.tsx';

afterEach(cleanup);

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'map')");
}

describe('AppErrorBoundary', () => {
  it('shows a calm page with Reload and Start again instead of a blank body', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const onStartAgain = vi.fn();
    renderWithProviders(
      <AppErrorBoundary onStartAgain={onStartAgain}>
        <Broken />
      </AppErrorBoundary>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Something went wrong');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start again' }));
    expect(onStartAgain).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('says it in French', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithProviders(
      <AppErrorBoundary onStartAgain={() => undefined}>
        <Broken />
      </AppErrorBoundary>,
      { locale: 'fr' },
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Un problème est survenu');
    expect(screen.getByRole('button', { name: 'Recommencer' })).toBeTruthy();
    error.mockRestore();
  });

  it('renders its children when nothing fails', () => {
    renderWithProviders(
      <AppErrorBoundary onStartAgain={() => undefined}>
        <p>fine</p>
      </AppErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });
});

describe('startAgain', () => {
  it('keeps the saved record aside and saves a fresh start', () => {
    const course = smallCourse();
    const raw = '{"version":1,"courseId":"small-course","checks":{"constructor":{}}}';
    const store = new MemoryStore({ kind: 'ok', json: raw });
    startAgain(course, store);
    expect(store.asides).toEqual([{ raw, reason: 'corrupt' }]);
    expect(store.last).toMatchObject({ courseId: 'small-course', lessons: {}, checks: {}, completedAt: null });
  });

  it('never overwrites a record it could not keep aside', () => {
    const store = new MemoryStore({ kind: 'ok', json: 'x' });
    store.asideResult = { ok: false, reason: 'quota' };
    startAgain(smallCourse(), store);
    expect(store.saved).toEqual([]);
  });
});
