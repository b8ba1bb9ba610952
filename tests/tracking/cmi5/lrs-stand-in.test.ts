/**
 * The AU side (launch parsing, client, statement builders, outbox) against the LMS/LRS stand-in
 * (tests/browser/lms/lrs-server.ts) over real HTTP on 127.0.0.1, and the stand-in's own rules:
 * each statement it must reject, named by the spec section it breaks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmi5Client, tokenKey, type Cmi5Client } from '../../../src/tracking/cmi5/client.ts';
import { parseLaunchData, parseLaunchUrl, parseLearnerPreferences, type LaunchParams } from '../../../src/tracking/cmi5/launch.ts';
import { createOutbox } from '../../../src/tracking/cmi5/queue.ts';
import {
  answeredStatement,
  completedStatement,
  failedStatement,
  initializedStatement,
  passedStatement,
  progressedStatement,
  terminatedStatement,
  type SessionContext,
  type Statement,
} from '../../../src/tracking/cmi5/statements.ts';
import { startLrsServer, type LaunchMode, type LrsServer } from '../../browser/lms/lrs-server.ts';
import { MemoryStorage } from '../helpers.ts';

let lrs: LrsServer;
beforeAll(async () => {
  lrs = await startLrsServer({ masteryScore: 0.8, returnURL: 'http://127.0.0.1/return', learnerPreferences: { languagePreference: 'fr-FR,en-US' } });
});
afterAll(() => lrs.close());

let clock = Date.UTC(2026, 0, 1);
const stamp = () => ({ id: crypto.randomUUID(), at: new Date((clock += 1000)) });

/** Launch as the LMS would, then start the AU side on that URL. */
async function open(mode: LaunchMode = 'Normal', registration?: string, tokenStore = new MemoryStorage()) {
  const launched = lrs.launch({ mode, ...(registration ? { registration } : {}) });
  const parsed = parseLaunchUrl(new URL(launched.url).search);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  const client = createCmi5Client({ launch: parsed.params, tokenStore });
  const raw = await client.getLaunchData();
  if (!raw.ok) throw new Error(raw.message);
  const data = parseLaunchData(raw.value);
  if (!data.ok) throw new Error(data.message);
  const session: SessionContext = { launch: parsed.params, launchData: data.data, lang: 'en' };
  return { launched, params: parsed.params, client, session, tokenStore };
}

async function put(client: Cmi5Client, statement: Statement) {
  return client.putStatement(statement);
}

