// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BlockList } from '../../src/blocks/BlockList.tsx';
import type { Block } from '../../src/content/types.ts';
import { renderWithProviders } from '../render.tsx';
import { prose, renderBlocks } from './blockTestUtils.tsx';

const ref = (n: number) => `<sup><a href="#fn-${n}" class="footnote-ref">${n}</a></sup>`;

const notes: Block = {
  type: 'footnotes',
  notes: [
    { id: 'fn-1', label: '1', html: '<p>Creamer et al (2012). <em>Guidelines</em>.</p>' },
    { id: 'fn-2', label: '2', html: '<p>Figley &#x26; Nash (2007).</p>' },
  ],
};
const lesson: Block[] = [
  prose(`<p>Connecting is essential.${ref(1)} It can help${ref(2)}</p><ul><li>Offer support${ref(2)}</li></ul>`),
  notes,
];

function note(text: RegExp) {
  return screen.getByText(text).closest('li')!;
}
const references = (name: string) => screen.getAllByRole('link', { name });

describe('footnotes', () => {
  it('is a References section with a level-2 heading and an ordered list of notes', () => {
    renderBlocks(lesson);
    const section = screen.getByRole('region', { name: 'References' });
    expect(within(section).getByRole('heading', { level: 2, name: 'References' })).toBeTruthy();
    const items = within(within(section).getByRole('list')).getAllByRole('listitem');
    expect(section.querySelector('ol')).toBeTruthy();
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Creamer et al (2012). Guidelines.'),
      expect.stringContaining('Figley & Nash (2007).'),
    ]);
    expect(items[0]?.id).toMatch(/fn-1$/);
  });

  it('each reference points at its note and is described as a reference', () => {
    renderBlocks(lesson);
    for (const [name, text] of [['1', /Creamer/], ['2', /Figley/]] as const) {
      for (const link of references(name)) {
        expect(link.getAttribute('href')).toBe(`#${note(text).id}`);
        expect(link.getAttribute('aria-describedby')).toBeTruthy();
        expect(document.getElementById(link.getAttribute('aria-describedby')!)?.textContent).toBe('References');
      }
    }
  });

  it('following a reference moves focus to the note; "back" returns to that same reference', async () => {
    const { user } = renderBlocks(lesson);
    const secondUse = references('2')[1]!;
    await user.click(secondUse);
    expect(document.activeElement).toBe(note(/Figley/));
    await user.click(within(note(/Figley/)).getByRole('link', { name: 'Back to reference 2 in the text' }));
    expect(document.activeElement).toBe(secondUse);
  });

  it('works from the keyboard', async () => {
    const { user } = renderBlocks(lesson);
    await user.tab();
    expect(document.activeElement).toBe(references('1')[0]);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(note(/Creamer/));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Back to reference 1 in the text' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(references('1')[0]);
  });

  it('"back" without a followed reference goes to the first one in the lesson', async () => {
    const { user } = renderBlocks(lesson);
    await user.click(screen.getByRole('link', { name: 'Back to reference 2 in the text' }));
    expect(document.activeElement).toBe(references('2')[0]);
  });

  it('"back" opens the slide that holds the reference', async () => {
    const withSlides: Block[] = [
      {
        type: 'slides',
        label: 'Barriers',
        slides: [
          { id: 'one', title: 'One', blocks: [prose('<p>First.</p>')] },
          { id: 'two', title: 'Two', blocks: [prose(`<p>Work plans answer questions.${ref(1)}</p>`)] },
        ],
      },
      { type: 'footnotes', notes: [notes.notes[0]!] },
    ];
    const { user } = renderBlocks(withSlides);
    expect(screen.getByRole('status').textContent).toBe('Slide 1 of 2');
    await user.click(screen.getByRole('link', { name: 'Back to reference 1 in the text' }));
    expect(screen.getByRole('status').textContent).toBe('Slide 2 of 2');
    expect(document.activeElement).toBe(screen.getByRole('link', { name: '1' }));
  });

  it('keeps two lessons on one page apart', async () => {
    const other: Block[] = [
      prose(`<p>Other lesson.${ref(1)}</p>`),
      { type: 'footnotes', notes: [{ id: 'fn-1', label: '1', html: '<p>Arnstein (1969).</p>' }] },
    ];
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <BlockList blocks={lesson} idPrefix="l-a" />
        <BlockList blocks={other} idPrefix="l-b" />
      </>,
    );
    const ids = Array.from(document.querySelectorAll('[id]'), (element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    const otherReference = screen.getAllByRole('link', { name: '1' }).at(-1)!;
    await user.click(otherReference);
    expect(document.activeElement).toBe(screen.getByText(/Arnstein/).closest('li'));
  });

  it('speaks French', () => {
    renderBlocks(lesson, { locale: 'fr' });
    expect(screen.getByRole('heading', { level: 2, name: 'Références' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Retour à l’appel de note 1 dans le texte' })).toBeTruthy();
  });
});
