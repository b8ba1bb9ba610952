import { describe, expect, it } from 'vitest';
import type { CompletionRule } from '../../../src/content/types.ts';
import { hasXapiLaunchParams } from '../../../src/tracking/cmi5/detect.ts';
import { SESSION_ID_EXTENSION } from '../../../src/tracking/cmi5/launch.ts';
import { parseXapiLaunch, xapiLaunchData } from '../../../src/tracking/cmi5/xapi-launch.ts';

const REGISTRATION = '760e3480-ba55-4991-94b0-01820dbd23a2';
const account = { objectType: 'Agent', name: 'Sam', account: { homePage: 'https://lms.example', name: 'learner-1' } };

function query(overrides: Record<string, string | null> = {}) {
  const values: Record<string, string | null> = {
    endpoint: 'https://lrs.example/xapi',
    auth: 'Basic dXNlcjpwYXNz',
    actor: JSON.stringify(account),
    registration: REGISTRATION,
    activity_id: 'https://lms.example/activities/course-1',
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== null) params.set(name, value);
  return `?${params}`;
}

describe('the TinCan launch of the xAPI package', () => {
  it('reads endpoint (one trailing slash), auth, actor, registration and activity_id', () => {
    expect(hasXapiLaunchParams(query())).toBe(true);
    expect(parseXapiLaunch(query(), 'course')).toEqual({
      params: { endpoint: 'https://lrs.example/xapi/', fetch: '', actor: account, registration: REGISTRATION, activityId: 'https://lms.example/activities/course-1' },
      authorization: 'Basic dXNlcjpwYXNz',
    });
  });

  it('takes tincan.xml\'s activity id when the LMS gives none, and a mailbox agent (TinCan 0.95 arrays too)', () => {
    expect(parseXapiLaunch(query({ activity_id: null }), 'peer-worker-support')?.params.activityId).toBe('urn:course-player:peer-worker-support');
    const mbox = parseXapiLaunch(query({ actor: JSON.stringify({ name: ['Sam'], mbox: ['mailto:sam@example.org'] }) }), 'c');
    expect(mbox?.params.actor).toEqual({ objectType: 'Agent', name: 'Sam', mbox: 'mailto:sam@example.org' });
  });

  it('is no launch when a value is missing, given twice or hostile', () => {
    expect(hasXapiLaunchParams('?endpoint=https%3A%2F%2Flrs.example&fetch=x')).toBe(false);
    const hostile: Record<string, string | null>[] = [
      { endpoint: 'javascript:alert(1)' },
      { endpoint: 'https://lrs.example/xapi?x=1' },
      { auth: null },
      { auth: 'Basic abc\r\nX-Evil: 1' },
      { auth: 'nospace' },
      { actor: '{"mbox":"sam@example.org"}' },
      { actor: '{"objectType":"Group","mbox":"mailto:a@b.c","account":{}}' },
      { actor: 'not json' },
      { registration: 'not-a-uuid' },
      { registration: null },
      { activity_id: 'has space' },
    ];
    for (const bad of hostile) {
      expect(parseXapiLaunch(query(bad), 'c'), JSON.stringify(bad)).toBeNull();
    }
    expect(parseXapiLaunch(`${query()}&auth=Basic%20other`, 'c')).toBeNull();
  });

  it('gets its launch data from the course: Normal mode, the completion rule, its own session id', () => {
    const rule = (passingScore?: number): { completion: CompletionRule } => ({
      completion: { requireAllLessons: true, retryScore: 'best', ...(passingScore === undefined ? {} : { passingScore }) },
    });
    expect(xapiLaunchData(rule(80), 'session-1')).toEqual({
      contextTemplate: { extensions: { [SESSION_ID_EXTENSION]: 'session-1' } },
      sessionId: 'session-1',
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.8,
    });
    expect(xapiLaunchData(rule(), 's')).toMatchObject({ moveOn: 'Completed' });
    expect(xapiLaunchData(rule(), 's')).not.toHaveProperty('masteryScore');
  });
});
