import { useCourseRuntime } from '../../ui/course-context.tsx';
import { deferredComponent } from '../deferred-component.tsx';
import type { LmsSessionPlace } from './LmsSession.tsx';

// Its own chunk: only a launch whose adapter has an exit (cmi5) loads it.
const LmsSession = deferredComponent(() => import('./LmsSession.tsx').then((m) => m.default));

/** Where an LMS session's controls go (LmsSession.tsx); nothing unless the adapter offers an exit. */
export function LmsSessionSlot({ place }: { place: LmsSessionPlace }) {
  const { tracking } = useCourseRuntime();
  if (!tracking?.exit) return null;
  return <LmsSession place={place} />;
}
