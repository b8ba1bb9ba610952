/**
 * cmi5 launch: what the LMS hands the AU, read and checked. Pure, no network.
 *
 * Section numbers are those of the cmi5 specification (AICC/CMI-5_Spec_Current, cmi5_spec.md);
 * that text numbers its requirements by section, so comments and tests cite "§8.1.1" and so on.
 *
 * - {@link parseLaunchUrl}: the five query parameters of §8.1 (endpoint, fetch, actor, registration,
 *   activityId). Every value is treated as hostile: only http(s) URLs, a UUID registration, an
 *   Agent with an account, bounded lengths, no parameter given twice.
 * - {@link parseLaunchData}: the `LMS.LaunchData` state document of §10.
 * - {@link parseLearnerPreferences} and {@link pickLanguage}: the agent profile of §11.
 *
 * Nothing here imports the rest of the player, so the cmi5 chunk stays small (the meta tag
 * detection, which needs `LMS_META_NAME`, is in detect.ts).
 */
/** The launch parameter names of §8.1. */
export const LAUNCH_PARAMS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;
export type LaunchParamName = (typeof LAUNCH_PARAMS)[number];

/** An xAPI Agent identified by an account (§9.2: "The Actor property MUST contain an account property"). */
export interface Cmi5Actor {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

/** An xAPI Agent as a plain xAPI (TinCan) launch may give it: by account or by mailbox (xapi-launch.ts). */
export type XapiAgent = Cmi5Actor | { objectType: 'Agent'; name?: string; mbox: string };

export interface LaunchParams {
  /** Base endpoint for xAPI requests, always ending in `/` (§8.1.1). */
  endpoint: string;
  /** The one-time authorization token URL (§8.1.2, §8.2); empty in a plain xAPI launch, which gives `auth` instead. */
  fetch: string;
  /** Always a {@link Cmi5Actor} in a cmi5 launch (§9.2). */
  actor: XapiAgent;
  /** Lower-case UUID (§8.1.4). */
  registration: string;
  /** The object id of every cmi5 defined statement (§8.1.5, §9.4). */
  activityId: string;
}

export interface LaunchError {
  kind: 'missing' | 'invalid' | 'duplicate';
  param: LaunchParamName;
  message: string;
}

export type LaunchResult = { ok: true; params: LaunchParams } | { ok: false; errors: LaunchError[] };

/** Longest URL or IRI accepted in a launch parameter. */
const MAX_URL = 2048;
/** Longest actor JSON accepted. */
const MAX_ACTOR = 4096;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An IRI scheme followed by something, no white space, control characters or `<>"{}|\^\`` (RFC 3987 in outline). */
export const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;

/** Whether text has white space or a control character (C0 or DEL). */
export function hasSpaceOrControl(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code === 0x7f) return true;
  }
  return /\s/u.test(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute http(s) URL without user name or password, or null. */
export function toHttpUrl(value: string): URL | null {
  if (value.length > MAX_URL || hasSpaceOrControl(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url;
}

/**
 * The endpoint with exactly one trailing slash on its path, so `statements` and `activities/state`
 * can be appended (§8.1.1: the endpoint is the Base Endpoint). Query and fragment are refused.
 *
 * @example
 * normalizeEndpoint('https://lrs.example/xapi') // → 'https://lrs.example/xapi/'
 * normalizeEndpoint('https://lrs.example/xapi//') // → 'https://lrs.example/xapi/'
 */
export function normalizeEndpoint(value: string): string | null {
  const url = toHttpUrl(value);
  if (!url || url.search || url.hash || value.includes('?') || value.includes('#')) return null;
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  return url.href;
}

export function parseActor(text: string): Cmi5Actor | string {
  if (text.length > MAX_ACTOR) return `is longer than ${MAX_ACTOR} characters`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  if (!isRecord(value)) return 'is not a JSON object';
  if (value.objectType !== undefined && value.objectType !== 'Agent') return 'is not an Agent (§9.2)';
  const { account } = value;
  if (!isRecord(account)) return 'has no account (§9.2)';
  if (typeof account.homePage !== 'string' || !toHttpUrl(account.homePage)) return 'has no account.homePage URL';
  if (typeof account.name !== 'string' || account.name === '' || account.name.length > 512) return 'has no account.name';
  const actor: Cmi5Actor = { objectType: 'Agent', account: { homePage: account.homePage, name: account.name } };
  if (typeof value.name === 'string' && value.name.length <= 512) actor.name = value.name;
  return actor;
}

/**
 * Reads the launch parameters of §8.1 from a query string (`location.search`), in any order
 * ("The AU MUST have the ability to process the query string launch parameters in any order").
 * Other parameters are ignored. Every problem is reported, not only the first.
 *
 * @example
 * parseLaunchUrl('?endpoint=https%3A%2F%2Flrs.example%2Fxapi&fetch=…&actor=…&registration=…&activityId=…')
 * // → { ok: true, params: { endpoint: 'https://lrs.example/xapi/', … } }
 */
export function parseLaunchUrl(search: string): LaunchResult {
  const query = new URLSearchParams(search);
  const errors: LaunchError[] = [];
  const raw = {} as Record<LaunchParamName, string>;
  for (const name of LAUNCH_PARAMS) {
    const values = query.getAll(name);
    if (values.length === 0 || values[0] === '') errors.push({ kind: 'missing', param: name, message: `${name} is missing from the launch URL` });
    else if (values.length > 1) errors.push({ kind: 'duplicate', param: name, message: `${name} is given ${values.length} times` });
    else raw[name] = values[0] ?? '';
  }
  const invalid = (param: LaunchParamName, why: string) => errors.push({ kind: 'invalid', param, message: `${param} ${why}` });

  const endpoint = raw.endpoint === undefined ? null : normalizeEndpoint(raw.endpoint);
  if (raw.endpoint !== undefined && !endpoint) invalid('endpoint', 'is not an http(s) URL without query');
  const fetchUrl = raw.fetch === undefined ? null : toHttpUrl(raw.fetch);
  if (raw.fetch !== undefined && !fetchUrl) invalid('fetch', 'is not an http(s) URL');
  let actor: Cmi5Actor | null = null;
  if (raw.actor !== undefined) {
    const parsed = parseActor(raw.actor);
    if (typeof parsed === 'string') invalid('actor', parsed);
    else actor = parsed;
  }
  if (raw.registration !== undefined && !UUID.test(raw.registration)) invalid('registration', 'is not a UUID (§8.1.4)');
  if (raw.activityId !== undefined && (raw.activityId.length > MAX_URL || hasSpaceOrControl(raw.activityId) || !IRI.test(raw.activityId))) {
    invalid('activityId', 'is not an IRI (§8.1.5)');
  }
  if (errors.length > 0 || !endpoint || !fetchUrl || !actor) return { ok: false, errors };
  return {
    ok: true,
    params: { endpoint, fetch: fetchUrl.href, actor, registration: raw.registration.toLowerCase(), activityId: raw.activityId },
  };
}

// ------------------------------------------------------------------ LMS.LaunchData (§10)

export const LAUNCH_MODES = ['Normal', 'Browse', 'Review'] as const;
export type LaunchMode = (typeof LAUNCH_MODES)[number];
/** §13.1.4 moveOn vocabulary. */
export const MOVE_ON_VALUES = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'] as const;
export type MoveOn = (typeof MOVE_ON_VALUES)[number];

/** xAPI context, as far as cmi5 needs to read it; other properties are kept as they came. */
export interface XapiContext {
  registration?: string;
  contextActivities?: {
    parent?: { id: string; objectType?: 'Activity' }[];
    grouping?: { id: string; objectType?: 'Activity' }[];
    category?: { id: string; objectType?: 'Activity' }[];
    other?: { id: string; objectType?: 'Activity' }[];
  };
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

export const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

export interface LaunchData {
  /** §10.2.1: the template of every statement's context; never modified. */
  contextTemplate: XapiContext;
  /** From the template's session id extension (§9.6.3.1). */
  sessionId: string;
  launchMode: LaunchMode;
  moveOn: MoveOn;
  /** §10.2.4, 0–1. */
  masteryScore?: number;
  /** §10.2.6: only kept when it is an http(s) URL (a `javascript:` URL is dropped). */
  returnURL?: string;
  launchParameters?: string;
}

export type LaunchDataResult = { ok: true; data: LaunchData } | { ok: false; message: string };

/**
 * Reads `LMS.LaunchData`. The context template must carry a session id (§10.2.1); the launch mode
 * is required (§10.2.2); an unknown moveOn or a mastery score outside 0–1 is an error, since
 * satisfaction would otherwise be judged on a guess.
 */
export function parseLaunchData(value: unknown): LaunchDataResult {
  if (!isRecord(value)) return { ok: false, message: 'LMS.LaunchData is not a JSON object' };
  const { contextTemplate, launchMode, moveOn, masteryScore, returnURL, launchParameters } = value;
  if (!isRecord(contextTemplate)) return { ok: false, message: 'LMS.LaunchData has no contextTemplate (§10.2.1)' };
  const extensions = contextTemplate.extensions;
  const sessionId = isRecord(extensions) ? extensions[SESSION_ID_EXTENSION] : undefined;
  if (typeof sessionId !== 'string' || sessionId === '' || sessionId.length > 512) {
    return { ok: false, message: 'the contextTemplate has no session id (§9.6.3.1, §10.2.1)' };
  }
  if (!LAUNCH_MODES.includes(launchMode as LaunchMode)) return { ok: false, message: 'LMS.LaunchData has no valid launchMode (§10.2.2)' };
  if (!MOVE_ON_VALUES.includes(moveOn as MoveOn)) return { ok: false, message: 'LMS.LaunchData has no valid moveOn (§10.2.5)' };
  const data: LaunchData = {
    contextTemplate: structuredClone(contextTemplate) as XapiContext,
    sessionId,
    launchMode: launchMode as LaunchMode,
    moveOn: moveOn as MoveOn,
  };
  if (masteryScore !== undefined) {
    if (typeof masteryScore !== 'number' || !(masteryScore >= 0 && masteryScore <= 1)) {
      return { ok: false, message: 'masteryScore is not a decimal from 0 to 1 (§10.2.4)' };
    }
    data.masteryScore = masteryScore;
  }
  if (typeof returnURL === 'string' && toHttpUrl(returnURL)) data.returnURL = returnURL;
  if (typeof launchParameters === 'string') data.launchParameters = launchParameters;
  return { ok: true, data };
}

// ------------------------------------------------------------------ learner preferences (§11)

export interface LearnerPreferences {
  /** RFC 5646 tags in the learner's order (§11.1). */
  languages: string[];
  audio?: 'on' | 'off';
}

/** Reads the `cmi5LearnerPreferences` agent profile; anything malformed reads as "no preference". */
export function parseLearnerPreferences(value: unknown): LearnerPreferences {
  if (!isRecord(value)) return { languages: [] };
  const languages =
    typeof value.languagePreference === 'string'
      ? value.languagePreference
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i.test(tag))
          .slice(0, 20)
      : [];
  const prefs: LearnerPreferences = { languages };
  if (value.audioPreference === 'on' || value.audioPreference === 'off') prefs.audio = value.audioPreference;
  return prefs;
}

/**
 * The first of the learner's languages the course has, matched exactly then by primary subtag
 * (§11.1: "display in the language preference order of the user … (as supported)").
 *
 * @example
 * pickLanguage(['fr-CA', 'en-US'], ['en', 'fr']) // → 'fr'
 */
export function pickLanguage(preferred: readonly string[], supported: readonly string[]): string | null {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const exact = supported.find((s) => s.toLowerCase() === lower);
    if (exact) return exact;
    const primary = supported.find((s) => s.toLowerCase().split('-')[0] === lower.split('-')[0]);
    if (primary) return primary;
  }
  return null;
}
