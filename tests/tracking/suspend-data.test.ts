import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { parseProgressRecord, toProgressRecord, type ProgressRecord, type SavedAttempt } from '../../src/course/progress-record.ts';
import { createCourseMachine, type CourseActor } from '../../src/course/machine.ts';
import { createActor } from 'xstate';
import {
  attemptsThatCount,
  decodeSuspendData,
  encodeSuspendData,
  escapeText,
  SUSPEND_DATA_LIMIT,
} from '../../src/tracking/scorm/suspend-data.ts';
import { worstCaseRecord } from '../../src/tracking/scorm/worst-case.ts';
import { courseScore } from '../../src/course/scoring.ts';
import { createInitialContext } from '../../src/course/progress.ts';
import { checkSuspendDataFits, TEXT_ANSWER_ROOM } from '../../scripts/package.ts';
import { course, takeCourse, submitCheck } from './helpers.ts';

const SAVED_AT = Date.UTC(2025, 5, 1, 12, 0, 0, 123);

function roundTrip(record: ProgressRecord, limit?: number) {
  const encoded = encodeSuspendData(record, { savedAt: SAVED_AT, ...(limit ? { limit } : {}) });
  expect(encoded.text).not.toBeNull();
  const decoded = decodeSuspendData(encoded.text!);
  if (decoded.kind !== 'ok') throw new Error(`not decoded: ${JSON.stringify(decoded)}`);
  return { encoded, decoded, record: decoded.record as ProgressRecord };
}

/** A record from the real machine after taking part of the course. */
function recordAfter(drive: (actor: CourseActor) => void): ProgressRecord {
  const actor = createActor(createCourseMachine(course), { input: {} });
  actor.start();
  drive(actor);
  return toProgressRecord(actor.getSnapshot().context);
}

describe('suspend data encoding', () => {
  it('round-trips a record from the machine exactly, in printable ASCII', () => {
    const record = recordAfter((actor) => takeCourse(actor, { until: 'summary', plans: { benefits: 'wrong' } }));
    const { encoded, decoded, record: back } = roundTrip(record);
    expect(back).toEqual(record);
    expect(decoded.savedAt).toBe(SAVED_AT);
    expect(encoded.reduced).toEqual([]);
    expect(encoded.text).toMatch(/^P1\|[\x20-\x7e]*$/);
    expect(encoded.text!.startsWith('P1|')).toBe(true);
  });

  it('keeps text answers of any characters, delimiters included', () => {
    const record = recordAfter((actor) => takeCourse(actor, { until: 'check-empowerment' }));
    const text = 'Ça | va; oui:non, a=b+c*d!e@f %20 “quotes” <b>&amp; 😀\nnew line';
    record.checks.empowerment = {
      status: 'answering',
      answers: { q6: { fingerprint: course.checks.empowerment!.questions[5]!.fingerprint, answer: { type: 'text', text } } },
      attempts: [],
    };
    expect(roundTrip(record).record.checks.empowerment!.answers.q6!.answer).toEqual({ type: 'text', text });
  });

  it('keeps fractional seconds, odd time stamps and outcomes whose fingerprint differs', () => {
    const record = recordAfter((actor) => submitCheck(actor, 'roles'));
    record.lessons.welcome = { status: 'in-progress', seconds: 12.5 };
    record.checks.roles!.attempts[0]!.submittedAt = 'yesterday';
    record.checks.roles!.attempts[0]!.results.q1 = { fingerprint: 'old-one', correct: false };
    expect(roundTrip(record).record).toEqual(record);
  });

  it('escapes everything outside a small safe set', () => {
    expect(escapeText('a-b_c.d e?(f)/g')).toBe('a-b_c.d e?(f)/g');
    expect(escapeText('|;:,=+*!@%\'"<>&é')).toBe('%7C%3B%3A%2C%3D%2B%2A%21%40%25%27%22%3C%3E%26%C3%A9');
  });
});

