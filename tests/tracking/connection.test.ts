import fc from 'fast-check';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { connectScorm } from '../../src/tracking/scorm/api.ts';
import {
  BOOKMARK_COMMIT_MS,
  isReadOnly,
  isUnconfirmed,
  phaseOf,
  savingState,
  scormConnectionMachine,
  wasOpened,
  writesNothing,
  type ConnectionEvent,
  type ConnectionSnapshot,
} from '../../src/tracking/scorm/connection.ts';
import { afterCommit, EMPTY_OUTBOX, hasUnsent, withValues } from '../../src/tracking/scorm/outbox.ts';
import { MAX_REFUSALS, setPending, type PassOutcome } from '../../src/tracking/scorm/send.ts';
import { scormStatus } from '../../src/tracking/scorm/status.ts';
import { FakeLms } from './fake-lms.ts';

const BOOKMARK = 'cmi.location';
const opened: ConnectionEvent = { type: 'opened', launchMode: 'normal' };
const record = (value: string): ConnectionEvent => ({ type: 'recorded', values: [[BOOKMARK, value]], suspendDataLength: null, reduced: [] });
/** A pass in which every value was set (what send.ts reports when the LMS took them all). */
const allSet = (snapshot: ConnectionSnapshot, over: Partial<PassOutcome> = {}): ConnectionEvent => ({
  type: 'valuesSet',
  outcome: { outbox: { ...snapshot.context.outbox, toSet: new Set() }, refusals: [], record: null, interactionsRefused: false, failed: null, ...over },
});

/** Starts the machine, sends `events` (a function gets the snapshot so far), and counts `requestSync`. */
function run(...events: Array<ConnectionEvent | ((s: ConnectionSnapshot) => ConnectionEvent)>) {
  const clock = new SimulatedClock();
  const syncs: number[] = [];
  const machine = scormConnectionMachine.provide({ actions: { requestSync: () => void syncs.push(clock.now()) } });
  const actor = createActor(machine, { clock, input: { bookmark: BOOKMARK } }).start();
  for (const event of events) actor.send(typeof event === 'function' ? event(actor.getSnapshot()) : event);
  return { actor, clock, syncs, snapshot: () => actor.getSnapshot() };
}

