/** `::::tabs{label="…"}` with `:::tab{title="…"}` panels. */
import type { ContainerDirectiveSpec } from '../../pipeline/block-directive.ts';
import strings from './i18n/en.json' with { type: 'json' };

export const tabsDirective: ContainerDirectiveSpec<'tabs'> = {
  kind: 'container',
  child: 'tab',
  childAttributes: ['title'],
  requiredChildAttributes: ['title'],
  instruction: strings.instruction,
  compile: ({ label, panels }) => ({ type: 'tabs', label, panels: panels() }),
};
