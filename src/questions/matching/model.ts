/** Matching: each prompt (left column) to one target (right column). */
import { isRecord, type ChoiceRef, type QuestionBase, type QuestionModel } from '../kit.ts';

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** Items the learner places (left column). */
  prompts: ChoiceRef[];
  /** Targets they are matched to (right column), same count as prompts. */
  targets: ChoiceRef[];
  /** prompt id → target id */
  correctPairs: Record<string, string>;
}

/** May be partial while the learner is answering; answered when every prompt has a target. */
export interface MatchingAnswer {
  type: 'matching';
  pairs: Record<string, string>;
}

export const matching: QuestionModel<MatchingQuestion, MatchingAnswer> = {
  type: 'matching',
  toValidAnswer(question, { pairs }) {
    if (!isRecord(pairs)) return null;
    const prompts = new Set(question.prompts.map((p) => p.id));
    const targets = new Set(question.targets.map((t) => t.id));
    const clean: Record<string, string> = {};
    for (const [promptId, targetId] of Object.entries(pairs)) {
      if (!prompts.has(promptId) || typeof targetId !== 'string' || !targets.has(targetId)) return null;
      clean[promptId] = targetId;
    }
    return { type: 'matching', pairs: clean };
  },
  isAnswered: (question, answer) => question.prompts.every((p) => answer.pairs[p.id] !== undefined),
  correctAnswer: (question) => ({ type: 'matching', pairs: { ...question.correctPairs } }),
  grade(question, given) {
    const pairs = given?.pairs ?? {};
    const pairCorrect: Record<string, boolean> = {};
    for (const prompt of question.prompts) {
      pairCorrect[prompt.id] = pairs[prompt.id] !== undefined && pairs[prompt.id] === question.correctPairs[prompt.id];
    }
    return { correct: question.prompts.length > 0 && Object.values(pairCorrect).every(Boolean), chosenOptionIds: [], pairCorrect };
  },
  readAloud: (question) => [
    ...question.prompts.map((p) => ({ words: 'prompts' as const, id: p.id })),
    ...question.targets.map((t) => ({ words: 'targets' as const, id: t.id })),
  ],
};
