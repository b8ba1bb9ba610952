/**
 * One answer to "how did the LMS launch the course?" for every standard: the check view is
 * read-only in a review launch, whichever standard launched it (SCORM `cmi.mode`, cmi5 launchMode).
 */
import { expect, it } from 'vitest';
import { lmsLaunchMode, type LmsStatus } from '../../src/tracking/lms.ts';

const scorm = (launchMode: string) => ({ mode: 'lms', standard: '2004', launchMode }) as unknown as LmsStatus;
const cmi5 = (launchMode: string) => ({ mode: 'lms', standard: 'cmi5', launchMode }) as unknown as LmsStatus;

it.each([
  ['the web edition', { mode: 'web' } as LmsStatus, 'normal'],
  ['an LMS package opened without an LMS', { mode: 'local', expected: '2004' } as LmsStatus, 'normal'],
  ['SCORM normal', scorm('normal'), 'normal'],
  ['SCORM review', scorm('review'), 'review'],
  ['SCORM browse', scorm('browse'), 'browse'],
  ['cmi5 Normal', cmi5('Normal'), 'normal'],
  ['cmi5 Review', cmi5('Review'), 'review'],
  ['cmi5 Browse', cmi5('Browse'), 'browse'],
])('%s: %s', (_name, status, expected) => {
  expect(lmsLaunchMode(status)).toBe(expected);
});
