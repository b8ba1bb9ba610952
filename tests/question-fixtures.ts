/**
 * Hand-written questions for tests, in the shape an editor thinks of them (words and answers
 * together), split the way the pipeline splits them: what scores (`Question`, in the course
 * outline) and what the learner reads (`CheckText`, in the check lesson's chunk).
 */
import type { CheckText, ChoiceText, Question, QuestionText } from '../src/content/types.ts';

export interface AuthoredChoice extends ChoiceText {
  id: string;
}

type Words = Omit<QuestionText, 'options' | 'prompts' | 'targets' | 'promptText'>;
type WithWords<Q> = Q extends Question
  ? Omit<Q, 'options' | 'prompts' | 'targets'> &
      Words &
      ('options' extends keyof Q ? { options: AuthoredChoice[] } : unknown) &
      ('prompts' extends keyof Q ? { prompts: AuthoredChoice[]; targets: AuthoredChoice[] } : unknown)
  : never;

/** A question with its words, as written in a test. */
export type AuthoredQuestion = WithWords<Question>;

const byId = (choices: AuthoredChoice[]): Record<string, ChoiceText> =>
  Object.fromEntries(choices.map(({ id, ...words }) => [id, words]));
const ids = (choices: AuthoredChoice[]) => choices.map(({ id }) => ({ id }));

/** Plain text of a test's simple HTML. */
const plain = (html: string) => html.replace(/<[^>]*>/g, '').trim();

export function splitQuestion(authored: AuthoredQuestion): { question: Question; text: QuestionText } {
  const { promptHtml, correctFeedbackHtml, incorrectFeedbackHtml, ...rest } = authored;
  const text: QuestionText = { promptHtml, promptText: plain(promptHtml), correctFeedbackHtml, incorrectFeedbackHtml };
  const question = { ...rest } as Record<string, unknown>;
  for (const key of ['options', 'prompts', 'targets'] as const) {
    const choices = (authored as Partial<Record<typeof key, AuthoredChoice[]>>)[key];
    if (choices) {
      text[key] = byId(choices);
      question[key] = ids(choices);
    }
  }
  return { question: question as unknown as Question, text };
}

/** Splits a check's questions into the course's `Question`s and the lesson's `CheckText`. */
export function splitQuestions(checkId: string, authored: AuthoredQuestion[]): { questions: Question[]; text: CheckText } {
  const parts = authored.map(splitQuestion);
  return {
    questions: parts.map((p) => p.question),
    text: { checkId, questions: Object.fromEntries(parts.map((p) => [p.question.id, p.text])) },
  };
}
