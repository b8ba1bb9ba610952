// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CMI5_META_VALUE, hasCmi5LaunchParams, isCmi5Page } from '../../../src/tracking/cmi5/detect.ts';
import {
  normalizeEndpoint,
  parseLaunchData,
  parseLaunchUrl,
  parseLearnerPreferences,
  pickLanguage,
} from '../../../src/tracking/cmi5/launch.ts';
import { LMS_META_NAME } from '../../../src/tracking/lms.ts';

const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: '1625378' } };
const good = {
  endpoint: 'https://lrs.example/lrslistener',
  fetch: 'https://lms.example/tokenGen.htm?k=2390289x0',
  actor: JSON.stringify(actor),
  registration: '760E3480-BA55-4991-94B0-01820DBD23A2',
  activityId: 'https://lms.example/LA1/001/intro',
};
const query = (values: Record<string, string>) => `?${new URLSearchParams(values)}`;

describe('cmi5 launch URL (§8.1)', () => {
  it('reads the five parameters in any order, normalising the endpoint and registration', () => {
    const reversed = Object.fromEntries(Object.entries(good).reverse());
    const result = parseLaunchUrl(`${query(reversed)}&other=1`);
    expect(result).toEqual({
      ok: true,
      params: {
        endpoint: 'https://lrs.example/lrslistener/',
        fetch: good.fetch,
        actor: { objectType: 'Agent', account: actor.account },
        registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
        activityId: good.activityId,
      },
    });
    expect(hasCmi5LaunchParams(query(good))).toBe(true);
    expect(hasCmi5LaunchParams('?lesson=1')).toBe(false);
  });

  it('§8.1.1: the endpoint gets exactly one trailing slash; no query, no other scheme', () => {
    expect(normalizeEndpoint('https://lrs.example/xapi')).toBe('https://lrs.example/xapi/');
    expect(normalizeEndpoint('https://lrs.example/xapi///')).toBe('https://lrs.example/xapi/');
    expect(normalizeEndpoint('https://lrs.example')).toBe('https://lrs.example/');
    expect(normalizeEndpoint('https://lrs.example/xapi?x=1')).toBeNull();
    expect(normalizeEndpoint('javascript:alert(1)//')).toBeNull();
    expect(normalizeEndpoint('https://user:pw@lrs.example/')).toBeNull();
  });

  it('reports every missing, repeated or malformed parameter', () => {
    const result = parseLaunchUrl(`?endpoint=${encodeURIComponent('data:text/html,x')}&fetch=a&fetch=b&actor=%7B&registration=42`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => `${e.kind} ${e.param}`).sort()).toEqual(
      ['duplicate fetch', 'invalid actor', 'invalid endpoint', 'invalid registration', 'missing activityId'].sort(),
    );
  });

  it('§9.2: the actor must be an Agent with an account; extra properties are not carried', () => {
    const bad = (value: unknown) => {
      const result = parseLaunchUrl(query({ ...good, actor: JSON.stringify(value) }));
      return result.ok ? 'ok' : result.errors[0]?.message;
    };
    expect(bad({ objectType: 'Group', account: actor.account })).toMatch(/not an Agent/);
    expect(bad({ mbox: 'mailto:a@example.com' })).toMatch(/no account/);
    expect(bad({ account: { homePage: 'javascript:1', name: 'x' } })).toMatch(/homePage/);
    expect(bad([1])).toMatch(/not a JSON object/);
    expect(bad({ account: { homePage: 'https://x.example', name: 'x'.repeat(5000) } })).toMatch(/longer than/);
    const result = parseLaunchUrl(query({ ...good, actor: JSON.stringify({ ...actor, mbox: 'mailto:a@example.com', evil: '<script>' }) }));
    expect(result.ok && result.params.actor).toEqual({ objectType: 'Agent', account: actor.account });
  });

  it('§8.1.5: the activityId must be an IRI', () => {
    expect(parseLaunchUrl(query({ ...good, activityId: 'not an iri' })).ok).toBe(false);
    expect(parseLaunchUrl(query({ ...good, activityId: 'https://lms.example/a\u0000b' })).ok).toBe(false);
    expect(parseLaunchUrl(query({ ...good, fetch: 'https://lms.example/\u0007' })).ok).toBe(false);
    expect(parseLaunchUrl(query({ ...good, activityId: 'urn:uuid:760e3480-ba55-4991-94b0-01820dbd23a2' })).ok).toBe(true);
  });
});

describe('LMS.LaunchData (§10.2)', () => {
  const template = { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' } };
  it('reads the context template, launch mode, moveOn, mastery score and returnURL', () => {
    const result = parseLaunchData({ contextTemplate: template, launchMode: 'Review', moveOn: 'Passed', masteryScore: 0.75, returnURL: 'https://lms.example/back' });
    expect(result).toEqual({
      ok: true,
      data: { contextTemplate: template, sessionId: 's-1', launchMode: 'Review', moveOn: 'Passed', masteryScore: 0.75, returnURL: 'https://lms.example/back' },
    });
  });
  it('refuses a document without session id, launch mode or a sane mastery score', () => {
    expect(parseLaunchData({ contextTemplate: {}, launchMode: 'Normal', moveOn: 'Passed' })).toMatchObject({ ok: false, message: expect.stringMatching(/§10.2.1/) });
    expect(parseLaunchData({ contextTemplate: template, launchMode: 'Test', moveOn: 'Passed' })).toMatchObject({ ok: false, message: expect.stringMatching(/§10.2.2/) });
    expect(parseLaunchData({ contextTemplate: template, launchMode: 'Normal', moveOn: 'Passed', masteryScore: 80 })).toMatchObject({ ok: false, message: expect.stringMatching(/§10.2.4/) });
    expect(parseLaunchData('x').ok).toBe(false);
  });
  it('drops a returnURL that is not http(s)', () => {
    const result = parseLaunchData({ contextTemplate: template, launchMode: 'Normal', moveOn: 'Passed', returnURL: 'javascript:alert(1)' });
    expect(result.ok && result.data.returnURL).toBeUndefined();
  });
});

describe('learner preferences (§11)', () => {
  it('reads the language list in order and picks the first the course has', () => {
    const prefs = parseLearnerPreferences({ languagePreference: 'de-DE, fr-CA,en-US,<x>', audioPreference: 'off' });
    expect(prefs).toEqual({ languages: ['de-DE', 'fr-CA', 'en-US'], audio: 'off' });
    expect(pickLanguage(prefs.languages, ['en', 'fr'])).toBe('fr');
    expect(pickLanguage(['de'], ['en', 'fr'])).toBeNull();
    expect(parseLearnerPreferences(null)).toEqual({ languages: [] });
  });
});

describe('cmi5 package pages', () => {
  it('are recognised by their meta tag', () => {
    document.head.innerHTML = `<meta name="${LMS_META_NAME}" content="${CMI5_META_VALUE}">`;
    expect(isCmi5Page(document)).toBe(true);
    document.head.innerHTML = `<meta name="${LMS_META_NAME}" content="scorm-1.2">`;
    expect(isCmi5Page(document)).toBe(false);
  });
});
