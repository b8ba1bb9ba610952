/** Every UI catalog, loaded eagerly for tests (the app loads non-English ones on demand, the same way). */
import { catalogFor, english } from '../src/i18n/i18n.ts';

export const french = await catalogFor('fr');
export const catalogs = { en: english, fr: french };
