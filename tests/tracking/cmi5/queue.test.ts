import { describe, expect, it } from 'vitest';
import type { ClientResult, RequestOptions } from '../../../src/tracking/cmi5/client.ts';
import { createOutbox, outboxKey, type OutboxSender } from '../../../src/tracking/cmi5/queue.ts';
import { MemoryStorage } from '../helpers.ts';
import { REGISTRATION } from './fixtures.ts';

type Answer = ClientResult<void>;
const OK: Answer = { ok: true, value: undefined };
const DOWN: Answer = { ok: false, kind: 'unavailable', status: 503, message: 'down' };

/** A fake LRS: records what arrives, answers from a script (default: stored). */
function lrs(script: Answer[] = []) {
  const received: string[] = [];
  const keepalive: boolean[] = [];
  const answer = (what: string, options?: RequestOptions) => {
    received.push(what);
    keepalive.push(options?.keepalive ?? false);
    return Promise.resolve(script.shift() ?? OK);
  };
  const sender: OutboxSender = {
    putStatement: (s, o) => answer(`statement ${s.id}`, o),
    postStatements: (list, o) => answer(`batch ${list.map((s) => s.id).join(',')}`, o),
    putState: (id, doc, o) => answer(`state ${id} ${JSON.stringify(doc)}`, o),
  };
  return { sender, received, keepalive };
}

const statement = (id: string) => ({ id, verb: { id: 'v' } });

