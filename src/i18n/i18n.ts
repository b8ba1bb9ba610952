/**
 * i18next set-up. UI strings only (course text lives in content/). English is bundled (it is also
 * the fallback); every other language is one small chunk (scripts/ui-catalogs.ts), loaded
 * before the app renders in that language, so learners who never switch do not download it.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import english from 'virtual:ui-catalog/en';

export const uiLocales = ['en', 'fr'] as const;
export type UiLocale = (typeof uiLocales)[number];

/**
 * English, and the other languages' catalogs, each one module (scripts/ui-catalogs.ts): the app's
 * strings and `blocks.*`, gathered from src/blocks/i18n/ (shared) and each src/blocks/<type>/i18n/.
 */
export { english };
export type Catalog = typeof english;

const catalogLoaders: Record<Exclude<UiLocale, 'en'>, () => Promise<Catalog>> = {
  fr: async () => (await import('virtual:ui-catalog/fr')).default,
};

/** A language's whole catalog, as `loadCatalog` adds it (tests use it to check every language has every key). */
export function catalogFor(locale: UiLocale): Promise<Catalog> {
  return locale === 'en' ? Promise.resolve(english) : catalogLoaders[locale]();
}

/** Loads a language's catalog into `instance` (once); resolves when it can be shown. */
export async function loadCatalog(instance: i18n, locale: UiLocale): Promise<void> {
  if (locale === 'en' || instance.hasResourceBundle(locale, 'translation')) return;
  instance.addResourceBundle(locale, 'translation', await catalogFor(locale));
}

/** Load the catalog, then switch: the interface never shows a half-translated page. */
export async function switchLocale(instance: i18n, locale: UiLocale): Promise<void> {
  await loadCatalog(instance, locale);
  await instance.changeLanguage(locale);
}

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

/**
 * A new i18next instance. `catalogs` preloads other languages (tests and start-up pass what they
 * already have); without it only English is there until `loadCatalog`.
 */
export function createI18n(lng: UiLocale = 'en', catalogs: Partial<Record<UiLocale, Catalog>> = {}): i18n {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    Object.entries({ ...catalogs, en: english }).map(([locale, translation]) => [locale, { translation }]),
  );
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
  });
  return instance;
}
