/** Matching at build time: its source schema and compile (equal sides, every prompt matched once). */
import { z } from 'zod';
import { id, option, questionBase } from '../../../pipeline/schema-parts.ts';
import type { QuestionBuild } from '../../build/build-kit.ts';

const schema = z.strictObject({
  ...questionBase,
  type: z.literal('matching').describe('Match each prompt to one target.'),
  prompts: z.array(option.omit({ feedback: true })).min(2).describe('Left column: items to place.'),
  targets: z.array(option.omit({ feedback: true })).min(2).describe('Right column: where they go.'),
  correct: z.record(id, id).describe('prompt id → target id'),
});

export const matching: QuestionBuild<'matching', typeof schema> = {
  schema,
  fingerprint: (source) => [source.type, source.prompts.map((p) => p.id), source.targets.map((t) => t.id), source.correct],
  compile(source, { base, report, uniqueIds, choices }) {
    const promptIds = uniqueIds(source.prompts, 'prompts');
    const targetIds = uniqueIds(source.targets, 'targets');
    if (source.prompts.length !== source.targets.length) {
      report(['targets'], 'matching-unequal-sides', `a matching question needs as many targets as prompts (found ${source.prompts.length} prompts and ${source.targets.length} targets)`);
    }
    for (const id of promptIds) {
      if (!(id in source.correct)) report(['correct'], 'no-correct-answer', `prompt "${id}" has no target in "correct"; add "${id}": "<target id>"`);
    }
    const usedTargets = new Set<string>();
    for (const [promptId, targetId] of Object.entries(source.correct)) {
      if (!promptIds.has(promptId)) report(['correct', promptId], 'answer-not-an-option', `"${promptId}" in "correct" is not one of the prompts`);
      if (!targetIds.has(targetId)) report(['correct', promptId], 'answer-not-an-option', `target "${targetId}" is not one of the targets`);
      if (usedTargets.has(targetId)) report(['correct', promptId], 'answer-not-an-option', `target "${targetId}" is matched twice; each target matches one prompt`);
      usedTargets.add(targetId);
    }
    return {
      ...base,
      type: 'matching',
      prompts: choices(source.prompts, 'prompts'),
      targets: choices(source.targets, 'targets'),
      correctPairs: source.correct,
    };
  },
};
