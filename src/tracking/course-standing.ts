/**
 * Where the course stands (completion, verdict, score, progress), folded from the course
 * machine's emitted facts: what an adapter reports to a learning system, without rebuilding a
 * course context from the saved record. Pure.
 */
import type { TrackingEvent } from '../course/types.ts';

export interface CourseStanding {
  completed: boolean;
  /** `null` until a verdict, and always for a course without a passing score. */
  success: 'passed' | 'failed' | null;
  score: { score: number; max: number; percent: number };
  progress: { completed: number; total: number };
}

/**
 * The standing after one fact (`null` before `tracking.started`).
 *
 * @example
 * let standing: CourseStanding | null = null;
 * actor.on('*', (fact) => (standing = nextStanding(standing, fact)));
 */
export function nextStanding(standing: CourseStanding | null, fact: TrackingEvent): CourseStanding | null {
  const scoreOf = (f: { score: number; max: number; percent: number }) => ({ score: f.score, max: f.max, percent: f.percent });
  if (fact.type === 'tracking.started') {
    return {
      completed: fact.completed,
      success: fact.success,
      score: scoreOf(fact),
      progress: { completed: fact.completedLessons, total: fact.totalLessons },
    };
  }
  if (standing === null) return null;
  switch (fact.type) {
    case 'tracking.progressChanged':
      return { ...standing, progress: { completed: fact.completedLessons, total: fact.totalLessons } };
    case 'tracking.checkSubmitted':
      return { ...standing, score: scoreOf(fact.courseScore) };
    case 'tracking.courseCompleted':
      return { ...standing, completed: true, score: scoreOf(fact) };
    case 'tracking.coursePassed':
    case 'tracking.courseFailed':
      return { ...standing, success: fact.type === 'tracking.coursePassed' ? 'passed' : 'failed', score: scoreOf(fact) };
    case 'tracking.courseRestarted':
      return { ...standing, completed: false, success: null };
    default:
      return standing;
  }
}
