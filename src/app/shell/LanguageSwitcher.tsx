import { useTranslation } from 'react-i18next';
import { isUiLocale, rememberLocale, switchLocale, uiLocales } from '../../i18n/i18n.ts';

/** Switches the interface language and remembers the choice on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('app.language')}</span>
      <select
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => {
          const locale = event.target.value;
          if (!isUiLocale(locale)) return;
          void switchLocale(i18n, locale);
          rememberLocale(globalThis.localStorage, locale);
        }}
      >
        {uiLocales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`app.languageNames.${locale}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
