/** `::::slides{label="…"}` with `:::slide{title="…"}`; slide titles are headings. */
import type { ContainerDirectiveSpec } from '../../pipeline/block-directive.ts';
import strings from './i18n/en.json' with { type: 'json' };

export const slidesDirective: ContainerDirectiveSpec<'slides'> = {
  kind: 'container',
  child: 'slide',
  childAttributes: ['title'],
  requiredChildAttributes: ['title'],
  instruction: strings.instruction,
  compile: ({ label, headingLevel, panels }) => ({ type: 'slides', label, headingLevel, slides: panels() }),
};
