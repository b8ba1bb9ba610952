/**
 * Whether a page is the cmi5 edition, and whether it was launched as cmi5: cheap checks for
 * start-up, which decide whether to load the cmi5 chunk (launch.ts, client.ts, session.ts …).
 */
import { LMS_META_NAME } from '../lms.ts';

/** The `<meta name="course-player-lms">` value of pages in the cmi5 package (scripts/package.ts). */
export const CMI5_META_VALUE = 'cmi5';

/** Whether this page was packaged for cmi5 (its meta tag says so). */
export function isCmi5Page(doc: Pick<Document, 'querySelector'> | undefined): boolean {
  return doc?.querySelector(`meta[name="${LMS_META_NAME}"]`)?.getAttribute('content') === CMI5_META_VALUE;
}

/** Whether a query string carries cmi5 launch parameters at all (§8.1; the full check is parseLaunchUrl). */
export function hasCmi5LaunchParams(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('endpoint') && params.has('fetch');
}

/** The `<meta name="course-player-lms">` value of pages in the plain xAPI package (scripts/package.ts). */
export const XAPI_META_VALUE = 'xapi';

/** Whether a query string carries the TinCan launch parameters at all (the full check is xapi-launch.ts). */
export function hasXapiLaunchParams(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('endpoint') && params.has('auth') && params.has('actor');
}