describe('the SCORM connection machine: the session', () => {
  const cases: Array<[string, ConnectionEvent[], { phase: string; state: string; opened: boolean; writesNothing: boolean }]> = [
    ['nothing yet: Initialize has not worked', [], { phase: 'connecting', state: 'retrying', opened: false, writesNothing: false }],
    ['Initialize keeps failing', [{ type: 'tried', failures: 2 }], { phase: 'connecting', state: 'retrying', opened: false, writesNothing: false }],
    ['opened, nothing to send', [opened], { phase: 'connected', state: 'saved', opened: true, writesNothing: false }],
    ['opened, a value waiting', [opened, record('welcome')], { phase: 'connected', state: 'pending', opened: true, writesNothing: false }],
    ['a commit failed', [opened, record('welcome'), { type: 'tried', failures: 1 }], { phase: 'retrying', state: 'retrying', opened: true, writesNothing: false }],
    ['a retry worked again', [opened, { type: 'tried', failures: 1 }, { type: 'tried', failures: 0 }], { phase: 'connected', state: 'saved', opened: true, writesNothing: false }],
    ['a review launch', [{ type: 'opened', launchMode: 'review' }], { phase: 'readOnly', state: 'saved', opened: true, writesNothing: true }],
    ['a browse launch', [{ type: 'opened', launchMode: 'browse' }], { phase: 'readOnly', state: 'saved', opened: true, writesNothing: true }],
    ['newer progress in the LMS', [opened, record('welcome'), { type: 'lmsNewer' }], { phase: 'refused', state: 'saved', opened: true, writesNothing: true }],
    ['ended, all delivered', [opened, { type: 'ended', delivered: true }], { phase: 'ended', state: 'saved', opened: true, writesNothing: false }],
    ['ended by the LMS before opening (104)', [{ type: 'ended', delivered: false }], { phase: 'ended', state: 'ended', opened: false, writesNothing: false }],
    ['ended with a value unsent', [opened, record('welcome'), { type: 'ended', delivered: true }], { phase: 'ended', state: 'ended', opened: true, writesNothing: false }],
  ];
  it.each(cases)('%s', (_name, events, expected) => {
    const s = run(...events).snapshot();
    expect({ phase: phaseOf(s), state: savingState(s), opened: wasOpened(s), writesNothing: writesNothing(s) }).toEqual(expected);
  });

  it('goes connected → retrying → connected as a commit fails and then works, and the status counts the tries', () => {
    const { snapshot, actor } = run(opened, record('welcome'), { type: 'wantCommit' });
    actor.send({ type: 'committed', ok: false, complete: true });
    actor.send({ type: 'failed', call: 'Commit', error: { code: 391, message: 'general commit failure' } });
    actor.send({ type: 'tried', failures: 1 });
    expect(scormStatus('2004', snapshot())).toMatchObject({ state: 'retrying', failures: 1, lastError: { call: 'Commit', code: 391 } });
    expect(snapshot().context.outbox.toSet.has(BOOKMARK)).toBe(true); // set again before the next commit
    expect(snapshot().matches({ commit: 'wanted' })).toBe(true);
    actor.send(allSet(snapshot()));
    actor.send({ type: 'committed', ok: true, complete: true });
    actor.send({ type: 'tried', failures: 0 });
    expect(scormStatus('2004', snapshot())).toMatchObject({ state: 'saved', failures: 0 });
    expect([phaseOf(snapshot()), snapshot().matches({ commit: 'clean' }), isUnconfirmed(snapshot())]).toEqual(['connected', true, false]);
  });

  it('keeps wanting a commit after one that followed a failed value', () => {
    const { snapshot, actor } = run(opened, record('welcome'), { type: 'wantCommit' });
    actor.send({ type: 'committed', ok: true, complete: false });
    expect(snapshot().matches({ commit: 'wanted' })).toBe(true);
  });

  it('ends once: later events change nothing', () => {
    const { snapshot, actor, syncs } = run(opened, { type: 'ended', delivered: true });
    for (const event of [opened, { type: 'ended', delivered: false }, { type: 'wantCommit' }, { type: 'lessonChanged' }, { type: 'lmsNewer' }] as ConnectionEvent[]) {
      actor.send(event);
    }
    expect([phaseOf(snapshot()), snapshot().context.end, savingState(snapshot())]).toEqual(['ended', { from: 'connected', delivered: true }, 'saved']);
    expect(snapshot().matches({ commit: 'clean', bookmark: 'idle' })).toBe(true);
    expect(syncs).toEqual([]);
  });
});

describe('the SCORM connection machine: what a read-only session writes', () => {
  it.each([
    ['review launch', [{ type: 'opened', launchMode: 'review' }] as ConnectionEvent[]],
    ['newer progress in the LMS', [opened, { type: 'lmsNewer' }] as ConnectionEvent[]],
  ])('%s: no commit, no bookmark timer, no interactions, even after the end', (_name, events) => {
    const fields: Array<[string, string]> = [['id', 'roles_q1']];
    const { snapshot, actor, clock, syncs } = run(...events);
    actor.send({ type: 'wantCommit' });
    actor.send({ type: 'lessonChanged' });
    actor.send({ type: 'answered', fields });
    clock.increment(BOOKMARK_COMMIT_MS);
    expect(snapshot().matches({ commit: 'clean', bookmark: 'idle' })).toBe(true);
    expect([snapshot().context.outbox.queue.length, syncs.length]).toEqual([0, 0]);
    actor.send({ type: 'ended', delivered: true });
    expect([writesNothing(snapshot()), isReadOnly(snapshot())]).toEqual([true, events[0]!.type === 'opened' && events[0].launchMode !== 'normal']);
  });
});

