/**
 * cmi5 as a tracking standard for the chooser (lms.ts): a page of the cmi5 package
 * (`<meta name="course-player-lms" content="cmi5">`) launched with cmi5 launch parameters
 * connects; the adapter (adapter.ts, and with it the client, statements and outbox) is loaded
 * only then, in its own chunk, so the web build's first page does not carry it. A cmi5 page
 * opened without launch parameters runs on local storage, like a SCORM package outside an LMS.
 * The plain xAPI package (`content="xapi"`, TinCan launch) goes through the same chunk.
 */
import { createLocalStorageAdapter } from '../local-storage.ts';
import type { ChooseTrackingOptions, LmsStatus, TrackingChoice } from '../lms.ts';
import { CMI5_META_VALUE, hasCmi5LaunchParams, hasXapiLaunchParams, XAPI_META_VALUE } from './detect.ts';

type Edition = 'cmi5' | 'xapi';

/** A page of one of the two packages: the adapter chunk when launched with that edition's parameters, else local storage. */
function connectEdition(edition: Edition, options: ChooseTrackingOptions): Promise<TrackingChoice> {
  const search = options.search ?? '';
  const { course, storage } = options;
  const launched = edition === 'cmi5' ? hasCmi5LaunchParams(search) : hasXapiLaunchParams(search);
  if (!launched) {
    return Promise.resolve({
      connection: { mode: 'local', expected: edition, searchedLevels: 0 },
      adapter: createLocalStorageAdapter<LmsStatus>(storage, course.id, { mode: 'local', expected: edition }),
    });
  }
  return import('./adapter.ts').then((adapter) => (edition === 'cmi5' ? adapter.connectCmi5 : adapter.connectXapi)(search, options));
}

/**
 * Connects a cmi5 page. `null` when the page is not the cmi5 package's. `options.search` is the
 * launch URL's query, read before the router could change the address.
 */
export function connectCmi5Package(metaValue: string, options: ChooseTrackingOptions): Promise<TrackingChoice> | null {
  return metaValue === CMI5_META_VALUE ? connectEdition('cmi5', options) : null;
}

/**
 * Connects a page of the plain xAPI package (`content="xapi"`) launched with the TinCan launch
 * query (`endpoint`, `auth`, `actor`, …): the same adapter chunk. `null` for other pages.
 */
export function connectXapiPackage(metaValue: string, options: ChooseTrackingOptions): Promise<TrackingChoice> | null {
  return metaValue === XAPI_META_VALUE ? connectEdition('xapi', options) : null;
}
