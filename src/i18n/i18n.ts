/**
 * i18next set-up. UI strings only (course text lives in content/). Catalogs are bundled: they are
 * small, and a learner on a slow connection should not wait for a second request to see buttons.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import blocksEn from '../blocks/i18n/en.json';
import blocksFr from '../blocks/i18n/fr.json';
import appEn from './locales/en.json';
import appFr from './locales/fr.json';

export const uiLocales = ['en', 'fr'] as const;
export type UiLocale = (typeof uiLocales)[number];

export const resources = {
  en: { translation: { ...appEn, blocks: blocksEn } },
  fr: { translation: { ...appFr, blocks: blocksFr } },
} as const;

const STORAGE_KEY = 'course-player.locale';

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (uiLocales as readonly string[]).includes(value);
}

/** The learner's saved choice, else the browser's language, else English. */
export function detectLocale(storage: Pick<Storage, 'getItem'> | undefined, languages: readonly string[]): UiLocale {
  try {
    const saved = storage?.getItem(STORAGE_KEY);
    if (isUiLocale(saved)) return saved;
  } catch {
    // Storage can throw (private mode); the browser language still works.
  }
  for (const language of languages) {
    const base = language.toLowerCase().split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return 'en';
}

export function rememberLocale(storage: Pick<Storage, 'setItem'> | undefined, locale: UiLocale): void {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the language is harmless.
  }
}

export function createI18n(lng: UiLocale = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
  });
  return instance;
}
