/**
 * UI strings of the LMS connection check page (`lmsCheck.*`), in their own i18next namespace so
 * they travel with that page's lazy chunk instead of the main bundle (the first page has a
 * 140 KiB budget), as print.ts does for the print edition.
 */
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import en from './lms-check/en.json';
import fr from './lms-check/fr.json';

const LMS_CHECK_NS = 'lms-check';
export const lmsCheckCatalogs = { en, fr };

function addLmsCheckStrings(instance: i18n): void {
  for (const [locale, strings] of Object.entries(lmsCheckCatalogs)) {
    if (!instance.hasResourceBundle(locale, LMS_CHECK_NS)) instance.addResourceBundle(locale, LMS_CHECK_NS, strings);
  }
}

/** `useTranslation` for the check page's strings; the main catalog's with `{ ns: 'translation' }`. */
export function useLmsCheckTranslation() {
  addLmsCheckStrings(useTranslation().i18n);
  return useTranslation(LMS_CHECK_NS);
}
