/**
 * Types shared by the course machine, its pure helpers and its selectors.
 *
 * Nothing here touches the DOM or storage: the UI sends {@link CourseEvent}s, reads the
 * snapshot through `selectors.ts`, and adapters listen to {@link TrackingEvent}s.
 */
import type { CompiledCourse, QuestionType } from '../content/types.ts';

// ------------------------------------------------------------------ answers

/**
 * A learner's answer to one question. The `type` must match the question's type.
 *
 * A `matching` answer may be partial while the learner is answering (some prompts without a
 * target); it only counts as answered when every prompt has a target.
 *
 * @example
 * const answer: Answer = { type: 'matching', pairs: { inform: 'goal-1' } };
 */
import type { Answer } from '../questions/models.ts';

export type { Answer };

// ----------------------------------------------------------------- progress

/** `in-progress` means the learner has opened the lesson but not finished it. */
export type LessonStatus = 'not-started' | 'in-progress' | 'complete';

/** A check is either being answered, or submitted and showing its review. */
export type CheckStatus = 'answering' | 'submitted';

export interface LessonProgress {
  status: LessonStatus;
  /** Seconds spent on the lesson, as reported by the UI with `time.spent`. */
  seconds: number;
}

/** Whether one question was answered correctly in one attempt. */
export interface QuestionOutcome {
  /** The question's fingerprint when it was answered; a changed question no longer counts. */
  fingerprint: string;
  correct: boolean;
}

/** One submission of a knowledge check. Its score is derived from `results` (see scoring.ts). */
export interface CheckAttempt {
  /** ISO 8601 time of the submission. */
  submittedAt: string;
  /** question id → outcome */
  results: Record<string, QuestionOutcome>;
}

export interface CheckProgress {
  status: CheckStatus;
  /** question id → the learner's current answer (the submitted ones while `submitted`). */
  answers: Record<string, Answer>;
  /** Every submission, oldest first. `attempts.length` is the attempt count. */
  attempts: CheckAttempt[];
}

export interface CourseSuccess {
  status: 'passed' | 'failed';
  /** ISO 8601 time the verdict was reached. */
  at: string;
}

/** Why the last navigation or submission was refused; the UI can show it. */
export type Refusal =
  | { kind: 'navigation'; lessonId: string; reason: 'locked'; blockingLessonId: string }
  | { kind: 'navigation'; lessonId: string; reason: 'unknown-lesson' }
  | { kind: 'navigation'; reason: 'no-next-lesson' | 'no-previous-lesson' }
  | { kind: 'submit'; checkId: string; reason: 'unanswered'; unansweredQuestionIds: string[] };

/**
 * The machine's context. `course` is the (immutable) compiled course, kept here so selectors
 * can be plain functions of the snapshot.
 *
 * Status lives in the machine's states and tags (`inProgress` / `completed`, `passed` /
 * `failed`); `completedAt` and `success` only record *when* those states were reached, for
 * the saved record and for resuming.
 */
export interface CourseContext {
  readonly course: CompiledCourse;
  /** Always the id of a lesson of `course`. */
  currentLessonId: string;
  /** Every lesson of the course, by id. */
  lessons: Record<string, LessonProgress>;
  /** Every knowledge check of the course, by id. */
  checks: Record<string, CheckProgress>;
  completedAt: string | null;
  success: CourseSuccess | null;
  /**
   * The last refused navigation or submission; cleared by the next accepted learner action,
   * except that a refused submission lasts while its check is being answered (with the
   * questions still unanswered) and until it is submitted, retried or left.
   */
  refusal: Refusal | null;
  /**
   * check id → when it was last opened for answering (ISO 8601): entering its lesson while it is
   * being answered, or retrying it. For answer latency; not saved.
   */
  checkOpenedAt: Record<string, string>;
}

// ------------------------------------------------------------------- events

/** Events the UI sends to the course machine. */
export type CourseEvent =
  | { type: 'nav.goto'; lessonId: string }
  | { type: 'nav.next' }
  | { type: 'nav.prev' }
  /** The learner reached the end of a content lesson. */
  | { type: 'lesson.complete'; lessonId: string }
  | { type: 'check.answer'; checkId: string; questionId: string; answer: Answer }
  | { type: 'check.submit'; checkId: string }
  | { type: 'check.retry'; checkId: string }
  /** The UI reports time spent on a lesson (any positive number of seconds up to a day). */
  | { type: 'time.spent'; lessonId: string; seconds: number }
  | { type: 'course.restart' };

export type CourseEventType = CourseEvent['type'];

/** Events the machine emits for tracking adapters (`actor.on('tracking.…', handler)`). */
export type TrackingEvent =
  | { type: 'tracking.lessonCompleted'; lessonId: string }
  | {
      type: 'tracking.questionAnswered';
      checkId: string;
      questionId: string;
      questionType: QuestionType;
      /** The learner's submitted answer. */
      response: Answer;
      correct: boolean;
      /** 1-based attempt number of the check. */
      attempt: number;
      submittedAt: string;
      /** Seconds from when the check was opened for this attempt to the submission (`null`: unknown). */
      latencySeconds: number | null;
    }
  /** The learner opened a check to answer it: entering its lesson, or retrying it (`attempt` > 1). */
  | { type: 'tracking.checkOpened'; checkId: string; attempt: number; at: string }
  | {
      type: 'tracking.checkSubmitted';
      checkId: string;
      score: number;
      max: number;
      attempt: number;
      submittedAt: string;
      /** The course score after this submission. */
      courseScore: CourseScoreFact;
    }
  | {
      type: 'tracking.progressChanged';
      completedLessons: number;
      totalLessons: number;
      percent: number;
    }
  | ({ type: 'tracking.courseCompleted'; completedAt: string } & CourseScoreFact)
  | {
      type: 'tracking.coursePassed' | 'tracking.courseFailed';
      score: number;
      max: number;
      percent: number;
      passingScore: number;
      at: string;
    }
  | { type: 'tracking.courseRestarted' }
  /**
   * The actor started (a fresh start or a restored record), with where the course stands, before
   * anything a restore may complete (that follows as its own events).
   */
  | ({
      type: 'tracking.started';
      currentLessonId: string;
      completed: boolean;
      /** `null` until a verdict, and always for a course without a passing score. */
      success: 'passed' | 'failed' | null;
      completedLessons: number;
      totalLessons: number;
    } & CourseScoreFact);

/** A course score as the facts carry it (see scoring.ts `courseScore`). */
export interface CourseScoreFact {
  score: number;
  max: number;
  percent: number;
}

export type TrackingEventType = TrackingEvent['type'];

/** Tags on the machine's states. */
export type CourseTag = 'inProgress' | 'completed' | 'passed' | 'failed';
