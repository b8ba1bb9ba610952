/**
 * An LMS session's own controls, shown only when the tracking adapter offers an exit (cmi5), and
 * loaded lazily then (lms-session-slot.tsx), with their strings (src/i18n/lms-session.ts):
 *
 * - `header` / `results`: the "Exit course" button. It calls the adapter's `exit()`
 *   (`terminated`, then the LMS's returnURL when it gave one). Pressed again, or after the
 *   session ended, it does nothing (one `terminated`).
 * - `notice`: a live region saying what the learner needs to know about this launch: the session
 *   has ended ("you can close this window now") or is returning to the LMS; a Review or Browse
 *   launch; and "saved" once progress that had to wait for the LRS has reached it.
 */
import { useState } from 'react';
import { useLmsSessionTranslation } from '../../i18n/lms-session.ts';
import { lmsLaunchMode } from '../../tracking/lms.ts';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import { useLmsStatus } from './LmsStatusNotice.tsx';

export type LmsSessionPlace = 'header' | 'results' | 'notice';

export default function LmsSession({ place }: { place: LmsSessionPlace }) {
  if (place === 'notice') return <SessionNotice />;
  const button = <ExitCourseButton className={place === 'header' ? 'icon-button app-header__exit' : 'button button--secondary'} />;
  return place === 'header' ? button : <p className="no-print">{button}</p>;
}

function useCmi5Status() {
  const { status } = useLmsStatus();
  return status.mode === 'lms' && status.standard === 'cmi5' ? status : null;
}

function ExitCourseButton({ className }: { className: string }) {
  const { t } = useLmsSessionTranslation();
  const { tracking } = useCourseRuntime();
  const status = useCmi5Status();
  const [pressed, setPressed] = useState(false);
  const over = pressed || status?.finished === true;
  return (
    <button
      type="button"
      className={className}
      aria-disabled={over || undefined}
      onClick={() => {
        if (over) return;
        setPressed(true);
        void tracking?.exit?.();
      }}
    >
      {t('lmsSession.exit')}
    </button>
  );
}

function SessionNotice() {
  const { t } = useLmsSessionTranslation();
  const status = useCmi5Status();
  const launchMode = status ? lmsLaunchMode(status) : 'normal';
  const [hadToWait, setHadToWait] = useState(false);
  if (status?.state === 'retrying' && !hadToWait) setHadToWait(true);
  let message: string | null = null;
  if (status?.finished) message = t(status.leaving ? 'lmsSession.leaving' : 'lmsSession.ended');
  else if (launchMode === 'review') message = t('lmsSession.review');
  else if (launchMode === 'browse') message = t('lmsSession.browse');
  else if (hadToWait && status?.state === 'saved') message = t('lmsSession.saved');
  return <div role="status">{message !== null && <p className="notice">{message}</p>}</div>;
}
