/**
 * i18next set-up. UI strings only (course text lives in content/). English is bundled (it is also
 * the fallback); every other language's catalogs are one small chunk (vite.config.ts), loaded
 * before the app renders in that language, so learners who never switch do not download it.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import sharedBlocksEn from '../blocks/i18n/en.json';
import appEn from './locales/en.json';

export const uiLocales = ['en', 'fr'] as const;
export type UiLocale = (typeof uiLocales)[number];

type Strings = { [key: string]: string | Strings };

/**
 * The `blocks` namespace: each block's own strings (`src/blocks/<type>/i18n/<locale>.json`, found
 * by the globs below, so adding a block touches no file here) under its type, `blocks.<type>.*`,
 * beside the strings several blocks share (`src/blocks/i18n/<locale>.json`: `blocks.link.*`).
 */
function blockStrings(files: Record<string, Strings>, shared: Strings): Strings {
  const own = Object.entries(files).map(([file, strings]) => [file.split('/').at(-3)!, strings] as const);
  return { ...shared, ...Object.fromEntries(own) };
}

const ownBlocksEn = import.meta.glob<Strings>('../blocks/*/i18n/en.json', { eager: true, import: 'default' });
const ownBlocksLazy = import.meta.glob<Strings>(['../blocks/*/i18n/*.json', '!../blocks/*/i18n/en.json'], { import: 'default' });

async function loadOwnBlockStrings(locale: UiLocale): Promise<Record<string, Strings>> {
  const files = Object.entries(ownBlocksLazy).filter(([file]) => file.endsWith(`/${locale}.json`));
  return Object.fromEntries(await Promise.all(files.map(async ([file, load]) => [file, await load()] as const)));
}

export const english = { ...appEn, blocks: blockStrings(ownBlocksEn, sharedBlocksEn) };
export type Catalog = typeof english;

const catalogLoaders: Record<Exclude<UiLocale, 'en'>, () => Promise<Catalog>> = {
  fr: async () => {
    const [app, shared, own] = await Promise.all([import('./locales/fr.json'), import('../blocks/i18n/fr.json'), loadOwnBlockStrings('fr')]);
    return { ...app.default, blocks: blockStrings(own, shared.default) } as Catalog;
  },
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
