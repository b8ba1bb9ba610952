// @vitest-environment jsdom
/**
 * A component from its own chunk (the Listen control, the LMS session controls) shows once its code
 * is here without ever suspending: a Suspense fallback, even an empty one, makes React hold back
 * every other reveal on the page for 300 ms, which delayed drawing the next lesson ahead.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { Activity, Suspense } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { deferredComponent } from '../../src/app/deferred-component.tsx';

afterEach(cleanup);

function controlledChunk() {
  const attempts: Array<{ resolve: () => void; reject: () => void }> = [];
  const Greeting = ({ name }: { name: string }) => <p>Hello {name}</p>;
  const load = () =>
    new Promise<typeof Greeting>((resolve, reject) => {
      attempts.push({ resolve: () => resolve(Greeting), reject: () => reject(new Error('chunk failed')) });
    });
  return { attempts, Deferred: deferredComponent(load) };
}

function inBoundary(children: React.ReactNode) {
  return <Suspense fallback={<p>Waiting for a chunk</p>}>{children}</Suspense>;
}

it('draws nothing, without suspending, until its code is here, then the component with its props', async () => {
  const { attempts, Deferred } = controlledChunk();
  render(inBoundary(<Deferred name="Sam" />));
  expect(screen.queryByText('Waiting for a chunk')).toBeNull();
  expect(screen.queryByText('Hello Sam')).toBeNull();
  expect(attempts).toHaveLength(1);

  await act(async () => attempts[0]!.resolve());
  expect(screen.getByText('Hello Sam')).toBeTruthy();
  expect(screen.queryByText('Waiting for a chunk')).toBeNull();
});

it('loads its chunk once however many places draw it, and a new place draws it at once when it is loaded', async () => {
  const { attempts, Deferred } = controlledChunk();
  const first = render(inBoundary(<Deferred name="Sam" />));
  render(inBoundary(<Deferred name="Ali" />));
  await act(async () => attempts[0]!.resolve());
  expect(screen.getByText('Hello Sam')).toBeTruthy();
  expect(screen.getByText('Hello Ali')).toBeTruthy();
  first.unmount();
  render(<Deferred name="Kim" />);
  expect(screen.getByText('Hello Kim')).toBeTruthy();
  expect(attempts).toHaveLength(1);
});

it('leaves the page working when its chunk fails, and tries again when next drawn', async () => {
  const { attempts, Deferred } = controlledChunk();
  const first = render(
    <>
      <p>Lesson text</p>
      <Deferred name="Sam" />
    </>,
  );
  await act(async () => attempts[0]!.reject());
  expect(screen.getByText('Lesson text')).toBeTruthy();
  expect(screen.queryByText('Hello Sam')).toBeNull();
  first.unmount();

  render(<Deferred name="Sam" />);
  expect(attempts).toHaveLength(2);
  await act(async () => attempts[1]!.resolve());
  expect(screen.getByText('Hello Sam')).toBeTruthy();
});

// React throttles reveals with a timer and its clock: freeze both (the scheduler runs on
// setImmediate, left real), so "held back" shows as never drawn instead of drawn 300 ms late.
async function settleWithFrozenClock(check: () => boolean) {
  for (let turn = 0; turn < 100 && !check(); turn++) await new Promise((resolve) => setImmediate(resolve));
  return check();
}

it('shows as soon as its code is here, not after the reveal throttle of React', async () => {
  const reactActEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  try {
    const { attempts, Deferred } = controlledChunk();
    function Page({ drawAhead }: { drawAhead: boolean }) {
      return (
        <>
          <Deferred name="Sam" />
          {drawAhead && (
            <Activity mode="hidden">
              <p>The next lesson</p>
            </Activity>
          )}
        </>
      );
    }
    const page = render(<Page drawAhead={false} />);
    attempts[0]!.resolve();
    expect(await settleWithFrozenClock(() => screen.queryByText('Hello Sam') !== null)).toBe(true);
    page.rerender(<Page drawAhead />);
    expect(await settleWithFrozenClock(() => document.body.textContent?.includes('The next lesson') ?? false)).toBe(true);
  } finally {
    vi.useRealTimers();
    reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  }
});
