/**
 * UI strings of an LMS session's own controls (cmi5: Exit course, launch-mode and session
 * notices), in their own i18next namespace so they travel with that lazy chunk
 * (src/app/shell/LmsSession.tsx) instead of the main bundle (the first page has a 140 KiB budget).
 */
import { useTranslation } from 'react-i18next';
import en from './lms-session/en.json';
import fr from './lms-session/fr.json';

export const LMS_SESSION_NS = 'lms-session';
export const lmsSessionCatalogs = { en, fr };

/** `useTranslation` for `lmsSession.*`, adding the namespace to the running instance first. */
export function useLmsSessionTranslation() {
  const { i18n } = useTranslation();
  for (const [locale, strings] of Object.entries(lmsSessionCatalogs)) {
    if (!i18n.hasResourceBundle(locale, LMS_SESSION_NS)) i18n.addResourceBundle(locale, LMS_SESSION_NS, strings);
  }
  return useTranslation(LMS_SESSION_NS);
}
