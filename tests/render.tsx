/** Render a component the way the app does: with i18n and a router around it. */
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { createI18n, type UiLocale } from '../src/i18n/i18n.ts';
import { french } from './i18n-catalogs.ts';

export function renderWithProviders(
  ui: ReactElement,
  { locale = 'en', route = '/', ...options }: { locale?: UiLocale; route?: string } & RenderOptions = {},
) {
  const i18n = createI18n(locale, { fr: french });
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
    </I18nextProvider>,
    options,
  );
}
