/**
 * SCORM 1.2 and 2004 as a tracking standard for the chooser (lms.ts): which meta values are
 * its packages, and how a packaged page connects. The adapter itself (scorm-tracking.ts) and the
 * API search are loaded only when a page is a SCORM package, so the web build does not carry them.
 */
import { mapStatusStore } from '../adapter.ts';
import { createLocalStorageAdapter } from '../local-storage.ts';
import type { ChooseTrackingOptions, LmsStatus, TrackingChoice } from '../lms.ts';
import type { ScormVersion } from './formats.ts';

/** The package meta tag's value for each edition (`npm run package` writes it). */
export const SCORM_META_VALUES: Record<ScormVersion, string> = { '1.2': 'scorm-1.2', '2004': 'scorm-2004' };

/** The edition a meta value names, or `null` when it is not a SCORM package's. */
export function scormEdition(metaValue: string): ScormVersion | null {
  if (metaValue === SCORM_META_VALUES['1.2']) return '1.2';
  if (metaValue === SCORM_META_VALUES['2004']) return '2004';
  return null;
}

/**
 * Connects a SCORM package: looks for its edition's API the way the standard describes. Found:
 * the SCORM adapter. Not found (the package was opened outside an LMS): local storage, and the
 * player says so unobtrusively. `null` when the page is not a SCORM package.
 */
export function connectScormPackage(metaValue: string, options: ChooseTrackingOptions): Promise<TrackingChoice> | null {
  const standard = scormEdition(metaValue);
  const win = options.window;
  if (standard === null || win === undefined) return null;
  const { course, storage } = options;
  return (async () => {
    const { connectScorm, findScormApi, MAX_SEARCH_LEVELS } = await import('./api.ts');
    const found = findScormApi(win, standard);
    if (found === null) {
      return {
        connection: { mode: 'local', expected: standard, searchedLevels: MAX_SEARCH_LEVELS },
        adapter: createLocalStorageAdapter<LmsStatus>(storage, course.id, { mode: 'local', expected: standard }),
      };
    }
    const [{ createScormTracking }, { questionPrompts }] = await Promise.all([
      import('./scorm-tracking.ts'),
      import('virtual:course-prompts'),
    ]);
    const tracking = createScormTracking({ course, connection: connectScorm(found), storage, questionPrompts });
    return {
      connection: { mode: 'lms', standard, tracking },
      adapter: { ...tracking, status: mapStatusStore(tracking.status, (status): LmsStatus => ({ mode: 'lms', ...status })) },
    };
  })();
}
