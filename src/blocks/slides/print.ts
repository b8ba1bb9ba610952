/** Printed: the slides one after another, numbered; read: label, then each slide's title and text. */
import { panelsPrintForm } from '../print/PrintPanels.tsx';

export const slidesPrint = panelsPrintForm<'slides'>((block) => block.slides, { numbered: true });