describe('the SCORM connection machine: commits and the bookmark', () => {
  it('asks for a sync when a commit is wanted, and not for a commit made now', () => {
    const { syncs, actor, snapshot } = run(opened, { type: 'commitNow' });
    expect([syncs.length, snapshot().matches({ commit: 'wanted' })]).toEqual([0, true]);
    actor.send({ type: 'wantCommit' });
    expect(syncs.length).toBe(1);
  });

  it(`wants a commit ${BOOKMARK_COMMIT_MS} ms after the last move, once, while the bookmark is unsent`, () => {
    const { actor, clock, syncs, snapshot } = run(opened, record('welcome'), { type: 'lessonChanged' });
    clock.increment(BOOKMARK_COMMIT_MS - 500);
    actor.send({ type: 'lessonChanged' }); // moved on: the wait starts again
    clock.increment(BOOKMARK_COMMIT_MS - 1);
    expect([syncs.length, snapshot().matches({ bookmark: 'waiting' })]).toEqual([0, true]);
    clock.increment(1);
    expect([syncs, snapshot().matches({ commit: 'wanted', bookmark: 'idle' })]).toEqual([[2 * BOOKMARK_COMMIT_MS - 500], true]);
    clock.increment(10 * BOOKMARK_COMMIT_MS);
    expect(syncs.length).toBe(1);
  });

  it('wants no commit for a bookmark another commit already carried', () => {
    const { actor, clock, syncs, snapshot } = run(opened, record('welcome'), { type: 'lessonChanged' });
    actor.send(allSet(snapshot()));
    actor.send({ type: 'committed', ok: true, complete: true });
    clock.increment(BOOKMARK_COMMIT_MS);
    expect([syncs.length, snapshot().matches({ commit: 'clean', bookmark: 'idle' })]).toEqual([0, true]);
  });

  it('drops the bookmark timer when the session ends', () => {
    const { actor, clock, syncs } = run(opened, record('welcome'), { type: 'lessonChanged' });
    actor.send({ type: 'ended', delivered: false });
    clock.increment(BOOKMARK_COMMIT_MS);
    expect(syncs.length).toBe(0);
  });
});

describe('the SCORM connection machine: refusals are states', () => {
  it('a refused record is unconfirmed (this browser must win) until the LMS takes it', () => {
    const error = { code: 405, message: 'incorrect data type' };
    const { actor, snapshot } = run(opened, (s) => allSet(s, { record: 'refused', refusals: [{ element: 'cmi.suspend_data', error }] }));
    expect([snapshot().matches({ record: 'refused' }), isUnconfirmed(snapshot())]).toEqual([true, true]);
    expect(scormStatus('2004', snapshot()).refused).toEqual([{ element: 'cmi.suspend_data', error }]);
    actor.send(allSet(snapshot()));
    expect(snapshot().matches({ record: 'refused' })).toBe(true); // a pass that did not touch the record
    actor.send(allSet(snapshot(), { record: 'accepted' }));
    expect([snapshot().matches({ record: 'accepted' }), isUnconfirmed(snapshot())]).toEqual([true, false]);
  });

  it('once interactions are refused, answers are no longer journaled', () => {
    const fields: Array<[string, string]> = [['id', 'roles_q1']];
    const { actor, snapshot } = run(opened, { type: 'answered', fields });
    expect(snapshot().context.outbox.queue).toHaveLength(1);
    actor.send(allSet(snapshot(), { interactionsRefused: true, outbox: { ...snapshot().context.outbox, queue: [] } }));
    actor.send({ type: 'answered', fields });
    expect([snapshot().matches({ interactions: 'refused' }), snapshot().context.outbox.queue.length]).toEqual([true, 0]);
  });
});

