/**
 * cmi5 as a tracking standard for the chooser (lms.ts): a page of the cmi5 package
 * (`<meta name="course-player-lms" content="cmi5">`) launched with cmi5 launch parameters
 * connects; the adapter (adapter.ts, and with it the client, statements and outbox) is loaded
 * only then, in its own chunk, so the web build's first page does not carry it. A cmi5 page
 * opened without launch parameters runs on local storage, like a SCORM package outside an LMS.
 */
import { createLocalStorageAdapter } from '../local-storage.ts';
import type { ChooseTrackingOptions, LmsStatus, TrackingChoice } from '../lms.ts';
import { CMI5_META_VALUE, hasCmi5LaunchParams } from './detect.ts';

/**
 * Connects a cmi5 page. `null` when the page is not the cmi5 package's. `options.search` is the
 * launch URL's query, read before the router could change the address.
 */
export function connectCmi5Package(metaValue: string, options: ChooseTrackingOptions): Promise<TrackingChoice> | null {
  if (metaValue !== CMI5_META_VALUE) return null;
  const search = options.search ?? '';
  const { course, storage } = options;
  if (!hasCmi5LaunchParams(search)) {
    return Promise.resolve({
      connection: { mode: 'local', expected: 'cmi5', searchedLevels: 0 },
      adapter: createLocalStorageAdapter<LmsStatus>(storage, course.id, { mode: 'local', expected: 'cmi5' }),
    });
  }
  return import('./adapter.ts').then(({ connectCmi5 }) => connectCmi5(search, options));
}
