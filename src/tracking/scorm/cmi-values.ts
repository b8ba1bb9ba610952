/**
 * What the LMS should hold for a saved-progress record, element by element, in each edition's
 * names and vocabularies. Status, score and progress come from the course machine's facts
 * (course-standing.ts), computed by the same functions that drive the player, so the LMS never
 * disagrees with the progress bar.
 *
 * | meaning        | SCORM 1.2                          | SCORM 2004                               |
 * | -------------- | ---------------------------------- | ---------------------------------------- |
 * | bookmark       | cmi.core.lesson_location           | cmi.location                             |
 * | saved progress | cmi.suspend_data                   | cmi.suspend_data                         |
 * | status         | cmi.core.lesson_status: incomplete, completed, passed, failed | cmi.completion_status, cmi.success_status |
 * | progress       | —                                  | cmi.progress_measure                     |
 * | score          | cmi.core.score.raw/min/max (0–100) | cmi.score.scaled/raw/min/max             |
 * | exit           | cmi.core.exit: suspend, or "" once complete | cmi.exit: suspend, or normal once complete |
 *
 * The score is reported once the course is complete, when the course decides pass or fail: an
 * LMS that judges mastery from the score (1.2 `masteryscore`, 2004 `minNormalizedMeasure`)
 * then agrees with the player instead of passing a learner who has not finished.
 *
 * A status is never lowered below what the LMS already holds: a learner who restarts a passed
 * course stays passed in the LMS.
 */
import type { ProgressRecord } from '../../course/progress-record.ts';
import type { CourseStanding } from '../course-standing.ts';
import { plainLine, progressMeasure, scaledScore, type ScormVersion } from './formats.ts';

/** Element → value, in the order to set them. */
export type CmiValues = Array<[string, string]>;

const RANK_12: Record<string, number> = { 'not attempted': 0, browsed: 0, incomplete: 1, failed: 2, completed: 3, passed: 4 };
const RANK_COMPLETION: Record<string, number> = { unknown: 0, 'not attempted': 0, incomplete: 1, completed: 2 };
const RANK_SUCCESS: Record<string, number> = { unknown: 0, failed: 1, passed: 2 };

/** How high a status value ranks (higher never gets lowered); unknown values rank 0. */
export function statusRank(element: string, value: string): number {
  const table = element.endsWith('lesson_status') ? RANK_12 : element.endsWith('completion_status') ? RANK_COMPLETION : RANK_SUCCESS;
  return table[value] ?? 0;
}

/** Status elements whose value is never lowered. */
export const STATUS_ELEMENTS: Record<ScormVersion, readonly string[]> = {
  '1.2': ['cmi.core.lesson_status'],
  '2004': ['cmi.completion_status', 'cmi.success_status'],
};

/** Element names of each edition that the adapter reads at launch or writes. */
export const ELEMENTS = {
  '1.2': {
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    totalTime: 'cmi.core.total_time',
    sessionTime: 'cmi.core.session_time',
    exit: 'cmi.core.exit',
    interactionCount: 'cmi.interactions._count',
    language: 'cmi.student_preference.language',
  },
  '2004': {
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    totalTime: 'cmi.total_time',
    sessionTime: 'cmi.session_time',
    exit: 'cmi.exit',
    interactionCount: 'cmi.interactions._count',
    language: 'cmi.learner_preference.language',
  },
} as const;

/**
 * The values for a record and where the course stands. `suspendData` is the encoded record
 * (`null`: it did not fit, leave the LMS's as it is). `floor` holds the highest status values
 * the LMS has had; lower ones are left out.
 *
 * @example
 * cmiValues('1.2', record, standing, 'P1|…', new Map())
 * // → [['cmi.core.lesson_location', 'sharing'], ['cmi.suspend_data', 'P1|…'],
 * //    ['cmi.core.lesson_status', 'incomplete'], ['cmi.core.exit', 'suspend']]
 */
export function cmiValues(
  version: ScormVersion,
  record: Pick<ProgressRecord, 'currentLessonId'>,
  report: CourseStanding,
  suspendData: string | null,
  floor: ReadonlyMap<string, string>,
): CmiValues {
  const out: CmiValues = [];
  const status = (element: string, value: string) => {
    const held = floor.get(element);
    if (held === undefined || statusRank(element, value) >= statusRank(element, held)) out.push([element, value]);
  };
  const names = ELEMENTS[version];
  out.push([names.location, plainLine(record.currentLessonId, version === '1.2' ? 255 : 1000)]);
  if (suspendData !== null) out.push([names.suspendData, suspendData]);
  const { score, max, percent } = report.score;
  if (version === '1.2') {
    if (report.completed) {
      out.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', String(percent)]);
    }
    status('cmi.core.lesson_status', report.completed ? (report.success ?? 'completed') : 'incomplete');
    out.push([names.exit, report.completed ? '' : 'suspend']);
  } else {
    out.push(['cmi.progress_measure', progressMeasure(report.progress.completed, report.progress.total)]);
    if (report.completed) {
      out.push(
        ['cmi.score.scaled', scaledScore(score, max)],
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
        ['cmi.score.raw', String(percent)],
      );
    }
    status('cmi.completion_status', report.completed ? 'completed' : 'incomplete');
    status('cmi.success_status', report.success ?? 'unknown');
    out.push([names.exit, report.completed ? 'normal' : 'suspend']);
  }
  return out;
}
