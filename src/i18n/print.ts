/**
 * UI strings of the print edition and read-aloud, in their own i18next namespace so they travel
 * with those chunks instead of the main bundle (the first page has a 140 KiB budget). Each chunk
 * adds them to the running i18next instance before its first `t()`.
 */
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import en from './print/en.json';
import fr from './print/fr.json';

export const PRINT_NS = 'print-edition';
export const printCatalogs = { en, fr };

export function addPrintStrings(instance: i18n): void {
  for (const [locale, strings] of Object.entries(printCatalogs)) {
    if (!instance.hasResourceBundle(locale, PRINT_NS)) instance.addResourceBundle(locale, PRINT_NS, strings);
  }
}

/** `useTranslation` for the print edition's and read-aloud's strings (`printPage.*`, `listen.*`). */
export function usePrintTranslation() {
  addPrintStrings(useTranslation().i18n);
  return useTranslation(PRINT_NS);
}
