/** Printed: each item a headed section, all open; read: label, then each item's title and text. */
import { panelsPrintForm } from '../print/PrintPanels.tsx';

export const accordionPrint = panelsPrintForm<'accordion'>((block) => block.panels);
