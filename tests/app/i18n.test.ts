import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../src/i18n/i18n.ts';

describe('choosing the interface language', () => {
  it('prefers the learner’s saved choice, then the browser language, then English', () => {
    const saved = { getItem: () => 'fr' };
    expect(detectLocale(saved, ['en-CA'])).toBe('fr');
    expect(detectLocale({ getItem: () => null }, ['fr-CA', 'en'])).toBe('fr');
    expect(detectLocale({ getItem: () => 'de' }, ['de-DE'])).toBe('en');
  });
  it('still works when storage throws (private browsing)', () => {
    const broken = { getItem: () => { throw new Error('denied'); } };
    expect(detectLocale(broken, ['fr'])).toBe('fr');
  });
});
