/** `::::accordion{label="…"}` with `:::item{title="…"}` panels; item titles are headings. */
import type { ContainerDirectiveSpec } from '../../pipeline/block-directive.ts';
import strings from './i18n/en.json' with { type: 'json' };

export const accordionDirective: ContainerDirectiveSpec<'accordion'> = {
  kind: 'container',
  child: 'item',
  childAttributes: ['title'],
  requiredChildAttributes: ['title'],
  instruction: strings.instruction,
  compile: ({ label, headingLevel, panels }) => ({ type: 'accordion', label, headingLevel, panels: panels() }),
};
