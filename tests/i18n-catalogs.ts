/** Every UI catalog, loaded eagerly for tests (the app loads non-English ones on demand). */
import blocksFr from '../src/blocks/i18n/fr.json';
import appFr from '../src/i18n/locales/fr.json';
import { english, type Catalog } from '../src/i18n/i18n.ts';

export const french = { ...appFr, blocks: blocksFr } as Catalog;
export const catalogs = { en: english, fr: french };
