/**
 * The session surface (src/tracking/cmi5/session.ts) over HTTP against the LMS/LRS stand-in: what
 * an adapter reports, and what the LMS receives. The stand-in rejects anything breaking §9.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmi5Client } from '../../../src/tracking/cmi5/client.ts';
import { parseLaunchData, parseLaunchUrl } from '../../../src/tracking/cmi5/launch.ts';
import { createOutbox } from '../../../src/tracking/cmi5/queue.ts';
import { openCmi5Session, PROGRESS_STATE_ID } from '../../../src/tracking/cmi5/session.ts';
import { startLrsServer, type LaunchMode, type LrsServer } from '../../browser/lms/lrs-server.ts';
import { MemoryStorage } from '../helpers.ts';

let lrs: LrsServer;
beforeAll(async () => {
  lrs = await startLrsServer({ masteryScore: 0.8, returnURL: 'http://127.0.0.1/return' });
});
afterAll(() => lrs.close());

let clock = Date.UTC(2026, 0, 1);
const now = () => (clock += 1500);

async function launch(mode: LaunchMode = 'Normal', registration?: string, storage = new MemoryStorage()) {
  const launched = lrs.launch({ mode, ...(registration ? { registration } : {}) });
  const parsed = parseLaunchUrl(new URL(launched.url).search);
  if (!parsed.ok) throw new Error('bad launch');
  const client = createCmi5Client({ launch: parsed.params, tokenStore: new MemoryStorage() });
  const raw = await client.getLaunchData();
  const data = parseLaunchData(raw.ok ? raw.value : null);
  if (!data.ok) throw new Error(data.message);
  const outbox = createOutbox({ storage, registration: parsed.params.registration });
  const session = await openCmi5Session({ launch: parsed.params, launchData: data.data, lang: 'en', client, outbox, now });
  return { session, launched, registration: parsed.params.registration, storage };
}

const verbs = (registration: string) =>
  lrs.statements
    .filter((s) => (s.context as { registration: string }).registration === registration)
    .map((s) => ((s.verb as { id: string }).id.split('/').pop() ?? '') + ((s.result as { score?: { scaled: number } } | undefined)?.score ? ` ${(s.result as { score: { scaled: number } }).score.scaled}` : ''));

describe('a cmi5 session', () => {
  it('whole course: initialized … completed, passed, terminated; returnURL; a relaunch sends no second completed or passed', async () => {
    const first = await launch();
    const { session } = first;
    expect(session.progressed(10)).toEqual({ sent: false, why: '§9.3.2 not initialized yet' });
    expect(session.initialize()).toEqual({ sent: true });
    session.progressed(50);
    expect(session.saveProgress({ lessonId: 'l-3' })).toEqual({ sent: true });
    expect(session.completed()).toEqual({ sent: true });
    expect(session.completed()).toMatchObject({ sent: false, why: expect.stringMatching(/§9.3.3/) });
    expect(session.judged(0.9, true)).toEqual({ sent: true });
    expect(session.judged(0.9, true)).toMatchObject({ sent: false });
    expect(await session.terminate()).toEqual({ returnURL: 'http://127.0.0.1/return' });
    expect(session.progressed(60)).toMatchObject({ sent: false, why: expect.stringMatching(/§9.3.8/) });
    expect(verbs(first.registration)).toEqual(['initialized', 'progressed', 'completed', 'passed 0.9', 'terminated']);
    expect(session.status()).toMatchObject({ pending: 0, rejected: 0, refused: false, terminated: true });
    expect(lrs.state.get(`${first.registration}|${PROGRESS_STATE_ID}`)).toEqual({ lessonId: 'l-3' });

    const again = await launch('Normal', first.registration);
    expect(await again.session.loadProgress()).toEqual({ ok: true, value: { lessonId: 'l-3' } });
    again.session.initialize();
    expect(again.session.completed()).toMatchObject({ sent: false, why: expect.stringMatching(/§9.3.3/) });
    expect(again.session.judged(1, true)).toMatchObject({ sent: false, why: expect.stringMatching(/§9.3.4/) });
    await again.session.terminate();
    expect(verbs(first.registration).slice(5)).toEqual(['initialized', 'terminated']);
    expect(lrs.rejections).toEqual([]);
  });

  it('a wrong-answer run fails (below the mastery score), and a later session can still pass', async () => {
    const first = await launch();
    first.session.initialize();
    first.session.completed();
    // The course's own pass mark would say passed; the LMS's mastery score (0.8) decides (§10.2.4).
    expect(first.session.judged(0.5, true)).toEqual({ sent: true });
    expect(first.session.judged(0.9, true)).toMatchObject({ sent: false, why: expect.stringMatching(/one of passed\/failed per session/) });
    await first.session.terminate();
    const second = await launch('Normal', first.registration);
    second.session.initialize();
    expect(second.session.judged(0.9, true)).toEqual({ sent: true });
    await second.session.terminate();
    expect(verbs(first.registration)).toEqual(['initialized', 'completed', 'failed 0.5', 'terminated', 'initialized', 'passed 0.9', 'terminated']);
    expect(lrs.rejections).toEqual([]);
  });

  it.each(['Browse', 'Review'] as const)('%s: initialized and terminated only (§10.2.2)', async (mode) => {
    const { session, registration } = await launch(mode);
    session.initialize();
    expect(session.completed()).toEqual({ sent: false, why: `§10.2.2 ${mode} mode` });
    expect(session.judged(1, true)).toEqual({ sent: false, why: `§10.2.2 ${mode} mode` });
    await session.terminate();
    expect(verbs(registration)).toEqual(['initialized', 'terminated']);
    expect(lrs.rejections).toEqual([]);
  });

  it('the LRS down until exit: the next launch keeps the progress record and sends completed again (the old session was abandoned, §9.3.6)', async () => {
    const storage = new MemoryStorage();
    const first = await launch('Normal', undefined, storage);
    lrs.setAvailable(false);
    first.session.initialize();
    first.session.progressed(20);
    first.session.saveProgress({ lessonId: 'l-2' });
    first.session.completed();
    await first.session.terminate();
    expect(first.session.status()).toMatchObject({ pending: 6, lastFailure: { kind: 'unavailable' } });
    expect(verbs(first.registration)).toEqual([]);
    lrs.setAvailable(true);

    const second = await launch('Normal', first.registration, storage);
    // The outbox went first: the LMS refused the abandoned session's statements, took its state.
    expect(lrs.rejections.map((r) => r.rule)).toEqual(['§9.3.6', '§9.3.6', '§9.3.6', '§9.3.6']);
    expect(await second.session.loadProgress()).toEqual({ ok: true, value: { lessonId: 'l-2' } });
    second.session.initialize();
    // The completed that was never recorded is sent in this session.
    expect(second.session.completed()).toEqual({ sent: true });
    await second.session.terminate();
    expect(verbs(first.registration)).toEqual(['initialized', 'completed', 'terminated']);
    const ids = lrs.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    // A third launch does not send completed again.
    const third = await launch('Normal', first.registration, storage);
    third.session.initialize();
    expect(third.session.completed()).toMatchObject({ sent: false, why: expect.stringMatching(/§9.3.3/) });
    await third.session.terminate();
    expect(lrs.rejections).toHaveLength(4);
    lrs.rejections.length = 0;
  });

  it('on pagehide terminated goes with keepalive and arrives last', async () => {
    const { session, registration, launched } = await launch();
    session.initialize();
    session.progressed(5);
    await session.terminate({ unloading: true });
    await expect.poll(() => launched.session.terminated).toBe(true);
    expect(verbs(registration)).toEqual(['initialized', 'progressed', 'terminated']);
  });
});

describe('a reload of the same launch', () => {
  it('sends no second initialized, and after terminated sends nothing more (§9.3.2, §9.3.8)', async () => {
    const launched = lrs.launch();
    const parsed = parseLaunchUrl(new URL(launched.url).search);
    if (!parsed.ok) throw new Error('bad launch');
    const tokenStore = new MemoryStorage();
    const storage = new MemoryStorage();
    const open = async () => {
      const client = createCmi5Client({ launch: parsed.params, tokenStore });
      const raw = await client.getLaunchData();
      const data = parseLaunchData(raw.ok ? raw.value : null);
      if (!data.ok) throw new Error(data.message);
      const outbox = createOutbox({ storage, registration: parsed.params.registration });
      return openCmi5Session({ launch: parsed.params, launchData: data.data, lang: 'en', client, outbox, now, sessionStore: tokenStore });
    };
    const page = await open();
    page.initialize();
    await page.flush();
    const reloaded = await open();
    expect(reloaded.status().initialized).toBe(true);
    expect(reloaded.initialize()).toMatchObject({ sent: false, why: expect.stringMatching(/already initialized/) });
    expect(reloaded.progressed(30)).toEqual({ sent: true });
    await reloaded.terminate({ unloading: true });
    await expect.poll(() => launched.session.terminated).toBe(true);
    const after = await open();
    expect(after.status().terminated).toBe(true);
    expect(after.progressed(40)).toMatchObject({ sent: false, why: expect.stringMatching(/§9.3.8/) });
    expect(launched.session.fetchCalls).toBe(1);
    expect(launched.session.defined).toEqual(['initialized', 'terminated']);
    expect(lrs.rejections).toEqual([]);
  });
});