describe('cmi5 outbox', () => {
  it('sends statements and state in order, and empties itself', async () => {
    const storage = new MemoryStorage();
    const outbox = createOutbox({ storage, registration: REGISTRATION });
    outbox.enqueueStatement(statement('s1'));
    outbox.enqueueState('progress', { lesson: 1 });
    outbox.enqueueStatement(statement('s2'));
    const fake = lrs();
    expect(await outbox.flush(fake.sender)).toEqual({ sent: 3, remaining: 0 });
    expect(fake.received).toEqual(['statement s1', 'state progress {"lesson":1}', 'statement s2']);
    expect(storage.getItem(outboxKey(REGISTRATION))).toBeNull();
  });

  it('keeps everything while the LRS is down, then sends it in order with no id twice', async () => {
    const storage = new MemoryStorage();
    const outbox = createOutbox({ storage, registration: REGISTRATION });
    outbox.enqueueStatement(statement('s1'));
    outbox.enqueueStatement(statement('s2'));
    const down = lrs([OK, DOWN]);
    const first = await outbox.flush(down.sender);
    expect(first).toMatchObject({ sent: 1, remaining: 1, stopped: { kind: 'unavailable' } });
    outbox.enqueueStatement(statement('s3'));
    // Queuing the same statement again (a retry by the caller) does not add it.
    expect(outbox.enqueueStatement(statement('s2'))).toEqual({ ok: true, queued: false });
    const up = lrs();
    await outbox.flush(up.sender);
    expect([...down.received, ...up.received]).toEqual(['statement s1', 'statement s2', 'statement s2', 'statement s3']);
    expect(outbox.items()).toEqual([]);
  });

  it('sends an item queued while the run that was sending is just finishing (nothing waits for the next event)', async () => {
    const storage = new MemoryStorage();
    const outbox = createOutbox({ storage, registration: REGISTRATION });
    const fake = lrs();
    // The moment the run empties the outbox, before its promise settles, the learner does something.
    const removeItem = storage.removeItem.bind(storage);
    let once = true;
    storage.removeItem = (key: string) => {
      removeItem(key);
      if (!once) return;
      once = false;
      queueMicrotask(() => {
        outbox.enqueueStatement(statement('s2'));
        void outbox.flush(fake.sender);
      });
    };
    outbox.enqueueStatement(statement('s1'));
    await outbox.flush(fake.sender);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.received).toEqual(['statement s1', 'statement s2']);
    expect(outbox.items()).toEqual([]);
  });

  it('survives a reload: the next page (same registration) sends what this one could not', async () => {
    const storage = new MemoryStorage();
    const before = createOutbox({ storage, registration: REGISTRATION });
    before.enqueueStatement(statement('s1'));
    before.enqueueState('progress', { lesson: 2 });
    await before.flush(lrs([DOWN]).sender);
    const after = createOutbox({ storage, registration: REGISTRATION });
    after.enqueueStatement(statement('s2'));
    const fake = lrs();
    await after.flush(fake.sender);
    expect(fake.received).toEqual(['statement s1', 'state progress {"lesson":2}', 'statement s2']);
    // Another registration has its own outbox.
    expect(createOutbox({ storage, registration: 'other' }).items()).toEqual([]);
  });

  it('keeps only the newest write of a state document', async () => {
    const outbox = createOutbox({ storage: new MemoryStorage(), registration: REGISTRATION });
    outbox.enqueueState('progress', { lesson: 1 });
    outbox.enqueueStatement(statement('s1'));
    outbox.enqueueState('progress', { lesson: 2 });
    const fake = lrs();
    await outbox.flush(fake.sender);
    expect(fake.received).toEqual(['statement s1', 'state progress {"lesson":2}']);
  });

  it('stops for good on a refusal, and sets aside an item the LRS rejects so the rest still go', async () => {
    const outbox = createOutbox({ storage: new MemoryStorage(), registration: REGISTRATION });
    outbox.enqueueStatement(statement('bad'));
    outbox.enqueueStatement(statement('s2'));
    const fake = lrs([{ ok: false, kind: 'rejected', status: 400, message: 'no' }]);
    expect(await outbox.flush(fake.sender)).toEqual({ sent: 1, remaining: 0 });
    expect(outbox.rejected().map((i) => i.kind === 'statement' && i.id)).toEqual(['bad']);
    outbox.enqueueStatement(statement('s3'));
    const refused = lrs([{ ok: false, kind: 'refused', status: 401, message: 'expired' }]);
    expect(await outbox.flush(refused.sender)).toMatchObject({ sent: 0, remaining: 1, stopped: { kind: 'refused' } });
    expect(refused.received).toEqual(['statement s3']);
  });

  it('runs one flush at a time: concurrent calls do not send an item twice', async () => {
    const outbox = createOutbox({ storage: new MemoryStorage(), registration: REGISTRATION });
    outbox.enqueueStatement(statement('s1'));
    outbox.enqueueStatement(statement('s2'));
    const fake = lrs();
    await Promise.all([outbox.flush(fake.sender), outbox.flush(fake.sender), outbox.flush(fake.sender)]);
    expect(fake.received).toEqual(['statement s1', 'statement s2']);
  });

  it('is bounded: a full outbox refuses new items clearly and keeps the ones it has', () => {
    const storage = new MemoryStorage();
    const outbox = createOutbox({ storage, registration: REGISTRATION, maxChars: 300 });
    expect(outbox.enqueueStatement(statement('s1'))).toEqual({ ok: true, queued: true });
    const big = { id: 's2', text: 'x'.repeat(400) };
    expect(outbox.enqueueStatement(big)).toMatchObject({ ok: false, reason: 'full', message: expect.stringMatching(/full/) });
    storage.failWrites = true;
    expect(outbox.enqueueStatement(statement('s3'))).toMatchObject({ ok: false, reason: 'full' });
    expect(outbox.items().map((i) => i.kind === 'statement' && i.id)).toEqual(['s1']);
  });

  it('on pagehide sends the statements as one ordered batch with keepalive, keeping them until confirmed', async () => {
    const storage = new MemoryStorage();
    const outbox = createOutbox({ storage, registration: REGISTRATION });
    outbox.enqueueStatement(statement('s1'));
    outbox.enqueueState('progress', { lesson: 3 });
    outbox.enqueueStatement(statement('terminated'));
    const fake = lrs([DOWN]);
    outbox.flushKeepalive(fake.sender);
    await Promise.resolve();
    await Promise.resolve();
    expect(fake.received).toEqual(['batch s1,terminated', 'state progress {"lesson":3}']);
    expect(fake.keepalive).toEqual([true, true]);
    // The batch got no confirmation: the statements are still there for the next launch.
    expect(outbox.items().map((i) => (i.kind === 'statement' ? i.id : i.stateId))).toEqual(['s1', 'terminated']);
  });

  it('works in memory when storage is blocked, and says it is not durable', async () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); }, removeItem: () => undefined };
    const outbox = createOutbox({ storage: blocked, registration: REGISTRATION });
    outbox.items();
    expect(outbox.durable).toBe(false);
    expect(outbox.enqueueStatement(statement('s1'))).toEqual({ ok: true, queued: true });
    const fake = lrs();
    await outbox.flush(fake.sender);
    expect(fake.received).toEqual(['statement s1']);
  });
});
