/**
 * Statement builders for a cmi5 AU. Pure: ids and times come from the caller.
 *
 * cmi5 defined statements (§7.1.3): initialized, completed, passed, failed, terminated. Each has
 * the AU's activityId as object (§9.4), the context template of LMS.LaunchData unaltered (§10.2.1),
 * the launch's registration (§9.6.1), the cmi5 category (§9.6.2.1), and — when its result has
 * success or completion — the moveOn category (§9.6.2.2).
 *
 * cmi5 allowed statements (§7.1.3): answered and progressed. They carry the context template and
 * registration, but NOT the cmi5 category.
 *
 * The builders refuse (throw {@link Cmi5RuleError}) what the spec forbids an AU to send:
 * completed/passed/failed outside Normal mode (§10.2.2), passed below the mastery score (§9.3.4),
 * failed at or above it (§9.3.5), a score on other defined statements (§9.5.1).
 */
import type { KnowledgeCheck, Question, QuestionText } from '../../content/types.ts';
import { gradeQuestion } from '../../course/scoring.ts';
import type { Answer } from '../../course/types.ts';
import { lmsOf } from '../../questions/lms.ts';
import type { LaunchData, LaunchParams, XapiAgent, XapiContext } from './launch.ts';

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  progressed: 'http://adlnet.gov/expapi/verbs/progressed',
} as const;
export type VerbName = keyof typeof VERBS;
export const CMI5_DEFINED_VERBS: readonly VerbName[] = ['initialized', 'completed', 'passed', 'failed', 'terminated'];

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
export const INTERACTION_TYPE = 'http://adlnet.gov/expapi/activities/cmi.interaction';

export interface XapiResult {
  score?: { scaled: number; raw?: number; min?: number; max?: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface InteractionComponent {
  id: string;
  description?: Record<string, string>;
}

export interface ActivityDefinition {
  type?: string;
  name?: Record<string, string>;
  description?: Record<string, string>;
  interactionType?: 'choice' | 'true-false' | 'fill-in' | 'matching';
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  source?: InteractionComponent[];
  target?: InteractionComponent[];
}

export interface Statement {
  id: string;
  timestamp: string;
  actor: XapiAgent;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: ActivityDefinition };
  result?: XapiResult;
  context: XapiContext;
}

/** What every statement of a session needs. */
export interface SessionContext {
  launch: LaunchParams;
  launchData: LaunchData;
  /** Language tag of the display strings (the course locale). */
  lang: string;
}

/** A statement's own id and time: a browser-made UUID (§9.1) and the moment it happened (§9.7, UTC). */
export interface Stamp {
  id: string;
  at: Date;
}

/** The spec forbids an AU to send this statement; `rule` names the section. */
export class Cmi5RuleError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(`${message} (cmi5 ${rule})`);
    this.name = 'Cmi5RuleError';
  }
}

/**
 * ISO 8601 duration with hundredths of a second at most (xAPI keeps 0.01 s).
 *
 * @example
 * formatDuration(3_723_450) // → 'PT1H2M3.45S'
 * formatDuration(0) // → 'PT0S'
 */
