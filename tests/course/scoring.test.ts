import { describe, expect, it } from 'vitest';
import type { KnowledgeCheck, Question } from '../../src/content/types.ts';
import {
  attemptScore,
  checkScore,
  countedAttempt,
  courseScore,
  gradeCheck,
  gradeQuestion,
  isAnswered,
  meetsPassingScore,
  scorePercent,
  toAttemptResults,
  toValidAnswer,
  unansweredQuestionIds,
} from '../../src/course/scoring.ts';
import type { Answer, CheckAttempt } from '../../src/course/types.ts';
import { MAX_TEXT_ANSWER_LENGTH, normalizeText } from '../../src/questions/text/model.ts';
import { correctAnswers, partialMatching, quizQuestions, smallCourse, wrongAnswers } from './fixtures.ts';

const q = (id: string): Question => {
  const question = quizQuestions.find((x) => x.id === id);
  if (!question) throw new Error(id);
  return question;
};
const quiz = smallCourse().checks.quiz as KnowledgeCheck;

describe('normalizeText', () => {
  it.each([
    ['  Peer   Support ', 'peer support'],
    ['PEER\tSUPPORT\n', 'peer support'],
    ['peer’s support', "peer's support"],
    ['peer‘s support', "peer's support"],
    ['peerʼs', "peer's"],
    ['a\u00a0b', 'a b'],
    ['ＡＢＣ', 'abc'],
    ['', ''],
    ['   ', ''],
    // Trailing punctuation and surrounding quotes do not change the answer (issue 12).
    ['compassion.', 'compassion'],
    ['Compassion!', 'compassion'],
    ['"compassion"', 'compassion'],
    ['“Compassion.”', 'compassion'],
    ["'compassion'.", 'compassion'],
    ['  « compassion » ', 'compassion'],
    ["peers'", 'peers'],
    ['"', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('toValidAnswer', () => {
  it('accepts well-formed answers and returns clean copies', () => {
    for (const question of quizQuestions) {
      const answer = correctAnswers[question.id] as Answer;
      expect(toValidAnswer(question, { ...answer, extra: 1 })).toEqual(answer);
    }
    expect(toValidAnswer(q('q-matching'), partialMatching)).toEqual(partialMatching);
    expect(toValidAnswer(q('q-multiple'), { type: 'multiple', optionIds: [] })).toEqual({ type: 'multiple', optionIds: [] });
    expect(toValidAnswer(q('q-text'), { type: 'text', text: '' })).toEqual({ type: 'text', text: '' });
  });

  it.each<[string, unknown]>([
    ['q-single', null],
    ['q-single', 'b'],
    ['q-single', []],
    ['q-single', { type: 'yesno', value: 'yes' }],
    ['q-single', { type: 'single', optionId: 'z' }],
    ['q-single', { type: 'single', optionId: 3 }],
    ['q-multiple', { type: 'multiple', optionIds: 'a' }],
    ['q-multiple', { type: 'multiple', optionIds: ['a', 'a'] }],
    ['q-multiple', { type: 'multiple', optionIds: ['z'] }],
    ['q-multiple', { type: 'multiple', optionIds: [1] }],
    ['q-yesno', { type: 'yesno', value: 'maybe' }],
    ['q-text', { type: 'text', text: 42 }],
    ['q-text', { type: 'text', text: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) }],
    ['q-matching', { type: 'matching', pairs: [] }],
    ['q-matching', { type: 'matching', pairs: { p9: 't1' } }],
    ['q-matching', { type: 'matching', pairs: { p1: 't9' } }],
    ['q-matching', { type: 'matching', pairs: { p1: 1 } }],
  ])('rejects for %s: %j', (id, value) => {
    expect(toValidAnswer(q(id), value)).toBeNull();
  });
});

describe('isAnswered', () => {
  it('is true for complete answers', () => {
    for (const question of quizQuestions) expect(isAnswered(question, correctAnswers[question.id])).toBe(true);
  });
  it('is false for missing, mismatched, empty, blank or partial answers', () => {
    expect(isAnswered(q('q-single'), undefined)).toBe(false);
    expect(isAnswered(q('q-single'), { type: 'yesno', value: 'yes' })).toBe(false);
    expect(isAnswered(q('q-multiple'), { type: 'multiple', optionIds: [] })).toBe(false);
    expect(isAnswered(q('q-text'), { type: 'text', text: '  \t ' })).toBe(false);
    expect(isAnswered(q('q-matching'), partialMatching)).toBe(false);
    expect(isAnswered(q('q-matching'), { type: 'matching', pairs: {} })).toBe(false);
  });
  it('lists unanswered questions in order', () => {
    expect(unansweredQuestionIds(quiz, {})).toEqual(quizQuestions.map((x) => x.id));
    expect(unansweredQuestionIds(quiz, { ...correctAnswers, 'q-matching': partialMatching })).toEqual(['q-matching']);
    expect(unansweredQuestionIds(quiz, correctAnswers)).toEqual([]);
  });
});

describe('gradeQuestion', () => {
  it('grades every type right and wrong', () => {
    for (const question of quizQuestions) {
      const right = gradeQuestion(question, correctAnswers[question.id]);
      expect(right).toMatchObject({ questionId: question.id, correct: true, feedback: 'correct' });
      const wrong = gradeQuestion(question, wrongAnswers[question.id]);
      expect(wrong).toMatchObject({ correct: false, feedback: 'incorrect', reviewLessonId: question.reviewLessonId });
      expect(wrong.correctAnswer).toEqual(right.correctAnswer);
      expect(gradeQuestion(question, wrong.correctAnswer).correct).toBe(true);
    }
  });

  it('says which chosen options’ own feedback applies', () => {
    expect(gradeQuestion(q('q-single'), { type: 'single', optionId: 'a' }).chosenOptionIds).toEqual(['a']);
    const multiple = gradeQuestion(q('q-multiple'), { type: 'multiple', optionIds: ['b', 'a'] });
    expect(multiple.chosenOptionIds).toEqual(['b', 'a']);
    expect(multiple.missedOptionIds).toEqual(['c']);
    expect(multiple.wrongOptionIds).toEqual(['b']);
    expect(gradeQuestion(q('q-yesno'), { type: 'yesno', value: 'yes' }).chosenOptionIds).toEqual([]);
  });

  it('gives the answer to show after a wrong one, in the shape of an answer', () => {
    expect(gradeQuestion(q('q-single'), { type: 'single', optionId: 'a' }).correctAnswer).toEqual({ type: 'single', optionId: 'b' });
    expect(gradeQuestion(q('q-yesno'), undefined).correctAnswer).toEqual({ type: 'yesno', value: 'yes' });
    expect(gradeQuestion(q('q-text'), { type: 'text', text: 'x' }).correctAnswer).toEqual({ type: 'text', text: 'mutuality' });
    expect(gradeQuestion(q('q-matching'), undefined).correctAnswer).toEqual({ type: 'matching', pairs: { p1: 't1', p2: 't2' } });
  });

  it('needs exactly the correct options for multiple response', () => {
    const question = q('q-multiple');
    expect(gradeQuestion(question, { type: 'multiple', optionIds: ['a'] }).correct).toBe(false);
    expect(gradeQuestion(question, { type: 'multiple', optionIds: ['a', 'b', 'c'] }).correct).toBe(false);
    expect(gradeQuestion(question, { type: 'multiple', optionIds: [] }).correct).toBe(false);
    expect(gradeQuestion(question, { type: 'multiple', optionIds: ['c', 'a'] }).correct).toBe(true);
  });

  it('compares text ignoring case, spacing, apostrophe style, surrounding quotes and trailing punctuation', () => {
    const question = q('q-text');
    for (const text of ['mutuality', ' MUTUALITY', 'Mutuality  ', "peer's support", 'PEER’S    support', 'peer‘s support', 'mutuality!', 'mutuality.', '"Mutuality"', '“peer’s support.”']) {
      expect(gradeQuestion(question, { type: 'text', text }).correct, text).toBe(true);
    }
    for (const text of ['', '   ', 'mutual', '.', '"', 'mutual-ity', 'peers support']) {
      expect(gradeQuestion(question, { type: 'text', text }).correct, text).toBe(false);
    }
  });

  it('grades matching pair by pair', () => {
    const question = q('q-matching');
    expect(gradeQuestion(question, partialMatching)).toMatchObject({ correct: false, pairCorrect: { p1: true, p2: false } });
    expect(gradeQuestion(question, { type: 'matching', pairs: { p1: 't1', p2: 't1' } }).pairCorrect).toEqual({ p1: true, p2: false });
    expect(gradeQuestion(question, correctAnswers['q-matching']).pairCorrect).toEqual({ p1: true, p2: true });
  });

  it('treats a missing or mismatched answer as incorrect', () => {
    for (const question of quizQuestions) {
      expect(gradeQuestion(question, undefined).correct).toBe(false);
    }
    expect(gradeQuestion(q('q-single'), { type: 'yesno', value: 'yes' }).correct).toBe(false);
    expect(gradeQuestion(q('q-matching'), { type: 'text', text: 'x' }).pairCorrect).toEqual({ p1: false, p2: false });
  });

  it('never counts an empty matching question as correct', () => {
    const empty: Question = { ...q('q-matching'), type: 'matching', prompts: [], targets: [], correctPairs: {} } as Question;
    expect(gradeQuestion(empty, { type: 'matching', pairs: {} }).correct).toBe(false);
  });
});

describe('check and course scores', () => {
  const attempt = (answers: Record<string, Answer>, at = '2025-01-01T00:00:00.000Z'): CheckAttempt => ({
    submittedAt: at,
    results: toAttemptResults(quiz, gradeCheck(quiz, answers)),
  });
  const allRight = attempt(correctAnswers);
  const allWrong = attempt(wrongAnswers);
  const three = attempt({ ...correctAnswers, 'q-single': wrongAnswers['q-single'] as Answer, 'q-text': wrongAnswers['q-text'] as Answer });

  it('grades a whole check', () => {
    expect(gradeCheck(quiz, correctAnswers)).toMatchObject({ score: 5, max: 5 });
    expect(gradeCheck(quiz, {})).toMatchObject({ score: 0, max: 5 });
    expect(three.results['q-single']).toEqual({ fingerprint: 'fp-single', correct: false });
  });

  it('scores stored attempts against the questions as they are now', () => {
    expect(attemptScore(quiz, allRight)).toBe(5);
    expect(attemptScore(quiz, three)).toBe(3);
    const changed: KnowledgeCheck = {
      ...quiz,
      questions: quiz.questions.map((x) => (x.id === 'q-yesno' ? { ...x, fingerprint: 'fp-new' } : x)),
    };
    expect(attemptScore(changed, allRight)).toBe(4);
    expect(attemptScore(quiz, { submittedAt: '', results: {} })).toBe(0);
  });

  it('counts the best or the last attempt', () => {
    expect(countedAttempt(quiz, [], 'best')).toBeNull();
    expect(countedAttempt(quiz, [three, allRight, allWrong], 'best')).toEqual({ index: 1, score: 5 });
    expect(countedAttempt(quiz, [three, allRight, allWrong], 'last')).toEqual({ index: 2, score: 0 });
    // Ties go to the later attempt.
    expect(countedAttempt(quiz, [allRight, allRight], 'best')).toEqual({ index: 1, score: 5 });
    expect(checkScore(quiz, undefined, 'best')).toEqual({ score: 0, max: 5, attempts: 0, countedAttemptIndex: null });
    expect(checkScore(quiz, { status: 'submitted', answers: {}, attempts: [allWrong, three] }, 'best')).toEqual({
      score: 3,
      max: 5,
      attempts: 2,
      countedAttemptIndex: 1,
    });
  });

  it('computes the course percent rounded down, and the pass mark', () => {
    const course = smallCourse({ completion: { passingScore: 60 } });
    expect(courseScore(course, {})).toEqual({ score: 0, max: 5, percent: 0 });
    const checks = { quiz: { status: 'submitted' as const, answers: {}, attempts: [three] } };
    expect(courseScore(course, checks)).toEqual({ score: 3, max: 5, percent: 60 });
    expect(meetsPassingScore(course, checks)).toBe(true);
    expect(meetsPassingScore(smallCourse({ completion: { passingScore: 61 } }), checks)).toBe(false);
    expect(meetsPassingScore(smallCourse({ completion: { passingScore: undefined } }), checks)).toBeNull();
  });

  it('rounds percentages down and handles a course without questions', () => {
    expect(scorePercent(2, 3)).toBe(66);
    expect(scorePercent(1, 3)).toBe(33);
    expect(scorePercent(0, 0)).toBe(100);
    expect(scorePercent(7, 5)).toBe(100);
    expect(scorePercent(-1, 5)).toBe(0);
  });
});