describe('client against the stand-in', () => {
  it('§8.2: one POST to the fetch URL; the stand-in refuses a second; a reload reuses the stored token', async () => {
    const { launched, params, client, tokenStore } = await open();
    expect(launched.session.fetchCalls).toBe(1);
    expect((await client.getState('progress')).ok).toBe(true);
    expect(launched.session.fetchCalls).toBe(1);
    expect(tokenStore.getItem(tokenKey(params))).toBe(launched.session.token);

    // The same launch reloaded: the token comes from sessionStorage, no second fetch.
    const reloaded = createCmi5Client({ launch: params, tokenStore });
    expect((await reloaded.getState('progress')).ok).toBe(true);
    expect(launched.session.fetchCalls).toBe(1);

    // Without the stored token a second fetch is refused by the LMS (§8.2.3.1), calmly and once.
    const forgetful = createCmi5Client({ launch: params, tokenStore: new MemoryStorage() });
    expect(await forgetful.authorize()).toMatchObject({ ok: false, kind: 'refused', message: expect.stringMatching(/error-code 1/) });
    expect(await forgetful.getState('progress')).toMatchObject({ ok: false, kind: 'refused' });
    expect(launched.session.fetchCalls).toBe(2);
  });

  it('reads LMS.LaunchData and the learner preferences (§10, §11)', async () => {
    const { session, client } = await open('Review');
    expect(session.launchData).toMatchObject({ launchMode: 'Review', moveOn: 'CompletedAndPassed', masteryScore: 0.8, returnURL: 'http://127.0.0.1/return' });
    const prefs = await client.getLearnerPreferences();
    expect(prefs.ok && parseLearnerPreferences(prefs.value).languages).toEqual(['fr-FR', 'en-US']);
  });

  it('a whole Normal session is accepted: initialized, answered, progressed, completed, passed, terminated; state round-trips', async () => {
    const { session, client, launched } = await open();
    const question = { id: 'q1', type: 'yesno' as const, correctAnswer: 'yes' as const, fingerprint: 'f', reviewLessonId: 'l' };
    const statements = [
      initializedStatement(session, stamp()),
      answeredStatement(session, stamp(), { check: { id: 'c1', lessonId: 'l', title: 'C', questions: [question] }, question, answer: { type: 'yesno', value: 'yes' }, durationMs: 4000 }),
      progressedStatement(session, stamp(), 50),
      completedStatement(session, stamp(), 60_000),
      passedStatement(session, stamp(), 0.9, 60_000),
      terminatedStatement(session, stamp(), 90_000),
    ];
    for (const statement of statements) expect(await put(client, statement)).toEqual({ ok: true, value: undefined });
    expect(lrs.rejections).toEqual([]);
    expect(launched.session.defined).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    // A resend of a stored statement (its answer was lost) is harmless.
    expect(await put(client, statements[5] as Statement)).toEqual({ ok: true, value: undefined });
    expect(lrs.resent).toContain(statements[5]?.id);

    expect(await client.putState('progress', { lessonId: 'x', answers: { q1: 'yes' } })).toEqual({ ok: true, value: undefined });
    expect(await client.getState('progress')).toEqual({ ok: true, value: { lessonId: 'x', answers: { q1: 'yes' } } });
    expect(await client.getState('nothing-here')).toEqual({ ok: true, value: null });
    // §10.2.1: the AU may not write LMS.LaunchData; the stand-in says 403 and the client stops.
    expect(await client.putState('LMS.LaunchData', {})).toMatchObject({ ok: false, kind: 'refused', status: 403 });
    expect(client.refused).toBe(true);
  });

  it('the outbox delivers in order once the LRS is back, with no id twice', async () => {
    const { session, client, launched, params } = await open();
    const outbox = createOutbox({ storage: new MemoryStorage(), registration: params.registration });
    lrs.setAvailable(false);
    const sent = [initializedStatement(session, stamp()), progressedStatement(session, stamp(), 10)];
    for (const statement of sent) outbox.enqueueStatement(statement);
    outbox.enqueueState('progress', { lessonId: 'l-1' });
    expect(await outbox.flush(client)).toMatchObject({ sent: 0, remaining: 3, stopped: { kind: 'unavailable', status: 503 } });
    lrs.setAvailable(true);
    outbox.enqueueStatement(terminatedStatement(session, stamp(), 1000));
    expect(await outbox.flush(client)).toEqual({ sent: 4, remaining: 0 });
    expect(launched.session.defined).toEqual(['initialized', 'terminated']);
    const ids = lrs.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(lrs.rejections).toEqual([]);
  });

  it('§9.3.6: at the next launch the unsent session is abandoned: its statements are refused, its state is kept', async () => {
    const first = await open();
    const storage = new MemoryStorage();
    const outbox = createOutbox({ storage, registration: first.params.registration });
    lrs.setAvailable(false);
    outbox.enqueueStatement(initializedStatement(first.session, stamp()));
    outbox.enqueueState('progress', { lessonId: 'l-4' });
    outbox.enqueueStatement(terminatedStatement(first.session, stamp(), 1000));
    await outbox.flush(first.client);
    lrs.setAvailable(true);
    const second = await open('Normal', first.params.registration);
    const later = createOutbox({ storage, registration: second.params.registration });
    later.enqueueStatement(initializedStatement(second.session, stamp()));
    expect(await later.flush(second.client)).toEqual({ sent: 2, remaining: 0 });
    expect(lrs.rejections.map((r) => r.rule)).toEqual(['§9.3.6', '§9.3.6']);
    expect(later.rejected()).toHaveLength(2);
    expect(lrs.state.get(`${first.params.registration}|progress`)).toEqual({ lessonId: 'l-4' });
    expect(second.launched.session.defined).toEqual(['initialized']);
    lrs.rejections.length = 0;
  });

  it('a keepalive batch keeps terminated last', async () => {
    const { session, client, launched } = await open();
    const outbox = createOutbox({ storage: new MemoryStorage(), registration: session.launch.registration });
    outbox.enqueueStatement(initializedStatement(session, stamp()));
    outbox.enqueueStatement(progressedStatement(session, stamp(), 30));
    outbox.enqueueStatement(terminatedStatement(session, stamp(), 5000));
    outbox.flushKeepalive(client);
    await expect.poll(() => launched.session.defined).toEqual(['initialized', 'terminated']);
    await expect.poll(() => outbox.items().length).toBe(0);
  });
});