describe('suspend data size', () => {
  it(`fits the worst case of the real course in ${SUSPEND_DATA_LIMIT} characters, scores and verdict intact`, () => {
    // Every lesson complete, 99 attempts at every check, every question answered with the longest
    // answer it allows, and a 2,000-character non-ASCII text answer.
    const worst = worstCaseRecord(course);
    const { encoded, record } = roundTrip(worst);
    expect(encoded.text!.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(encoded.reduced).toEqual(['attempts', 'text']);
    // Only the text answer was shortened; every score, count and verdict is the same.
    const parsed = parseProgressRecord(record, course);
    if (parsed.kind !== 'ok') throw new Error('not parsed');
    expect(parsed.dropped).toEqual([]);
    const score = (r: ProgressRecord) => courseScore(course, createInitialContext(course, r).checks);
    expect(score(parsed.record)).toEqual(score(worst));
    for (const [id, check] of Object.entries(worst.checks)) {
      expect(parsed.record.checks[id]!.attempts).toHaveLength(check.attempts.length);
      for (const [qid, saved] of Object.entries(check.answers)) {
        if (saved.answer.type !== 'text') expect(parsed.record.checks[id]!.answers[qid]).toEqual(saved);
      }
    }
    expect(parsed.record.lessons).toEqual(worst.lessons);
    expect(parsed.record.success).toEqual(worst.success);
    expect(parsed.record.completedAt).toBe(worst.completedAt);
  });

  it('keeps a long ASCII text answer whole in the worst case', () => {
    const worst = worstCaseRecord(course, { text: 'x'.repeat(2000) });
    const { encoded, record } = roundTrip(worst);
    expect(encoded.text!.length).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(encoded.reduced).toEqual(['attempts']);
    expect(record.checks.empowerment!.answers.q6!.answer).toEqual({ type: 'text', text: 'x'.repeat(2000) });
  });

  it('keeps only the attempts that count when space runs short', () => {
    const attempts: SavedAttempt[] = [
      { submittedAt: '2025-01-01T00:00:00.000Z', results: { q1: { fingerprint: 'f', correct: true } } },
      { submittedAt: '2025-01-02T00:00:00.000Z', results: { q1: { fingerprint: 'f', correct: true }, q2: { fingerprint: 'g', correct: true } } },
      { submittedAt: '2025-01-03T00:00:00.000Z', results: { q1: { fingerprint: 'f', correct: false } } },
    ];
    expect(attemptsThatCount(attempts)).toEqual([1, 2]);
    expect(attemptsThatCount([])).toEqual([]);
  });

  it('is checked when packaging: the course fits with room for text answers', () => {
    expect(checkSuspendDataFits(course)).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
    expect(TEXT_ANSWER_ROOM).toBeGreaterThanOrEqual(250);
    const huge: CompiledCourse = {
      ...course,
      lessons: Array.from({ length: 200 }, (_, i) => ({ ...course.lessons[0]!, id: `a-rather-long-lesson-id-number-${i}` })),
    };
    expect(() => checkSuspendDataFits(huge)).toThrow(/more than the 4096/);
  });

  it('says so when even the shortest form does not fit', () => {
    const result = encodeSuspendData(worstCaseRecord(course), { savedAt: SAVED_AT, limit: 500 });
    expect(result.text).toBeNull();
    expect(result.length).toBeGreaterThan(500);
    expect(result.reduced).toEqual(['attempts', 'text', 'seconds']);
  });
});

describe('suspend data decoding', () => {
  it('is empty for no data', () => {
    expect(decodeSuspendData('')).toEqual({ kind: 'empty' });
    expect(decodeSuspendData('   ')).toEqual({ kind: 'empty' });
  });

  it('reads a plain JSON record (future formats may write one)', () => {
    const record = recordAfter((actor) => submitCheck(actor, 'roles'));
    expect(decodeSuspendData(JSON.stringify(record))).toEqual({ kind: 'ok', record, savedAt: null });
  });

  it('tells a newer format from corrupt data', () => {
    expect(decodeSuspendData('P2|abc')).toEqual({ kind: 'unsupported', version: 2 });
    expect(decodeSuspendData('viewed=1,2,3|lastviewedslide=3').kind).toBe('corrupt');
    expect(decodeSuspendData('{not json').kind).toBe('corrupt');
    expect(decodeSuspendData('P1|1|c|v|welcome|||welcome:c').kind).toBe('corrupt'); // a field missing
    expect(decodeSuspendData('P1|1|c|v|welcome|||welcome:z|').kind).toBe('corrupt');
    expect(decodeSuspendData('P1|1|c|v|welcome|||welcome:c|roles:s:1:q1=f=sa:5@1@1').kind).toBe('corrupt');
    expect(decodeSuspendData('P1|1|c|v|welcome|||welcome:c|roles:s:1:q1=f=qa:').kind).toBe('corrupt');
    expect(decodeSuspendData('P1|1|c|v|wel%ZZcome|||welcome:c|').kind).toBe('corrupt');
  });

  it('goes through the same migration rules as the local record', () => {
    const record = recordAfter((actor) => takeCourse(actor, { until: 'how-are-peer-support-services-used' }));
    const encoded = encodeSuspendData(record, { savedAt: SAVED_AT }).text!;
    // The course changed since: question q2 of "roles" has a new answer key, lesson "sharing" is gone.
    const changed: CompiledCourse = structuredClone(course);
    changed.checks.roles!.questions[1]!.fingerprint = 'changed';
    changed.lessons = changed.lessons.filter((l) => l.id !== 'sharing');
    changed.contentVersion = 'new-version';
    const decoded = decodeSuspendData(encoded);
    if (decoded.kind !== 'ok') throw new Error('not decoded');
    const parsed = parseProgressRecord(decoded.record, changed);
    if (parsed.kind !== 'ok') throw new Error('not parsed');
    expect(parsed.record.checks.roles!.answers.q2).toBeUndefined();
    expect(parsed.record.checks.roles!.status).toBe('answering');
    expect(parsed.record.lessons.sharing).toBeUndefined();
    expect(parsed.dropped).toEqual(
      expect.arrayContaining([
        { kind: 'lesson-gone', lessonId: 'sharing' },
        { kind: 'answer-changed', checkId: 'roles', questionId: 'q2' },
      ]),
    );
    expect(parsed.previousContentVersion).toBe(course.contentVersion);
    // Another course's record is refused, as a local one would be.
    expect(parseProgressRecord(decoded.record, { ...course, id: 'other-course' }).kind).toBe('rejected');
  });
});
