/**
 * A plain xAPI package's launch (the TinCan launch of `tincan.xml`, Rustici's "launch guidelines"):
 * the LMS opens the launch file with `endpoint`, `auth` (the whole Authorization header value),
 * `actor`, `registration` and `activity_id` in the query. No fetch URL, no `LMS.LaunchData`: the
 * course's own completion rule gives moveOn and the mastery score, and the launch mode is Normal.
 * Pure, no network; every value is treated as hostile, as in launch.ts. (The cheap start-up check
 * is detect.ts `hasXapiLaunchParams`.)
 */
import { auRule, courseIri } from './course-structure.ts';
import { hasSpaceOrControl, IRI, normalizeEndpoint, parseActor, SESSION_ID_EXTENSION, UUID, type LaunchData, type LaunchParams, type XapiAgent } from './launch.ts';

export interface XapiLaunch {
  /** `fetch` is empty: the authorization comes with the launch. */
  params: LaunchParams;
  authorization: string;
}

const MAX_AUTH = 4096;

/** An Agent by account, or by a `mailto:` mailbox; TinCan 0.95's one-element arrays are read too. */
function parseAgent(text: string): XapiAgent | null {
  const account = parseActor(text);
  if (typeof account !== 'string') return account;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const first = (field: unknown) => (Array.isArray(field) ? field[0] : field);
  const objectType = first(record.objectType);
  if (objectType !== undefined && objectType !== 'Agent') return null;
  const mbox = first(record.mbox);
  if (typeof mbox !== 'string' || !/^mailto:[^\s@<>"]+@[^\s@<>"]+$/.test(mbox) || mbox.length > 512) return null;
  const agent: XapiAgent = { objectType: 'Agent', mbox };
  const name = first(record.name);
  if (typeof name === 'string' && name.length <= 512) agent.name = name;
  return agent;
}

/**
 * Reads the TinCan launch query; `null` when it is not a usable launch (the course then runs on
 * local storage). `courseId` gives the activity id when the LMS passes none (tincan.xml's).
 *
 * @example
 * parseXapiLaunch('?endpoint=https%3A%2F%2Flrs.example%2Fxapi&auth=Basic%20abc&actor=…&registration=…', 'peer-worker-support')
 * // → { params: { endpoint: 'https://lrs.example/xapi/', fetch: '', activityId: 'urn:course-player:peer-worker-support', … }, authorization: 'Basic abc' }
 */
export function parseXapiLaunch(search: string, courseId: string): XapiLaunch | null {
  const query = new URLSearchParams(search);
  const one = (name: string) => {
    const values = query.getAll(name);
    return values.length === 1 && values[0] !== '' ? (values[0] ?? null) : null;
  };
  const endpoint = normalizeEndpoint(one('endpoint') ?? '');
  const auth = one('auth');
  const actorText = one('actor');
  const registration = one('registration');
  const activityId = query.has('activity_id') ? one('activity_id') : courseIri(courseId);
  if (!endpoint || !auth || !actorText || !registration || !activityId) return null;
  if (auth.length > MAX_AUTH || /[\r\n\0]/.test(auth) || !/^\S+ \S+$/.test(auth)) return null;
  if (!UUID.test(registration)) return null;
  if (activityId.length > 2048 || hasSpaceOrControl(activityId) || !IRI.test(activityId)) return null;
  const actor = parseAgent(actorText);
  if (!actor) return null;
  return { params: { endpoint, fetch: '', actor, registration: registration.toLowerCase(), activityId }, authorization: auth };
}

/**
 * What `LMS.LaunchData` would have said, from the course itself: a fresh session id in the
 * context template, Normal mode, the completion rule's moveOn and mastery score.
 */
export function xapiLaunchData(course: Parameters<typeof auRule>[0], sessionId: string): LaunchData {
  const rule = auRule(course);
  const data: LaunchData = { contextTemplate: { extensions: { [SESSION_ID_EXTENSION]: sessionId } }, sessionId, launchMode: 'Normal', moveOn: rule.moveOn };
  if (rule.masteryScore !== undefined) data.masteryScore = rule.masteryScore;
  return data;
}
