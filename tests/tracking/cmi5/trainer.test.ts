import { describe, expect, it } from 'vitest';
import type { Cmi5Client, ClientResult } from '../../../src/tracking/cmi5/client.ts';
import { createOutbox } from '../../../src/tracking/cmi5/queue.ts';
import { openCmi5Session, PROGRESS_STATE_ID } from '../../../src/tracking/cmi5/session.ts';
import { MemoryStorage } from '../helpers.ts';
import { launch, launchData } from './fixtures.ts';
import { CHECK_STATE_ID, roundTripState, statementReports } from '../../../src/tracking/cmi5/trainer.ts';

/** A client's state API over a map; `faults` answers a failure for a method instead. */
function stateClient(faults: { put?: ClientResult<void>; get?: ClientResult<unknown>; tamper?: boolean } = {}) {
  const documents = new Map<string, unknown>([[PROGRESS_STATE_ID, { currentLessonId: 'welcome' }]]);
  const calls: string[] = [];
  return {
    documents,
    calls,
    putState(stateId: string, document: unknown): Promise<ClientResult<void>> {
      calls.push(`PUT ${stateId}`);
      if (faults.put) return Promise.resolve(faults.put);
      documents.set(stateId, faults.tamper ? { other: true } : structuredClone(document));
      return Promise.resolve({ ok: true, value: undefined });
    },
    getState(stateId: string): Promise<ClientResult<unknown>> {
      calls.push(`GET ${stateId}`);
      return Promise.resolve(faults.get ?? { ok: true, value: documents.get(stateId) ?? null });
    },
  };
}

describe('the LMS check page\'s state round-trip', () => {
  it('writes its own document, reads it back and compares, never touching the progress document', async () => {
    const client = stateClient();
    expect(await roundTripState(client)).toEqual({ ok: true, stateId: CHECK_STATE_ID });
    expect(client.calls).toEqual([`PUT ${CHECK_STATE_ID}`, `GET ${CHECK_STATE_ID}`]);
    expect(client.documents.get(PROGRESS_STATE_ID)).toEqual({ currentLessonId: 'welcome' });
  });

  it('says which step failed and why', async () => {
    const down = { ok: false as const, kind: 'unavailable' as const, status: 503, message: 'down' };
    expect(await roundTripState(stateClient({ put: down }))).toEqual({ ok: false, stateId: CHECK_STATE_ID, step: 'write', failure: down });
    const refused = { ok: false as const, kind: 'refused' as const, status: 401, message: 'no' };
    expect(await roundTripState(stateClient({ get: refused }))).toMatchObject({ ok: false, step: 'read', failure: { kind: 'refused', status: 401 } });
    expect(await roundTripState(stateClient({ tamper: true }))).toEqual({ ok: false, stateId: CHECK_STATE_ID, step: 'compare' });
    // A store that lost the document (404 reads as null) is a mismatch too.
    const forgetful = { ...stateClient(), getState: () => Promise.resolve({ ok: true as const, value: null }) };
    expect(await roundTripState(forgetful)).toMatchObject({ ok: false, step: 'compare' });
  });
});

describe('the statements the check page lists', () => {
  it('are the latest, oldest first, each sent, waiting or refused', () => {
    const statements = [
      { verb: 'initialized', id: 'a', pending: false, rejected: false },
      { verb: 'answered', id: 'b', pending: false, rejected: true },
      { verb: 'progressed', id: 'c', pending: true, rejected: false },
    ];
    expect(statementReports({ statements })).toEqual([
      { verb: 'initialized', id: 'a', state: 'sent' },
      { verb: 'answered', id: 'b', state: 'refused' },
      { verb: 'progressed', id: 'c', state: 'waiting' },
    ]);
    expect(statementReports({ statements }, 2).map((s) => s.id)).toEqual(['b', 'c']);
  });
});

describe('a session\'s statements, as the check page reads them', () => {
  it('tell a statement the LRS rejected for good from one still waiting', async () => {
    let available = true;
    const verbOf = (statement: { id: string }) => String((statement as { verb?: { id?: string } }).verb?.id).split('/').pop();
    const ok = { ok: true as const, value: undefined };
    const client: Cmi5Client = {
      refused: false,
      authorize: () => Promise.resolve(ok),
      getLaunchData: () => Promise.resolve({ ok: true, value: null }),
      getLearnerPreferences: () => Promise.resolve({ ok: true, value: null }),
      getState: () => Promise.resolve({ ok: true, value: null }),
      putState: () => Promise.resolve(ok),
      postStatements: () => Promise.resolve(ok),
      putStatement: (statement) =>
        Promise.resolve(
          !available
            ? { ok: false, kind: 'unavailable', status: 503, message: 'down' }
            : verbOf(statement) === 'progressed'
              ? { ok: false, kind: 'rejected', status: 400, message: 'bad' }
              : ok,
        ),
    };
    const outbox = createOutbox({ storage: new MemoryStorage(), registration: launch.registration });
    const session = await openCmi5Session({ launch, launchData: launchData(), lang: 'en', client, outbox });
    session.initialize();
    session.progressed(10);
    await session.flush();
    available = false;
    session.progressed(20);
    await session.flush();
    expect(statementReports(session.status()).map((r) => `${r.verb} ${r.state}`)).toEqual(['initialized sent', 'progressed refused', 'progressed waiting']);
  });
});
