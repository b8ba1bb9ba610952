/**
 * The trainer page's look into the LMS (`/lms-check`): what it holds now, and a harmless value
 * written and read back. Only called while the session is open.
 */
import type { LmsError, ScormConnection } from './api.ts';
import { ELEMENTS } from './cmi-values.ts';

/** What the LMS holds, as read now, for the trainer page. */
export interface LmsReading {
  element: string;
  value: string | null;
  error?: LmsError;
}

export interface RoundTrip {
  element: string;
  written: string;
  read: string | null;
  ok: boolean;
  error?: LmsError;
  commit: { ok: boolean; error?: LmsError };
}

/** Reads the elements a trainer wants to see (the suspend data by its length only). */
export function readLmsHoldings(lms: ScormConnection): LmsReading[] {
  const { version } = lms;
  const names = ELEMENTS[version];
  const elements: string[] =
    version === '1.2'
      ? [names.learnerId, names.learnerName, 'cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.score.min', 'cmi.core.score.max']
      : [
          names.learnerId,
          names.learnerName,
          'cmi.completion_status',
          'cmi.success_status',
          'cmi.progress_measure',
          'cmi.score.scaled',
          'cmi.score.raw',
          'cmi.score.min',
          'cmi.score.max',
          'cmi.scaled_passing_score',
        ];
  elements.push(names.location, names.entry, names.credit, names.mode, names.totalTime, names.interactionCount);
  const readings: LmsReading[] = elements.map((element) => {
    const result = lms.getValue(element);
    return result.ok ? { element, value: result.value } : { element, value: null, error: result.error };
  });
  const suspend = lms.getValue(names.suspendData);
  const element = `${names.suspendData}._length`;
  readings.push(suspend.ok ? { element, value: String(suspend.value.length) } : { element, value: null, error: suspend.error });
  return readings;
}

/** Writes the interface language as the learner's preference, reads it back and commits (`open`: the session is open). */
export function roundTripLanguage(lms: ScormConnection, language: string, open: boolean): RoundTrip {
  const element = ELEMENTS[lms.version].language;
  const failed = (error: LmsError): RoundTrip => ({ element, written: language, read: null, ok: false, error, commit: { ok: false } });
  if (!open) return failed({ code: -1, message: 'The LMS session is not open.' });
  const written = lms.setValue(element, language);
  if (!written.ok) return failed(written.error);
  const read = lms.getValue(element);
  if (!read.ok) return failed(read.error);
  const commit = lms.commit();
  return {
    element,
    written: language,
    read: read.value,
    ok: read.value === language,
    commit: commit.ok ? { ok: true } : { ok: false, error: commit.error },
  };
}