describe('the send pass', () => {
  const open = (lms: FakeLms) => {
    lms.initialize();
    return connectScorm({ version: lms.version, api: lms.api(), where: { via: 'parent', level: 1 } } as never);
  };
  const want = withValues(EMPTY_OUTBOX, [['cmi.location', 'welcome'], ['cmi.progress_measure', '0.5']]);

  it('does not set again a value the LMS refused outright, and leaves it out of what is unsent', () => {
    const lms = new FakeLms('2004');
    lms.refuse.push({ element: 'cmi.progress_measure', code: '406' });
    const first = setPending(open(lms), want, true);
    expect([first.refusals.map((r) => r.element), first.failed, [...first.outbox.unsent]]).toEqual([['cmi.progress_measure'], null, ['cmi.location']]);
    const second = setPending(open(lms), afterCommit(first.outbox, false), true);
    expect(lms.calls.filter((c) => c.startsWith('SetValue cmi.progress_measure'))).toHaveLength(1);
    expect(second.refusals).toEqual([]);
  });

  it(`tries a value that fails while the LMS is up ${MAX_REFUSALS} times, then gives it up`, () => {
    const lms = new FakeLms('2004');
    lms.flaky.push('cmi.location');
    let outbox = want;
    const outcomes: PassOutcome[] = [];
    for (let i = 0; i < MAX_REFUSALS + 2; i += 1) {
      const outcome = setPending(open(lms), outbox, true);
      outcomes.push(outcome);
      outbox = outcome.outbox;
    }
    expect(outcomes.map((o) => o.failed !== null)).toEqual([true, true, true, true, true, false, false]);
    expect(outcomes[MAX_REFUSALS - 1]!).toMatchObject({ record: 'refused', refusals: [{ element: 'cmi.location' }, { element: 'cmi.location' }] });
    expect(lms.calls.filter((c) => c.startsWith('SetValue cmi.location'))).toHaveLength(MAX_REFUSALS);
  });

  it('keeps trying a value while the LMS is down (nothing answers)', () => {
    const lms = new FakeLms('2004');
    const connection = open(lms);
    lms.down = 'throw';
    let outbox = want;
    for (let i = 0; i < MAX_REFUSALS + 2; i += 1) outbox = setPending(connection, outbox, true).outbox;
    expect([...outbox.toSet]).toEqual(['cmi.location', 'cmi.progress_measure']);
  });

  it('stops at a refused interaction id and sends no more interactions', () => {
    const lms = new FakeLms('1.2');
    lms.refuse.push({ element: /^cmi\.interactions\./, code: '401' });
    const queue = [0, 1].map((i) => ({ fields: [['id', `q${i}`], ['type', 'choice']] as Array<[string, string]>, index: null, sent: false }));
    const outcome = setPending(open(lms), { ...EMPTY_OUTBOX, queue }, true);
    expect([outcome.interactionsRefused, outcome.outbox.queue.length]).toEqual([true, 0]);
    expect(lms.calls.filter((c) => c.startsWith('SetValue cmi.interactions.'))).toEqual(['SetValue cmi.interactions.0.id=q0']);
  });
});

describe('the SCORM connection machine: any order of events', () => {
  const error = { code: 101, message: 'general exception' };
  const events = fc.oneof(
    fc.record({ type: fc.constant('opened' as const), launchMode: fc.constantFrom('normal' as const, 'review' as const, 'browse' as const) }),
    fc.record({ type: fc.constant('tried' as const), failures: fc.nat(4) }),
    fc.constant({ type: 'lmsNewer' as const }),
    fc.record({ type: fc.constant('ended' as const), delivered: fc.boolean() }),
    fc.constantFrom<ConnectionEvent>({ type: 'wantCommit' }, { type: 'commitNow' }, { type: 'lessonChanged' }, record('a'), record('b')),
    fc.record({ type: fc.constant('committed' as const), ok: fc.boolean(), complete: fc.boolean() }),
    fc.constant({ type: 'failed' as const, call: 'Commit', error }),
  );

  it('once ended, stays ended with the same end; once writing nothing, never wants a commit or a sync again', () => {
    fc.assert(
      fc.property(fc.array(events, { maxLength: 30 }), (sequence) => {
        const { actor, syncs, snapshot } = run();
        let end: unknown = null;
        let silentSince: number | null = null;
        for (const event of sequence) {
          const wanted = snapshot().matches({ commit: 'wanted' });
          actor.send(event);
          const s = snapshot();
          if (end !== null) expect([phaseOf(s), s.context.end]).toEqual(['ended', end]);
          if (phaseOf(s) === 'ended' && end === null) end = s.context.end;
          if (silentSince !== null) {
            expect(syncs.length).toBe(silentSince);
            if (!wanted) expect(s.matches({ commit: 'wanted' })).toBe(false);
          }
          if ((writesNothing(s) || phaseOf(s) === 'ended') && silentSince === null) silentSince = syncs.length;
          // The status never says saved while a value waits, except when ended (then it says ended).
          if (hasUnsent(s.context.outbox)) expect(savingState(s)).not.toBe('saved');
        }
      }),
      { numRuns: 300 },
    );
  });
});
