// @vitest-environment jsdom
/**
 * BlockList as a whole: every block type renders, and every lesson of the real course renders
 * with working links, unique ids and ARIA references that point at something.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, screen } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { StaticRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { BlockList } from '../../src/blocks/BlockList.tsx';
import type { Block, BlockType } from '../../src/content/types.ts';
import { createI18n, type UiLocale } from '../../src/i18n/i18n.ts';
import { compileContentFolder } from '../../src/pipeline/compile.ts';
import { renderWithProviders } from '../render.tsx';
import { isShown, prose } from './blockTestUtils.tsx';

/** One block of every type. A mapped type: adding a block type (its block.ts) breaks this until it has a sample. */
const samples: { [T in BlockType]: Extract<Block, { type: T }> } = {
  prose: prose('<p>Plain prose.</p>'),
  tabs: { type: 'tabs', label: 'Tabs label', panels: [{ id: 'a', title: 'Tab A', blocks: [prose('<p>In tab A.</p>')] }] },
  accordion: {
    type: 'accordion',
    label: 'Accordion label',
    panels: [{ id: 'a', title: 'Item A', blocks: [prose('<p>In item A.</p>')] }],
  },
  flipcards: { type: 'flipcards', label: 'Cards label', cards: [{ id: 'a', frontHtml: 'Card A', frontText: 'Card A', back: [prose('<p>Back A.</p>')] }] },
  reveal: { type: 'reveal', label: 'Reveal label', points: [{ id: 'a', title: 'Point A', blocks: [prose('<p>Point text.</p>')] }] },
  slides: { type: 'slides', label: 'Slides label', slides: [{ id: 'a', title: 'Slide A', blocks: [prose('<p>On slide A.</p>')] }] },
  quote: { type: 'quote', cite: 'Someone', blocks: [prose('<p>Quoted words.</p>')] },
  callout: { type: 'callout', tone: 'note', blocks: [prose('<p>Called out.</p>')] },
  compare: {
    type: 'compare',
    label: 'Compare label',
    rows: [{ id: 'a', title: 'Row A', sayHtml: 'Say this', avoidHtml: 'Not that', blocks: [] }],
  },
  table: { type: 'table', caption: 'Table caption', headHtml: ['H1', 'H2'], headText: ['H1', 'H2'], rowsHtml: [['A', 'B']], rowHeaders: false },
  chart: { type: 'chart', label: 'Chart label', unit: 'percent', items: [{ label: 'Item', value: 40 }], blocks: [] },
  footnotes: { type: 'footnotes', notes: [{ id: 'fn-1', label: '1', html: '<p>A source.</p>' }] },
};

/** Text each sample shows without any interaction. */
const visibleText: Record<BlockType, string> = {
  prose: 'Plain prose.',
  tabs: 'In tab A.',
  accordion: 'Item A',
  flipcards: 'Card A',
  reveal: 'Point A',
  slides: 'On slide A.',
  quote: 'Quoted words.',
  callout: 'Called out.',
  compare: 'Say this',
  table: 'Table caption',
  chart: 'Chart label',
  footnotes: 'A source.',
};

const root = path.resolve(import.meta.dirname, '../..');

describe('every block type', () => {
  it('has a sample here for each type declared in src/blocks/<type>/block.ts', () => {
    const folders = readdirSync(path.join(root, 'src/blocks'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    const declared = folders.flatMap((folder) => {
      const file = path.join(root, 'src/blocks', folder.name, 'block.ts');
      return existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(/type: '([a-z]+)'/g)].map((match) => match[1]) : [];
    });
    expect(declared.length).toBeGreaterThan(0);
    expect(Object.keys(samples).sort()).toEqual([...new Set(declared)].sort());
  });

  it.each(Object.keys(samples) as BlockType[])('renders %s', (type) => {
    renderWithProviders(<BlockList blocks={[samples[type]]} idPrefix="sample" />);
    expect(isShown(screen.getByText(visibleText[type]))).toBe(true);
  });
});

const content = compileContentFolder(path.join(root, 'content'));
const lessonIds = new Set(Object.values(content.courses).flatMap((course) => course.lessons.map((lesson) => lesson.id)));
const lessons = Object.entries(content.lessonBodies).flatMap(([contentLocale, bodies]) =>
  Object.values(bodies).map((body) => ({ contentLocale, body })),
);

function checkPage() {
  const ids = Array.from(document.querySelectorAll('[id]'), (element) => element.id);
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  for (const attribute of ['aria-controls', 'aria-labelledby', 'aria-describedby']) {
    for (const element of document.querySelectorAll(`[${attribute}]`)) {
      for (const id of element.getAttribute(attribute)!.split(/\s+/)) {
        expect(document.getElementById(id), `${attribute}="${id}"`).not.toBeNull();
      }
    }
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lesson]')) {
    const lessonId = link.getAttribute('data-lesson')!;
    expect(lessonIds.has(lessonId)).toBe(true);
    expect(link.getAttribute('href')).toBe(`/lesson/${lessonId}/`);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.footnote-ref')) {
    const target = document.getElementById(link.getAttribute('href')!.slice(1));
    expect(target?.closest('section')?.querySelector('h2')?.textContent).toMatch(/^(References|Références)$/);
  }
}

describe('the real course', () => {
  it('compiles without problems and has lessons', () => {
    expect(content.problems).toEqual([]);
    expect(lessons.length).toBeGreaterThan(20);
  });

  it.each(lessons.map(({ contentLocale, body }) => [`${contentLocale}/${body.id}`, body] as const))(
    'renders %s with working links, unique ids and valid ARIA references',
    (_name, body) => {
      for (const locale of ['en', 'fr'] as UiLocale[]) {
        renderWithProviders(<BlockList blocks={body.blocks} idPrefix={`l-${body.id}`} />, { locale });
        checkPage();
        cleanup();
      }
    },
  );

  it('renders the whole course on one page (e.g. for print) with unique ids', () => {
    renderWithProviders(
      <>
        {lessons.map(({ contentLocale, body }) => (
          <BlockList key={`${contentLocale}-${body.id}`} blocks={body.blocks} idPrefix={`l-${contentLocale}-${body.id}`} />
        ))}
      </>,
    );
    checkPage();
  });
});

describe('build-time prerendering', () => {
  const page = (blocks: Block[], id: string) => (
    <I18nextProvider i18n={createI18n('en')}>
      <StaticRouter location="/lesson/x">
        <BlockList blocks={blocks} idPrefix={id} />
      </StaticRouter>
    </I18nextProvider>
  );

  it('renders every lesson to HTML without a DOM, and the browser takes it over without mismatches', async () => {
    for (const { body } of lessons) {
      vi.stubGlobal('document', undefined);
      vi.stubGlobal('window', undefined);
      let html: string;
      try {
        html = renderToString(page(body.blocks, `l-${body.id}`));
      } finally {
        vi.unstubAllGlobals();
      }
      const container = document.createElement('div');
      container.innerHTML = html;
      document.body.append(container);
      const problems: unknown[] = [];
      const errors = vi.spyOn(console, 'error').mockImplementation((...args) => problems.push(args));
      let root: Root | undefined;
      await act(async () => {
        root = hydrateRoot(container, page(body.blocks, `l-${body.id}`), {
          onRecoverableError: (error) => problems.push(error),
        });
      });
      errors.mockRestore();
      expect(problems, body.id).toEqual([]);
      act(() => root?.unmount());
      container.remove();
    }
  });
});
