/**
 * Saved progress is untrusted input. Over arbitrary JSON and over mutations of records the player
 * really saved (prototype-named keys, wrong types, huge and negative numbers, invalid dates, deep
 * nesting, very long strings), restoring:
 * - never throws (parseProgressRecord, the SCORM suspend-data decoder, and a whole session start);
 * - keeps what is valid: every lesson and check the mutation did not touch is restored exactly as
 *   from the untampered record;
 * - gives a state that passes the machine's own invariants.
 */
import fc from 'fast-check';
import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { CompiledCourse } from '../../src/content/types.ts';
import { createCourseMachine } from '../../src/course/machine.ts';
import { parseProgressRecord, toProgressRecord, type ProgressRecord } from '../../src/course/progress-record.ts';
import { checkLessonId } from '../../src/course/progress.ts';
import { startCourseSession } from '../../src/course/session.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { decodeSuspendData, encodeSuspendData } from '../../src/tracking/scorm/suspend-data.ts';
import { fixedClock } from './fixtures.ts';
import { checkInvariants } from './helpers.ts';
import { runIntents, type Intent } from './property-helpers.ts';
import { MemoryStore } from './storage-fakes.ts';

const course = compileContentFolder('content').courses.en as CompiledCourse;
const machine = createCourseMachine(course, { now: fixedClock });

/** Records the player saved: the whole course passed, and halfway with a failed check. */
function playedRecord(lessons: number, wrong: boolean): ProgressRecord {
  const most = Math.max(...Object.values(course.checks).map((c) => c.questions.length));
  const intents: Intent[] = course.lessons.slice(0, lessons).flatMap(() => [
    { kind: 'completeCurrent' as const },
    ...Array.from({ length: most }, (_, question) => ({ kind: 'answerCurrent' as const, question, variant: wrong ? ('wrong' as const) : ('correct' as const) })),
    { kind: 'submitCurrent' as const },
    { kind: 'event' as const, event: { type: 'time.spent' as const, lessonId: course.lessons[0]!.id, seconds: 30 } },
    { kind: 'next' as const },
  ]);
  return toProgressRecord(runIntents(course, intents).context);
}
const records = [playedRecord(course.lessons.length, false), playedRecord(14, true)];

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values a tampered record may hold. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null, true, false, 0, -1, -1e308, 1e308, 2 ** 53 + 1, 0.5, -0, '', 'garbage', '2025-13-45T99:99:99Z',
    '1e308', [], {}, 'answering', 'submitted', 'complete', 'constructor', { status: 'answering', answers: {}, attempts: [] },
  ),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 50, max: 2000 }).map(deep),
);

/** Every path (list of keys) inside a JSON value, the value itself first. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  const out = [prefix];
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) out.push(...paths((value as Record<string, unknown>)[key], [...prefix, key]));
  }
  return out;
}

type Mutation = { pick: number; kind: 'set' | 'add' | 'delete'; key: string; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('set' as const, 'set' as const, 'add' as const, 'delete' as const),
  key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.string({ maxLength: 8 })),
  value: badValue,
});

/** Applies a mutation inside `root` (a JSON-like object, changed in place). */
function mutate(root: Record<string, unknown>, m: Mutation): void {
  const all = paths(root);
  const path = all[m.pick % all.length]!;
  if (path.length === 0 && m.kind !== 'add') return;
  const parentPath = m.kind === 'add' ? path : path.slice(0, -1);
  let parent: unknown = root;
  for (const key of parentPath) parent = (parent as Record<string, unknown>)[key];
  if (parent === null || typeof parent !== 'object') return;
  const target = parent as Record<string, unknown>;
  if (m.kind === 'add') Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  else if (m.kind === 'delete') delete target[path.at(-1)!];
  else target[path.at(-1)!] = m.value;
}

/** The restored state must be one the machine itself could be in. */
function restoresCleanly(input: unknown): void {
  const parsed = parseProgressRecord(input, course);
  expect(['ok', 'fresh', 'rejected']).toContain(parsed.kind);
  if (parsed.kind === 'ok') {
    const snapshot = initialTransition(machine, { record: parsed.record })[0];
    checkInvariants(snapshot);
    // And what it saves next time reads back with nothing dropped.
    const again = parseProgressRecord(JSON.stringify(toProgressRecord(snapshot.context)), course);
    expect(again.kind === 'ok' && again.dropped).toEqual([]);
  }
  const store = new MemoryStore({ kind: 'ok', json: typeof input === 'string' ? input : safeStringify(input) });
  const session = startCourseSession({ course, store, now: fixedClock });
  checkInvariants(session.actor.getSnapshot());
  expect(['fresh', 'resumed', 'migrated', 'rejected']).toContain(session.restoreReport.kind);
  session.stop();
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return '{';
  }
}

