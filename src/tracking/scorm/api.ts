/**
 * Finding the LMS's SCORM API object and calling it safely.
 *
 * Discovery follows the algorithm both standards describe: look in this window, then up the
 * chain of `window.parent`, then in `window.opener` (and its parents), a bounded number of
 * levels. A window from another origin cannot be read; it is skipped, not an error.
 *
 * {@link connectScorm} wraps the API so that the two editions look alike and no call ever
 * throws: each returns `{ ok: true, value }` or `{ ok: false, error }` with the LMS's error
 * code, message and diagnostic (or the exception it threw).
 */
import type { ScormVersion } from './formats.ts';

/** The SCORM 1.2 API (`window.API`). Values and results are strings ("true"/"false"). */
export interface Scorm12Api {
  LMSInitialize(arg: ''): unknown;
  LMSFinish(arg: ''): unknown;
  LMSGetValue(element: string): unknown;
  LMSSetValue(element: string, value: string): unknown;
  LMSCommit(arg: ''): unknown;
  LMSGetLastError(): unknown;
  LMSGetErrorString(code: string): unknown;
  LMSGetDiagnostic(code: string): unknown;
}

/** The SCORM 2004 API (`window.API_1484_11`). */
export interface Scorm2004Api {
  Initialize(arg: ''): unknown;
  Terminate(arg: ''): unknown;
  GetValue(element: string): unknown;
  SetValue(element: string, value: string): unknown;
  Commit(arg: ''): unknown;
  GetLastError(): unknown;
  GetErrorString(code: string): unknown;
  GetDiagnostic(code: string): unknown;
}

/** The name each edition's API object has on the LMS's window. */
export const API_NAMES: Record<ScormVersion, 'API' | 'API_1484_11'> = { '1.2': 'API', '2004': 'API_1484_11' };

const METHODS: Record<ScormVersion, readonly string[]> = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError'],
};

/** How far up each chain of windows to look (Rustici's and ADL's wrappers use 7 in practice). */
export const MAX_SEARCH_LEVELS = 7;

/** The part of `Window` discovery reads; tests pass plain objects. */
export interface SearchableWindow {
  readonly parent?: SearchableWindow | null;
  readonly opener?: SearchableWindow | null;
  readonly top?: SearchableWindow | null;
}

export type FoundApi =
  | { version: '1.2'; api: Scorm12Api; where: ApiLocation }
  | { version: '2004'; api: Scorm2004Api; where: ApiLocation };

/** Where the API was found: `parent` 0 is this window, 1 its parent, …; `opener` counts from the opener. */
export interface ApiLocation {
  via: 'parent' | 'opener';
  level: number;
}

