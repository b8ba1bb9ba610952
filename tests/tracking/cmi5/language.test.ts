import { describe, expect, it } from 'vitest';
import { learnerLanguage, readPreferencesWithin, rememberLanguagePick } from '../../../src/tracking/cmi5/language.ts';
import { parseLearnerPreferences, pickLanguage } from '../../../src/tracking/cmi5/launch.ts';

const LOCALES = ['en', 'fr'] as const;
const SESSION = 'session-1';

class MemoryStore {
  private map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const profile = (value: unknown) => ({ ok: true as const, value });

describe('the learner preferences profile (§11)', () => {
  it('keeps the learner\'s order and drops what is not a language tag', () => {
    expect(parseLearnerPreferences({ languagePreference: ' fr-CA ,en,<script>,*,de-DE-1996' }).languages).toEqual(['fr-CA', 'en', 'de-DE-1996']);
  });

  it('reads a hostile document as "no preference"', () => {
    for (const value of [null, 'fr', 42, ['fr'], { languagePreference: ['fr'] }, { languagePreference: { fr: 1 } }, { languagePreference: '' }]) {
      expect(parseLearnerPreferences(value).languages).toEqual([]);
    }
    // A flood of tags is cut to a bounded list.
    expect(parseLearnerPreferences({ languagePreference: Array(500).fill('de').join(',') }).languages).toHaveLength(20);
  });

  it('matches a regional tag to the course\'s language, exact matches first', () => {
    expect(pickLanguage(['fr-CA', 'en'], LOCALES)).toBe('fr');
    expect(pickLanguage(['de-DE', 'EN-gb', 'fr'], LOCALES)).toBe('en');
    expect(pickLanguage(['fr-CA'], ['en', 'fr', 'fr-CA'])).toBe('fr-CA');
    expect(pickLanguage(['frr', 'de'], LOCALES)).toBeNull();
  });
});

describe('the UI language of a cmi5 launch', () => {
  it('is the first of the learner\'s languages the player has', () => {
    expect(learnerLanguage(profile({ languagePreference: 'fr-CA,en' }), LOCALES, new MemoryStore(), SESSION)).toBe('fr');
    expect(learnerLanguage(profile({ languagePreference: 'de,en-US,fr' }), LOCALES, new MemoryStore(), SESSION)).toBe('en');
  });

  it('is left to the player when the profile is missing, withheld, failed, late or names no language it has', () => {
    const store = new MemoryStore();
    expect(learnerLanguage(profile(null), LOCALES, store, SESSION)).toBeNull(); // 404 or 403: the client answers null
    expect(learnerLanguage({ ok: false, kind: 'unavailable', status: 503, message: 'down' }, LOCALES, store, SESSION)).toBeNull();
    expect(learnerLanguage(null, LOCALES, store, SESSION)).toBeNull(); // not read in time
    expect(learnerLanguage(profile({ languagePreference: 'de-DE,ja' }), LOCALES, store, SESSION)).toBeNull();
    expect(learnerLanguage(profile({ languagePreference: 'fr' }), [], store, SESSION)).toBeNull();
  });

  it('gives way to a language the learner picked in the player for the rest of the AU session, not the next one', () => {
    const store = new MemoryStore();
    const prefs = profile({ languagePreference: 'fr-CA' });
    expect(learnerLanguage(prefs, LOCALES, store, SESSION)).toBe('fr');
    rememberLanguagePick(store, SESSION);
    expect(learnerLanguage(prefs, LOCALES, store, SESSION)).toBeNull(); // a reload of this launch
    expect(learnerLanguage(prefs, LOCALES, store, 'session-2')).toBe('fr'); // a new launch
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(() => rememberLanguagePick(broken, SESSION)).not.toThrow();
    expect(learnerLanguage(profile({ languagePreference: 'fr' }), LOCALES, broken, SESSION)).toBe('fr');
  });

  it('does not wait long for the profile', async () => {
    const never = new Promise<string>(() => undefined);
    expect(await readPreferencesWithin(never, 5)).toBeNull();
    expect(await readPreferencesWithin(Promise.resolve('prefs'), 1000)).toBe('prefs');
  });
});
