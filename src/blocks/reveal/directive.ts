/** `::::reveal{label="…"}` with `:::point{title="…"}`; a point may be a title alone. */
import type { ContainerDirectiveSpec } from '../../pipeline/block-directive.ts';
import strings from './i18n/en.json' with { type: 'json' };

export const revealDirective: ContainerDirectiveSpec<'reveal'> = {
  kind: 'container',
  child: 'point',
  childAttributes: ['title'],
  requiredChildAttributes: ['title'],
  instruction: strings.instruction,
  emptyChildren: 'allowed',
  compile: ({ label, panels }) => ({ type: 'reveal', label, points: panels() }),
};