/** A property of a window that may be of another origin (reading it then throws). */
function read(win: SearchableWindow, name: string): unknown {
  try {
    return (win as unknown as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

function isApi(value: unknown, version: ScormVersion): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  return METHODS[version].every((method) => {
    try {
      return typeof (value as Record<string, unknown>)[method] === 'function';
    } catch {
      return false;
    }
  });
}

function searchChain(start: SearchableWindow, version: ScormVersion, maxLevels: number): { api: unknown; level: number } | null {
  let win: SearchableWindow | null | undefined = start;
  for (let level = 0; win && level <= maxLevels; level += 1) {
    const candidate = read(win, API_NAMES[version]);
    if (isApi(candidate, version)) return { api: candidate, level };
    const parent = read(win, 'parent') as SearchableWindow | null | undefined;
    if (!parent || parent === win) break;
    win = parent;
  }
  return null;
}

/**
 * Looks for the LMS's API of one edition: this window and its parents, then the opener and
 * its parents (also the top window's opener, for LMSs that open a frameset in a new window).
 *
 * @example
 * const found = findScormApi(window, '2004');
 * if (found) found.api.Initialize('');
 */
export function findScormApi(
  start: SearchableWindow,
  version: ScormVersion,
  maxLevels: number = MAX_SEARCH_LEVELS,
): FoundApi | null {
  const wrap = (hit: { api: unknown; level: number }, via: ApiLocation['via']): FoundApi =>
    ({ version, api: hit.api, where: { via, level: hit.level } }) as FoundApi;
  const inParents = searchChain(start, version, maxLevels);
  if (inParents) return wrap(inParents, 'parent');
  const openers = [read(start, 'opener'), read(read(start, 'top') as SearchableWindow ?? start, 'opener')];
  for (const opener of new Set(openers)) {
    if (!opener) continue;
    const hit = searchChain(opener as SearchableWindow, version, maxLevels);
    if (hit) return wrap(hit, 'opener');
  }
  return null;
}

// ----------------------------------------------------------------- calling

export interface LmsError {
  /** The LMS's error code (`-1` when the call threw). */
  code: number;
  /** The LMS's text for the code, or the exception's message. */
  message: string;
  diagnostic?: string;
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: LmsError };

/** The LMS API of either edition behind one interface. No method throws. */
export interface ScormConnection {
  readonly version: ScormVersion;
  initialize(): CallResult<void>;
  terminate(): CallResult<void>;
  /** An element's value; an element the LMS has no value for yet reads as `''`. */
  getValue(element: string): CallResult<string>;
  setValue(element: string, value: string): CallResult<void>;
  commit(): CallResult<void>;
}

/** SCORM 2004 "data model element value not initialized": no value yet, not a failure. */
const NOT_INITIALIZED_2004 = 403;

/**
 * Errors that say the LMS refuses this element or value (not implemented, read-only, wrong
 * type…). Sending the same value again cannot help, so such a value is not retried.
 */
export function isPermanentError(version: ScormVersion, code: number): boolean {
  return version === '1.2' ? code >= 401 && code <= 405 : code >= 401 && code <= 408;
}

const isTrue = (value: unknown) => value === true || value === 'true';

/**
 * Wraps a found API.
 *
 * @example
 * const lms = connectScorm(findScormApi(window, '1.2')!);
 * const status = lms.getValue('cmi.core.lesson_status'); // { ok: true, value: 'incomplete' }
 */
export function connectScorm(found: FoundApi): ScormConnection {
  const { version } = found;
  const api = found.api as unknown as Record<string, (...args: string[]) => unknown>;
  const names =
    version === '1.2'
      ? { init: 'LMSInitialize', term: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', err: 'LMSGetLastError', str: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' }
      : { init: 'Initialize', term: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', err: 'GetLastError', str: 'GetErrorString', diag: 'GetDiagnostic' };

  const call = (method: string, ...args: string[]): unknown => api[method]!.call(api, ...args);
  const lastError = (): LmsError => {
    let code = 101;
    try {
      const raw = Number(String(call(names.err)));
      code = Number.isFinite(raw) ? raw : 101;
    } catch {
      return { code: -1, message: 'GetLastError failed' };
    }
    const text = (method: string) => {
      try {
        return typeof api[method] === 'function' ? String(call(method, String(code)) ?? '') : '';
      } catch {
        return '';
      }
    };
    const diagnostic = text(names.diag);
    return { code, message: text(names.str) || `error ${code}`, ...(diagnostic ? { diagnostic } : {}) };
  };
  const thrown = (error: unknown): CallResult<never> => ({
    ok: false,
    error: { code: -1, message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
  });
  const bool = (method: string, ...args: string[]): CallResult<void> => {
    try {
      if (isTrue(call(method, ...args))) return { ok: true, value: undefined };
      const error = lastError();
      // A "false" with no error code is still a failure (some LMSs do not set one).
      return { ok: false, error: error.code === 0 ? { ...error, code: 101, message: `${method} returned false` } : error };
    } catch (error) {
      return thrown(error);
    }
  };

  return {
    version,
    initialize: () => bool(names.init, ''),
    terminate: () => bool(names.term, ''),
    commit: () => bool(names.commit, ''),
    setValue: (element, value) => bool(names.set, element, value),
    getValue(element) {
      try {
        const value = call(names.get, element);
        const error = lastError();
        if (error.code === 0) return { ok: true, value: value === undefined || value === null ? '' : String(value) };
        if (version === '2004' && error.code === NOT_INITIALIZED_2004) return { ok: true, value: '' };
        return { ok: false, error };
      } catch (error) {
        return thrown(error);
      }
    },
  };
}
