/**
 * The listener half of the cmi5 adapter: the course machine's tracking events (src/course/types.ts)
 * turned into session calls. The session (session.ts) enforces the spec's rules, so this only
 * maps:
 *
 * | event | statement |
 * | --- | --- |
 * | `tracking.progressChanged` | `progressed` with the course percent (cmi5 allowed, §9.5.5.1) |
 * | `tracking.questionAnswered` | `answered` with the question's interaction definition (cmi5 allowed) |
 * | `tracking.courseCompleted` | `completed` (§9.3.3) |
 * | `tracking.coursePassed` / `courseFailed` | `passed` / `failed`, judged against the LMS's mastery score (§9.3.4–5) |
 * | `tracking.started` | at each launch, `completed` and the verdict the record already holds, in case an earlier session could not send them (the session sends each once per registration) |
 *
 * A question's duration is the machine's latency (since its check was opened), or else the time
 * since the previous event of the session (or since it started).
 */
import type { CompiledCourse, QuestionText } from '../../content/types.ts';
import type { TrackingEvent } from '../../course/types.ts';
import type { Cmi5Session, SessionOutcome } from './session.ts';

export interface EventMapperOptions {
  session: Cmi5Session;
  course: Pick<CompiledCourse, 'checks'>;
  /** The question's words when its check lesson's chunk is loaded (for choice descriptions). */
  questionText?: (checkId: string, questionId: string) => QuestionText | undefined;
  /** When the session started (ms since epoch). */
  startedAt: number;
}

/** Returns the listener; each call says what happened to the event (for the LMS check page and tests). */
export function createEventMapper(options: EventMapperOptions): (event: TrackingEvent) => SessionOutcome | null {
  const { session, course } = options;
  let lastAt = options.startedAt;
  const since = (iso: string) => {
    const at = Date.parse(iso);
    if (!Number.isFinite(at)) return 0;
    const duration = Math.max(0, at - lastAt);
    lastAt = Math.max(lastAt, at);
    return duration;
  };
  const judge = (event: { score: number; max: number; type: string; success?: 'passed' | 'failed' | null }) =>
    session.judged(event.max > 0 ? Math.min(1, Math.max(0, event.score / event.max)) : 0, event.type === 'tracking.coursePassed' || event.success === 'passed');
  return (event) => {
    switch (event.type) {
      case 'tracking.progressChanged':
        return session.progressed(event.percent);
      case 'tracking.questionAnswered': {
        const check = course.checks[event.checkId];
        const question = check?.questions.find((q) => q.id === event.questionId);
        if (!check || !question) return null;
        return session.answered({
          check,
          question,
          answer: event.response,
          text: options.questionText?.(event.checkId, event.questionId),
          // The machine's latency (since the check was opened) when it has one.
          durationMs: event.latencySeconds !== null ? (since(event.submittedAt), event.latencySeconds * 1000) : since(event.submittedAt),
        });
      }
      case 'tracking.courseCompleted':
        return session.completed();
      case 'tracking.coursePassed':
      case 'tracking.courseFailed':
        return judge(event);
      case 'tracking.checkSubmitted':
        since(event.submittedAt);
        return null;
      case 'tracking.started':
        if (event.completed) session.completed();
        return event.success === null ? null : judge(event);
      case 'tracking.lessonCompleted':
      case 'tracking.courseRestarted':
      case 'tracking.checkOpened':
        return null;
    }
  };
}
