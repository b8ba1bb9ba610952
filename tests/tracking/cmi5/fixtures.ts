import type { LaunchData, LaunchParams } from '../../../src/tracking/cmi5/launch.ts';
import type { SessionContext } from '../../../src/tracking/cmi5/statements.ts';

export const REGISTRATION = '760e3480-ba55-4991-94b0-01820dbd23a2';
export const PUBLISHER_ID = 'urn:course-player:peer-worker-support:au:course';

export const launch: LaunchParams = {
  endpoint: 'https://lrs.example/xapi/',
  fetch: 'https://lms.example/token?k=1',
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-1' } },
  registration: REGISTRATION,
  activityId: 'https://lms.example/activities/au-1',
};

export function launchData(overrides: Partial<LaunchData> = {}): LaunchData {
  return {
    contextTemplate: {
      contextActivities: { grouping: [{ id: PUBLISHER_ID, objectType: 'Activity' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' },
    },
    sessionId: 'session-1',
    launchMode: 'Normal',
    moveOn: 'CompletedAndPassed',
    masteryScore: 0.8,
    ...overrides,
  };
}

export function session(overrides: Partial<LaunchData> = {}): SessionContext {
  return { launch, launchData: launchData(overrides), lang: 'en' };
}

let n = 0;
/** A fresh stamp with a UUID id. */
export function stamp(at = new Date(Date.UTC(2026, 0, 1, 10, 0, n))) {
  n += 1;
  return { id: crypto.randomUUID(), at };
}