describe('the stand-in rejects statements that break the AU requirements', () => {
  async function rejected(mode: LaunchMode, build: (s: SessionContext) => Statement[]) {
    const { session, client } = await open(mode);
    const before = lrs.rejections.length;
    const results = [];
    for (const statement of build(session)) results.push(await put(client, statement));
    return { results, rules: lrs.rejections.slice(before).map((r) => r.rule) };
  }
  const launchParams = (s: SessionContext): LaunchParams => s.launch;

  it('§9.3.2: a statement before initialized', async () => {
    const { rules, results } = await rejected('Normal', (s) => [progressedStatement(s, stamp(), 5)]);
    expect(rules).toEqual(['§9.3.2']);
    expect(results[0]).toMatchObject({ ok: false, kind: 'rejected', status: 400 });
  });

  it('§9.3.8: a statement after terminated', async () => {
    const { rules } = await rejected('Normal', (s) => [initializedStatement(s, stamp()), terminatedStatement(s, stamp(), 1), progressedStatement(s, stamp(), 5)]);
    expect(rules).toEqual(['§9.3.8']);
  });

  it('§9.6.3.1 / §10.2.1: a cmi5 defined statement without the context template', async () => {
    const { rules } = await rejected('Normal', (s) => {
      const init = initializedStatement(s, stamp());
      const bare = { ...completedStatement(s, stamp(), 1), context: { registration: launchParams(s).registration, contextActivities: { category: [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] } } };
      const noGrouping = completedStatement(s, stamp(), 1);
      delete noGrouping.context.contextActivities?.grouping;
      return [init, bare, noGrouping];
    });
    expect(rules).toEqual(['§9.6.3.1', '§10.2.1']);
  });

  it('§9.3.3: completed twice in a registration (here across two sessions)', async () => {
    const first = await open();
    await put(first.client, initializedStatement(first.session, stamp()));
    expect(await put(first.client, completedStatement(first.session, stamp(), 1))).toMatchObject({ ok: true });
    await put(first.client, terminatedStatement(first.session, stamp(), 1));
    const second = await open('Normal', first.params.registration);
    await put(second.client, initializedStatement(second.session, stamp()));
    const before = lrs.rejections.length;
    expect(await put(second.client, completedStatement(second.session, stamp(), 1))).toMatchObject({ ok: false, kind: 'rejected' });
    expect(lrs.rejections.slice(before).map((r) => r.rule)).toEqual(['§9.3.3']);
  });

  it('§9.3.4: passed below the mastery score (built by hand: our builder refuses to)', async () => {
    const { rules } = await rejected('Normal', (s) => {
      const passed = passedStatement(s, stamp(), 0.9, 1);
      return [initializedStatement(s, stamp()), { ...passed, result: { ...passed.result, score: { scaled: 0.5 } } }];
    });
    expect(rules).toEqual(['§9.3.4']);
  });

  it.each(['Browse', 'Review'] as const)('§10.2.2: completed, passed or failed in %s mode', async (mode) => {
    const { rules } = await rejected(mode, (s) => {
      const normal = { ...s, launchData: { ...s.launchData, launchMode: 'Normal' as const } };
      return [
        initializedStatement(s, stamp()),
        completedStatement(normal, stamp(), 1),
        passedStatement(normal, stamp(), 0.9, 1),
        failedStatement(normal, stamp(), 0.1, 1),
        terminatedStatement(s, stamp(), 1),
      ];
    });
    expect(rules).toEqual(['§10.2.2', '§10.2.2', '§10.2.2']);
  });
});
