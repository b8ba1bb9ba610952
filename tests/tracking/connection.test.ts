import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { isReadOnly, phaseOf, savingState, scormConnectionMachine, wasOpened, writesNothing, type ConnectionEvent } from '../../src/tracking/scorm/connection.ts';

function run(...events: ConnectionEvent[]) {
  const actor = createActor(scormConnectionMachine).start();
  for (const event of events) actor.send(event);
  return actor.getSnapshot();
}

describe('the SCORM session lifecycle', () => {
  it('is retrying while Initialize has not succeeded, then connected', () => {
    expect(phaseOf(run())).toBe('connecting');
    expect(savingState(run({ type: 'tried', failures: 2 }), false)).toBe('retrying');
    const open = run({ type: 'opened', readOnly: false });
    expect([phaseOf(open), wasOpened(open), savingState(open, false), savingState(open, true)]).toEqual(['connected', true, 'saved', 'pending']);
  });

  it('goes to retrying when a try fails and back when one succeeds', () => {
    const failing = run({ type: 'opened', readOnly: false }, { type: 'tried', failures: 1 });
    expect([phaseOf(failing), savingState(failing, true)]).toEqual(['retrying', 'retrying']);
    expect(phaseOf(run({ type: 'opened', readOnly: false }, { type: 'tried', failures: 1 }, { type: 'tried', failures: 0 }))).toBe('connected');
  });

  it('writes nothing in a review launch, or once the LMS holds newer progress, even after the end', () => {
    const review = run({ type: 'opened', readOnly: true });
    expect([phaseOf(review), isReadOnly(review), writesNothing(review)]).toEqual(['readOnly', true, true]);
    const refused = run({ type: 'opened', readOnly: false }, { type: 'lmsNewer' });
    expect([phaseOf(refused), isReadOnly(refused), writesNothing(refused)]).toEqual(['refused', false, true]);
    const ended = run({ type: 'opened', readOnly: true }, { type: 'ended', delivered: true });
    expect([phaseOf(ended), isReadOnly(ended), writesNothing(ended)]).toEqual(['ended', true, true]);
  });

  it('ends once: saved when everything was delivered, else ended', () => {
    const done = run({ type: 'opened', readOnly: false }, { type: 'ended', delivered: true }, { type: 'opened', readOnly: false });
    expect([phaseOf(done), savingState(done, false), savingState(done, true)]).toEqual(['ended', 'saved', 'ended']);
    const lost = run({ type: 'ended', delivered: false }); // 2004 error 104 at Initialize
    expect([phaseOf(lost), wasOpened(lost), savingState(lost, false)]).toEqual(['ended', false, 'ended']);
  });
});