describe('restoring untrusted saved progress', () => {
  it('never throws on arbitrary JSON, and any state it gives passes the invariants', () => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.string()), restoresCleanly), { numRuns: 300 });
  });

  it('never throws on mutated real records, and the state passes the invariants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...records), fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (base, mutations, asText) => {
        const record = structuredClone(base) as unknown as Record<string, unknown>;
        for (const m of mutations) mutate(record, m);
        restoresCleanly(asText ? safeStringify(record) : record);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every lesson and check the mutation did not touch', () => {
    const targets = (base: ProgressRecord) => [
      ...Object.keys(base.lessons).map((id) => ({ part: 'lessons' as const, id })),
      ...Object.keys(base.checks).map((id) => ({ part: 'checks' as const, id })),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...records).chain((base) => fc.tuple(fc.constant(base), fc.constantFrom(...targets(base)))),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        ([base, target], mutations) => {
          const untampered = parseProgressRecord(base, course);
          const record = structuredClone(base);
          const holder = { part: record[target.part][target.id] } as Record<string, unknown>;
          for (const m of mutations) mutate(holder, { ...m, pick: m.pick });
          (record[target.part] as Record<string, unknown>)[target.id] = holder.part;
          const tampered = parseProgressRecord(JSON.stringify(record), course);
          if (untampered.kind !== 'ok' || tampered.kind !== 'ok') throw new Error('a damaged part must not reject the record');
          // The lesson that holds a tampered check may follow the check (complete exactly when attempted).
          const touchedLesson = target.part === 'lessons' ? target.id : checkLessonId(course, target.id);
          for (const id of Object.keys(untampered.record.lessons)) {
            if (id !== touchedLesson) expect(tampered.record.lessons[id], id).toEqual(untampered.record.lessons[id]);
          }
          for (const id of Object.keys(untampered.record.checks)) {
            if (target.part !== 'checks' || id !== target.id) expect(tampered.record.checks[id], id).toEqual(untampered.record.checks[id]);
          }
          expect(tampered.record.completedAt).toBe(untampered.record.completedAt);
          expect(tampered.record.currentLessonId).toBe(untampered.record.currentLessonId);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives the records that broke the player, and a 5 MB string', () => {
    const base = records[0]!;
    const cases: unknown[] = [
      { ...base, checks: { constructor: { status: 'answering', answers: {}, attempts: [] } } },
      JSON.parse(`{"version":1,"courseId":"${course.id}","contentVersion":"x","currentLessonId":"welcome","lessons":{},"checks":{"__proto__":{"status":"answering","answers":{},"attempts":[]}},"completedAt":null,"success":null}`),
      { ...base, checks: { toString: { status: 'submitted', answers: {}, attempts: [] } } },
      { ...base, completedAt: 'garbage' },
      { ...base, lessons: { ...base.lessons, welcome: { status: 'complete', seconds: 1e308 } } },
      { ...base, lessons: { ...base.lessons, welcome: { status: 'complete', seconds: 'x'.repeat(5 * 1024 * 1024) } } },
      { ...base, currentLessonId: 'x'.repeat(5 * 1024 * 1024) },
    ];
    for (const input of cases) restoresCleanly(input);
    const garbage = parseProgressRecord({ ...base, completedAt: 'garbage' }, course);
    expect(garbage.kind === 'ok' && garbage.record.completedAt).toBe(null);
    expect(garbage.kind === 'ok' && garbage.damaged).toBe(true);
  });
});

describe('SCORM suspend data is untrusted too', () => {
  const encoded = records.map((r) => encodeSuspendData(r, { savedAt: Date.UTC(2025, 0, 1) }).text!);

  it('decoding never throws on arbitrary text, and what it gives restores cleanly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `P1|${s}`), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        const decoded = decodeSuspendData(text);
        expect(['ok', 'empty', 'unsupported', 'corrupt']).toContain(decoded.kind);
        if (decoded.kind === 'ok') restoresCleanly(decoded.record);
      }),
      { numRuns: 300 },
    );
  });

  it('decoding never throws on mutated real suspend data, and what it gives restores cleanly', () => {
    const insert = fc.constantFrom('|', ';', ':', ',', '=', '@', '!', '+', '*', '%', '%ZZ', "'", 'constructor', '__proto__', 'toString', 'zzzzzzzzzzzz', '-', '');
    fc.assert(
      fc.property(fc.constantFrom(...encoded), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), insert), { minLength: 1, maxLength: 5 }), (text, edits) => {
        let out = text;
        for (const [at, remove, add] of edits) {
          const i = at % (out.length + 1);
          out = out.slice(0, i) + add + out.slice(i + remove);
        }
        const decoded = decodeSuspendData(out);
        if (decoded.kind === 'ok') restoresCleanly(decoded.record);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps prototype-named ids as plain keys', () => {
    const decoded = decodeSuspendData(`P1|1|${course.id}|v|welcome|||__proto__:c1;constructor:p2|`);
    if (decoded.kind !== 'ok') throw new Error(decoded.kind);
    const lessons = (decoded.record as { lessons: Record<string, unknown> }).lessons;
    expect(Object.keys(lessons).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    restoresCleanly(decoded.record);
  });
});