export function formatDuration(ms: number): string {
  const centis = Math.max(0, Math.round((Number.isFinite(ms) ? ms : 0) / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}

function withCategory(list: { id: string; objectType?: 'Activity' }[] | undefined, id: string) {
  const items = list ? [...list] : [];
  if (!items.some((item) => item.id === id)) items.push({ id, objectType: 'Activity' });
  return items;
}

/**
 * The statement context: a copy of the template (never overwritten, §10.2.1), the registration
 * (§9.6.1), the language the course was taken in (xAPI `context.language`, unless the template
 * names one), and the categories and extensions this statement adds.
 */
function contextFor(session: SessionContext, options: { defined: boolean; moveOn?: boolean; extensions?: Record<string, unknown> }): XapiContext {
  const context = structuredClone(session.launchData.contextTemplate);
  context.registration = session.launch.registration;
  context.language ??= session.lang;
  if (options.defined || options.moveOn) {
    const activities = { ...context.contextActivities };
    let category = activities.category;
    if (options.defined) category = withCategory(category, CMI5_CATEGORY);
    if (options.moveOn) category = withCategory(category, MOVE_ON_CATEGORY);
    if (category) activities.category = category;
    context.contextActivities = activities;
  }
  if (options.extensions) {
    // Template extensions win over ours (the AU "MUST NOT overwrite any values provided").
    context.extensions = { ...options.extensions, ...context.extensions };
  }
  return context;
}

function base(session: SessionContext, stamp: Stamp, verb: VerbName): Omit<Statement, 'context'> {
  return {
    id: stamp.id,
    timestamp: stamp.at.toISOString(),
    actor: session.launch.actor,
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: session.launch.activityId },
  };
}

function requireNormal(session: SessionContext, verb: VerbName) {
  if (session.launchData.launchMode !== 'Normal') {
    throw new Cmi5RuleError('§10.2.2', `no "${verb}" statement in ${session.launchData.launchMode} mode`);
  }
}

/** §9.3.2: the first statement of the session. */
export function initializedStatement(session: SessionContext, stamp: Stamp): Statement {
  return { ...base(session, stamp, 'initialized'), context: contextFor(session, { defined: true }) };
}

/** §9.3.3: completion, with the time it took (§9.5.4.1) and no progress extension (§9.5.5.1). */
export function completedStatement(session: SessionContext, stamp: Stamp, durationMs: number): Statement {
  requireNormal(session, 'completed');
  return {
    ...base(session, stamp, 'completed'),
    result: { completion: true, duration: formatDuration(durationMs) },
    context: contextFor(session, { defined: true, moveOn: true }),
  };
}

function judged(session: SessionContext, verb: 'passed' | 'failed', stamp: Stamp, scaled: number, durationMs: number): Statement {
  requireNormal(session, verb);
  if (!(scaled >= 0 && scaled <= 1)) throw new Cmi5RuleError('§9.5.1', `scaled score ${scaled} is not from 0 to 1`);
  const mastery = session.launchData.masteryScore;
  if (mastery !== undefined && verb === 'passed' && scaled < mastery) {
    throw new Cmi5RuleError('§9.3.4', `passed with ${scaled}, below the mastery score ${mastery}`);
  }
  if (mastery !== undefined && verb === 'failed' && scaled >= mastery) {
    throw new Cmi5RuleError('§9.3.5', `failed with ${scaled}, not below the mastery score ${mastery}`);
  }
  return {
    ...base(session, stamp, verb),
    result: { score: { scaled }, success: verb === 'passed', duration: formatDuration(durationMs) },
    // §9.6.3.2: the mastery score the verdict is based on.
    context: contextFor(session, { defined: true, moveOn: true, ...(mastery === undefined ? {} : { extensions: { [MASTERY_SCORE_EXTENSION]: mastery } }) }),
  };
}

/** §9.3.4 (throws below the mastery score). */
export function passedStatement(session: SessionContext, stamp: Stamp, scaled: number, durationMs: number): Statement {
  return judged(session, 'passed', stamp, scaled, durationMs);
}

/** §9.3.5 (throws at or above the mastery score). */
export function failedStatement(session: SessionContext, stamp: Stamp, scaled: number, durationMs: number): Statement {
  return judged(session, 'failed', stamp, scaled, durationMs);
}

/**
 * Which verdict a score earns: the LMS's mastery score decides when it gave one (§10.2.4: "MUST be
 * based on the masteryScore if provided"), else the course's own pass mark.
 */
export function verdict(session: SessionContext, scaled: number, coursePassed: boolean): 'passed' | 'failed' {
  const mastery = session.launchData.masteryScore;
  if (mastery === undefined) return coursePassed ? 'passed' : 'failed';
  return scaled >= mastery ? 'passed' : 'failed';
}

/** §9.3.8: the last statement, with the session's duration (§9.5.4.1). */
export function terminatedStatement(session: SessionContext, stamp: Stamp, sessionMs: number): Statement {
  return { ...base(session, stamp, 'terminated'), result: { duration: formatDuration(sessionMs) }, context: contextFor(session, { defined: true }) };
}

/** cmi5 allowed: how far the learner is, 0–100 (§9.5.5.1). */
export function progressedStatement(session: SessionContext, stamp: Stamp, percent: number): Statement {
  const progress = Math.min(100, Math.max(0, Math.round(Number.isFinite(percent) ? percent : 0)));
  return {
    ...base(session, stamp, 'progressed'),
    result: { extensions: { [PROGRESS_EXTENSION]: progress } },
    context: contextFor(session, { defined: false }),
  };
}

// ------------------------------------------------------------------ answered

export interface AnsweredInput {
  check: KnowledgeCheck;
  question: Question;
  answer: Answer;
  /** The question's words (from the check lesson's chunk), for the activity definition. */
  text?: QuestionText | undefined;
  /** Time spent on the question. */
  durationMs: number;
}

/** The interaction activity id: under the AU's activity id, one per question. */
export function interactionActivityId(activityId: string, checkId: string, questionId: string): string {
  return `${activityId.replace(/\/+$/, '')}/checks/${encodeURIComponent(checkId)}/questions/${encodeURIComponent(questionId)}`;
}

const lang = (session: SessionContext, text: string | undefined) => (text === undefined ? undefined : { [session.lang]: text });

function components(session: SessionContext, refs: { id: string }[], texts: Record<string, { text: string }> | undefined): InteractionComponent[] {
  return refs.map((ref) => {
    const description = lang(session, texts?.[ref.id]?.text);
    return description ? { id: ref.id, description } : { id: ref.id };
  });
}

/** xAPI characterstring of an answer (xAPI 1.0.3 "Response Patterns": `[,]` between items, `[.]` in pairs). */
export function responseOf(answer: Answer): string {
  return lmsOf(answer).xapiResponse(answer);
}

/** The interaction definition: its type's part (src/questions/<type>/lms.ts), with the question's words. */
function definitionOf(session: SessionContext, question: Question, text: QuestionText | undefined): ActivityDefinition {
  const definition: ActivityDefinition = { type: INTERACTION_TYPE };
  const prompt = lang(session, text?.promptText);
  if (prompt) definition.description = prompt;
  const { interactionType, lists = {}, correctResponsesPattern } = lmsOf(question).xapiDefinition(question);
  definition.interactionType = interactionType;
  for (const [name, { refs, words }] of Object.entries(lists)) definition[name as keyof typeof lists] = components(session, refs, text?.[words]);
  return { ...definition, correctResponsesPattern };
}

/** cmi5 allowed: one submitted question, with its interaction definition, response, success and duration. */
export function answeredStatement(session: SessionContext, stamp: Stamp, input: AnsweredInput): Statement {
  const { question, answer } = input;
  const statement = base(session, stamp, 'answered');
  return {
    ...statement,
    object: {
      objectType: 'Activity',
      id: interactionActivityId(session.launch.activityId, input.check.id, question.id),
      definition: definitionOf(session, question, input.text),
    },
    result: { response: responseOf(answer), success: gradeQuestion(question, answer).correct, duration: formatDuration(input.durationMs) },
    context: contextFor(session, { defined: false }),
  };
}

/** Whether a statement is cmi5 defined: a cmi5 verb with the cmi5 category (§7.1.3). */
export function isCmi5Defined(statement: Pick<Statement, 'verb' | 'context'>): boolean {
  const verb = (Object.keys(VERBS) as VerbName[]).find((name) => VERBS[name] === statement.verb.id);
  return (
    verb !== undefined &&
    CMI5_DEFINED_VERBS.includes(verb) &&
    (statement.context.contextActivities?.category ?? []).some((c) => c.id === CMI5_CATEGORY)
  );
}
