/**
 * A small xAPI client for a cmi5 AU, over `fetch()`.
 *
 * Why our own and not `@xapi/cmi5`: that package bundles axios (about 30 KiB gzipped), cannot send
 * `terminated` with keepalive (the statement is then lost when the page unloads), and has no
 * `exports` map. The protocol here is a handful of requests, each tested against the spec's
 * sections (tests/tracking/cmi5/client.test.ts, with the LMS/LRS stand-in).
 *
 * - §8.2: one POST to the fetch URL for the auth token, never a second. The token is kept in
 *   sessionStorage under the registration and fetch URL (a fetch URL is issued for one launch),
 *   so a reload of the same launch reuses it instead of asking again; the LMS would refuse.
 * - §8.2.1: the token goes in `Authorization: Basic <token>` on every xAPI request.
 * - §10: GET `LMS.LaunchData` (the AU never writes it).
 * - §11: GET the `cmi5LearnerPreferences` agent profile; a 403 or 404 means "no preferences".
 * - §9.1: statements are PUT with their browser-made id, so a resend is idempotent (an LRS
 *   answers 204, or 409 for an id it already has: both mean stored).
 * - 401/403 from the LRS: the client answers `refused` from then on, without another request.
 */
import type { LaunchParams, XapiAgent } from './launch.ts';

export const XAPI_VERSION = '1.0.3';
export const LAUNCH_DATA_STATE_ID = 'LMS.LaunchData';
export const LEARNER_PREFERENCES_PROFILE_ID = 'cmi5LearnerPreferences';

export type ClientFailure =
  /** The LMS or LRS refused us (401/403, or the fetch URL's error-code): do not retry in this session. */
  | { ok: false; kind: 'refused'; status?: number; message: string }
  /** No answer, a timeout, or a 5xx/408/429: worth trying again later. */
  | { ok: false; kind: 'unavailable'; status?: number; message: string }
  /** The LRS answered and rejected this request for good (another 4xx), or answered nonsense. */
  | { ok: false; kind: 'rejected'; status?: number; message: string };

export type ClientResult<T> = { ok: true; value: T } | ClientFailure;

/** Where the token is kept for a reload of the same launch (sessionStorage in the browser). */
export type TokenStore = Pick<Storage, 'getItem' | 'setItem'>;

export interface ClientOptions {
  launch: LaunchParams;
  /** `sessionStorage` in the browser; a map in tests. */
  tokenStore?: TokenStore | undefined;
  fetch?: typeof fetch;
  /** Per-request time limit (default 20 s). */
  timeoutMs?: number;
  /**
   * A plain xAPI (TinCan) launch's `auth`: the whole Authorization header value, given by the
   * launch instead of a fetch URL (no token request).
   */
  authorization?: string | undefined;
}

export interface RequestOptions {
  /** Let the request outlive the page (pagehide, exit). Bodies are limited to 64 KiB in total by browsers. */
  keepalive?: boolean;
}

export interface Cmi5Client {
  /** POSTs to the fetch URL once (or reads the token this launch already got). */
  authorize(): Promise<ClientResult<void>>;
  getLaunchData(): Promise<ClientResult<unknown>>;
  /** `null` when the learner has no preferences document, or the LMS does not share it. */
  getLearnerPreferences(): Promise<ClientResult<unknown>>;
  putStatement(statement: { id: string }, options?: RequestOptions): Promise<ClientResult<void>>;
  /** One POST of several statements, stored by the LRS in the array's order (for pagehide, with keepalive). */
  postStatements(statements: { id: string }[], options?: RequestOptions): Promise<ClientResult<void>>;
  /** An activity state document of this AU and registration; `null` when there is none. */
  getState(stateId: string): Promise<ClientResult<unknown>>;
  putState(stateId: string, document: unknown, options?: RequestOptions): Promise<ClientResult<void>>;
  /** Whether a refusal has stopped the client. */
  readonly refused: boolean;
}

/** The sessionStorage key of a launch's token. */
export function tokenKey(launch: Pick<LaunchParams, 'registration' | 'fetch'>): string {
  return `cmi5-token:${launch.registration}:${launch.fetch}`;
}

function agentParam(actor: XapiAgent): string {
  return JSON.stringify('account' in actor ? { objectType: 'Agent', account: actor.account } : { objectType: 'Agent', mbox: actor.mbox });
}

function classify(status: number, what: string): ClientFailure {
  if (status === 401 || status === 403) return { ok: false, kind: 'refused', status, message: `${what}: the LRS refused the request (${status})` };
  if (status >= 500 || status === 408 || status === 429) return { ok: false, kind: 'unavailable', status, message: `${what}: the LRS answered ${status}` };
  return { ok: false, kind: 'rejected', status, message: `${what}: the LRS rejected the request (${status})` };
}

