/** Printed: each tab a headed section, all open; read: label, then each tab's title and text. */
import { panelsPrintForm } from '../print/PrintPanels.tsx';

export const tabsPrint = panelsPrintForm<'tabs'>((block) => block.panels);
