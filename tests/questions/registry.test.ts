/**
 * The question registries: every type has all its parts, and each type's suspend-data codec
 * gives back the answer it wrote, in today's format (saved progress in LMSs must still load).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, QuestionType } from '../../src/questions/models.ts';
import { lmsOf, lmsOfKind, questionLms } from '../../src/questions/lms.ts';
import { questionModels } from '../../src/questions/models.ts';
import { questionBuilds } from '../../src/questions/build/builds.ts';
import { questionViews } from '../../src/questions/view/views.ts';
import { printedQuestionOf } from '../../src/questions/view/print.ts';

const types = Object.keys(questionModels) as QuestionType[];

/** Text the format can hold: any Unicode scalar values (no lone surrogates). */
const anyText = fc.string({ unit: 'binary', maxLength: 30 });

const arbitraryAnswer: { [T in QuestionType]: fc.Arbitrary<Extract<Answer, { type: T }>> } = {
  single: fc.record({ type: fc.constant('single'), optionId: anyText }),
  multiple: fc.record({ type: fc.constant('multiple'), optionIds: fc.array(anyText.filter((id) => id !== ''), { maxLength: 6 }) }),
  yesno: fc.record({ type: fc.constant('yesno'), value: fc.constantFrom('yes', 'no') }),
  text: fc.record({ type: fc.constant('text'), text: anyText }),
  matching: fc.record({ type: fc.constant('matching'), pairs: fc.dictionary(anyText, anyText, { maxKeys: 6 }) }),
};

describe('question registries', () => {
  it('list the same five types: models, LMS sides, build parts, screen views and printed forms', () => {
    expect(types).toEqual(['single', 'multiple', 'yesno', 'text', 'matching']);
    expect(Object.keys(questionBuilds)).toEqual(types);
    expect(Object.keys(questionLms)).toEqual(types);
    expect(Object.keys(questionViews)).toEqual(types);
    for (const type of types) {
      expect(questionModels[type].type).toBe(type);
      expect(questionBuilds[type].schema.shape.type.value).toBe(type);
      expect(typeof printedQuestionOf(type).Form).toBe('function');
      expect(typeof printedQuestionOf(type).Key).toBe('function');
    }
  });

  it('give every type its own first characters in the suspend data', () => {
    const kinds = types.flatMap((type) => questionLms[type].codec.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const type of types) {
      for (const kind of questionLms[type].codec.kinds) expect(lmsOfKind(kind)).toBe(questionLms[type]);
    }
    expect(lmsOfKind('?')).toBeUndefined();
  });

  it('write answers exactly as the suspend-data format did before the registry', () => {
    const encode = (answer: Answer) => lmsOf(answer).codec.encode(answer, 2000);
    expect(encode({ type: 'single', optionId: 'a b|c' })).toBe('sa b%7Cc');
    expect(encode({ type: 'multiple', optionIds: ['a', 'é'] })).toBe('ma+%C3%A9');
    expect(encode({ type: 'multiple', optionIds: [] })).toBe('m');
    expect(encode({ type: 'yesno', value: 'yes' })).toBe('y');
    expect(encode({ type: 'yesno', value: 'no' })).toBe('n');
    expect(encode({ type: 'text', text: 'Peer, "support"' })).toBe('tPeer%2C %22support%22');
    expect(encode({ type: 'matching', pairs: { inform: 'goal-1', 'x*y': 'z' } })).toBe('xinform*goal-1+x%2Ay*z');
  });

  for (const type of types) {
    it(`round-trip any ${type} answer through its codec`, () => {
      fc.assert(
        fc.property(arbitraryAnswer[type], (answer) => {
          const { codec } = questionLms[type] as unknown as ReturnType<typeof lmsOf>;
          const encoded = codec.encode(answer, 2000);
          expect(encoded).toMatch(/^[A-Za-z0-9 \-_.?()/%*+]*$/);
          expect(lmsOfKind(encoded[0]!)).toBe(questionLms[type]);
          expect(codec.decode(encoded)).toEqual(answer);
        }),
      );
    });
  }

  it('shorten a text answer to the characters kept, never splitting one', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 10 }), (text, maxText) => {
        const { codec } = questionLms.text;
        expect(codec.textLength({ type: 'text', text })).toBe(Array.from(text).length);
        expect(codec.decode(codec.encode({ type: 'text', text }, maxText))).toEqual({ type: 'text', text: Array.from(text).slice(0, maxText).join('') });
      }),
    );
  });
});