export function createCmi5Client(options: ClientOptions): Cmi5Client {
  const { launch } = options;
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 20_000;
  let token: string | null = null;
  let refusal: ClientFailure | null = null;
  let authorizing: Promise<ClientResult<void>> | null = null;

  const readStored = () => {
    try {
      return options.tokenStore?.getItem(tokenKey(launch)) ?? null;
    } catch {
      return null;
    }
  };

  async function send(what: string, url: string, init: RequestInit, soft403 = false): Promise<ClientResult<Response>> {
    if (refusal) return refusal;
    let response: Response;
    try {
      response = await doFetch(url, { ...init, signal: init.keepalive ? null : AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      return { ok: false, kind: 'unavailable', message: `${what}: ${error instanceof Error ? error.message : 'no answer'}` };
    }
    if (soft403 && response.status === 403) return { ok: true, value: response };
    if (response.status === 401 || response.status === 403) {
      refusal = classify(response.status, what);
      return refusal;
    }
    return { ok: true, value: response };
  }

  async function xapi(what: string, path: string, init: RequestInit = {}, soft403 = false): Promise<ClientResult<Response>> {
    if (refusal) return refusal;
    if (token === null && options.authorization === undefined) {
      const authorized = await client.authorize();
      if (!authorized.ok) return authorized;
    }
    const authorization = options.authorization ?? `Basic ${token}`;
    return send(what, `${launch.endpoint}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), Authorization: authorization, 'X-Experience-API-Version': XAPI_VERSION },
    }, soft403);
  }

  async function readJson(what: string, path: string, allowMissing: number[]): Promise<ClientResult<unknown>> {
    const result = await xapi(what, path, { method: 'GET' }, allowMissing.includes(403));
    if (!result.ok) return result;
    const response = result.value;
    if (allowMissing.includes(response.status)) return { ok: true, value: null };
    if (!response.ok) return classify(response.status, what);
    try {
      return { ok: true, value: (await response.json()) as unknown };
    } catch {
      return { ok: false, kind: 'rejected', status: response.status, message: `${what}: the answer is not JSON` };
    }
  }

  async function write(what: string, path: string, body: unknown, requestOptions: RequestOptions = {}, method = 'PUT'): Promise<ClientResult<void>> {
    const result = await xapi(what, path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: requestOptions.keepalive ?? false,
    });
    if (!result.ok) return result;
    const { status } = result.value;
    // 409 Conflict on a statement PUT: the LRS already has a statement with this id (xAPI 2.1.3),
    // which is ours, sent before an answer was lost.
    if (result.value.ok || status === 409) return { ok: true, value: undefined };
    return classify(status, what);
  }

  const stateQuery = (stateId: string) =>
    `activities/state?${new URLSearchParams({ activityId: launch.activityId, agent: agentParam(launch.actor), registration: launch.registration, stateId })}`;

  const client: Cmi5Client = {
    get refused() {
      return refusal !== null;
    },
    authorize() {
      if (refusal) return Promise.resolve(refusal);
      if (token !== null || options.authorization !== undefined) return Promise.resolve({ ok: true, value: undefined });
      const stored = readStored();
      if (stored) {
        token = stored;
        return Promise.resolve({ ok: true, value: undefined });
      }
      // One request even when several callers ask at once (§8.2.1: "SHOULD NOT attempt to retrieve
      // the authorization token more than once").
      authorizing ??= (async (): Promise<ClientResult<void>> => {
        const result = await send('fetch URL', launch.fetch, { method: 'POST' });
        if (!result.ok) return result;
        let body: unknown;
        try {
          body = await result.value.json();
        } catch {
          refusal = { ok: false, kind: 'refused', status: result.value.status, message: 'fetch URL: the answer is not JSON' };
          return refusal;
        }
        const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
        const authToken = record['auth-token'];
        if (!result.value.ok || typeof authToken !== 'string' || authToken === '') {
          // §8.2.3: error-code 1 (already used or expired), 2 (security), 3 (application). None is
          // retried: the fetch URL is one-time, so a second POST cannot succeed.
          const code = typeof record['error-code'] === 'string' || typeof record['error-code'] === 'number' ? String(record['error-code']) : '';
          refusal = { ok: false, kind: 'refused', status: result.value.status, message: `fetch URL gave no auth-token${code ? ` (error-code ${code})` : ''}` };
          return refusal;
        }
        token = authToken;
        try {
          options.tokenStore?.setItem(tokenKey(launch), authToken);
        } catch {
          // Storage full or blocked: this page keeps the token in memory; a reload would be refused.
        }
        return { ok: true, value: undefined };
      })();
      return authorizing;
    },
    getLaunchData: () => readJson('LMS.LaunchData', stateQuery(LAUNCH_DATA_STATE_ID), []),
    async getLearnerPreferences() {
      const path = `agents/profile?${new URLSearchParams({ agent: agentParam(launch.actor), profileId: LEARNER_PREFERENCES_PROFILE_ID })}`;
      // §11: "The AU MUST NOT treat the 403 response as an error condition": no preferences, and the
      // client carries on (a 403 elsewhere stops it).
      return readJson('learner preferences', path, [403, 404]);
    },
    putStatement: (statement, requestOptions) =>
      write(`statement ${statement.id}`, `statements?${new URLSearchParams({ statementId: statement.id })}`, statement, requestOptions),
    postStatements: (statements, requestOptions) => write(`${statements.length} statements`, 'statements', statements, requestOptions, 'POST'),
    getState: (stateId) => readJson(`state ${stateId}`, stateQuery(stateId), [404]),
    putState: (stateId, document, requestOptions) => write(`state ${stateId}`, stateQuery(stateId), document, requestOptions),
  };
  return client;
}
