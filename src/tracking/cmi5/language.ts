/**
 * The learner's interface language from the cmi5 learner preferences (§11.1: "the AU SHOULD
 * display in the language preference order of the user … (as supported)").
 *
 * - The `cmi5LearnerPreferences` agent profile is read at launch (client.ts); a missing (404),
 *   withheld (403), slow, malformed or hostile profile reads as "no preference": the player's own
 *   choice stands, nothing is said.
 * - The first of the learner's languages the course has a UI locale for wins (`fr-CA` → `fr`).
 * - A language the learner then picks in the player wins for the rest of this AU session, reloads
 *   included: the pick is remembered in sessionStorage under the session id (the player's own
 *   saved choice then applies). A new launch reads the LMS's preference again.
 *
 * Nothing here imports i18n or the app: the caller passes the UI locales and switches the language.
 */
import type { ClientResult } from './client.ts';
import { parseLearnerPreferences, pickLanguage } from './launch.ts';

type Memo = Pick<Storage, 'getItem' | 'setItem'> | undefined;

/** The sessionStorage key that says the learner picked a language in this AU session. */
export function languagePickKey(sessionId: string): string {
  return `cmi5-language-picked:${sessionId}`;
}

function learnerPicked(memo: Memo, sessionId: string): boolean {
  try {
    return memo?.getItem(languagePickKey(sessionId)) === '1';
  } catch {
    return false;
  }
}

/**
 * The UI locale to show, or `null` to keep the player's own choice.
 *
 * @example
 * learnerLanguage({ ok: true, value: { languagePreference: 'fr-CA,en' } }, ['en', 'fr'], sessionStorage, sessionId) // → 'fr'
 */
export function learnerLanguage(profile: ClientResult<unknown> | null, supported: readonly string[], memo: Memo, sessionId: string): string | null {
  if (profile === null || !profile.ok || learnerPicked(memo, sessionId)) return null;
  return pickLanguage(parseLearnerPreferences(profile.value).languages, supported);
}

/** The learner picked a language in the player: the LMS's preference no longer applies in this session. */
export function rememberLanguagePick(memo: Memo, sessionId: string): void {
  try {
    memo?.setItem(languagePickKey(sessionId), '1');
  } catch {
    // Storage blocked: a reload of this launch would show the LMS's preference again.
  }
}

/** The profile, or `null` when it takes longer than `ms` (start-up does not wait on it for long). */
export function readPreferencesWithin<T>(request: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}
