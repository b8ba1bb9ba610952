// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/types.ts';
import { isShown, prose, renderBlocks, text } from './blockTestUtils.tsx';

const notPeerSupport: Block = {
  type: 'flipcards',
  label: 'What peer support is not',
  cards: [
    {
      id: 'advocates',
      frontHtml: 'Peer support workers are more than <em>advocates</em>',
      frontText: 'Peer support workers are more than advocates',
      back: [prose('<p>Peers model self-reliance.</p>')],
    },
    {
      id: 'services',
      frontHtml: 'Peer support services are different',
      frontText: 'Peer support services are different',
      back: [prose('<p><strong>Peer support workers</strong> have lived experience.</p>')],
    },
  ],
};

function card(front: string) {
  return screen.getByRole('button', { name: front });
}

describe('flip cards', () => {
  it('shows a named list of cards, each a toggle button named by its front, with the instruction', () => {
    renderBlocks([notPeerSupport]);
    const list = screen.getByRole('list', { name: 'What peer support is not' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(text('Select each card to turn it over.')).toBeTruthy();
    const first = card('Peer support workers are more than advocates');
    expect(first.getAttribute('aria-pressed')).toBe('false');
    expect(isShown(text('Peers model self-reliance.'))).toBe(false);
  });

  it('turns a card over and back by pointer; its back is then readable', async () => {
    const { user } = renderBlocks([notPeerSupport]);
    const first = card('Peer support workers are more than advocates');
    await user.click(first);
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(isShown(text('Peers model self-reliance.'))).toBe(true);
    // The other card is untouched.
    expect(card('Peer support services are different').getAttribute('aria-pressed')).toBe('false');
    await user.click(first);
    expect(first.getAttribute('aria-pressed')).toBe('false');
    expect(isShown(text('Peers model self-reliance.'))).toBe(false);
  });

  it('turns with Enter and Space, and focus stays on the card', async () => {
    const { user } = renderBlocks([notPeerSupport]);
    await user.tab();
    const first = card('Peer support workers are more than advocates');
    expect(document.activeElement).toBe(first);
    await user.keyboard('{Enter}');
    expect(first.getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(first);
    await user.tab();
    const second = card('Peer support services are different');
    expect(document.activeElement).toBe(second);
    await user.keyboard(' ');
    expect(second.getAttribute('aria-pressed')).toBe('true');
    expect(isShown(text(/have lived experience/))).toBe(true);
    await user.keyboard(' ');
    expect(second.getAttribute('aria-pressed')).toBe('false');
  });

  it('the back follows its button in reading order', async () => {
    const { user } = renderBlocks([notPeerSupport]);
    const first = card('Peer support workers are more than advocates');
    await user.click(first);
    const back = text('Peers model self-reliance.');
    expect(first.compareDocumentPosition(back) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const second = card('Peer support services are different');
    expect(back.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('gives the instruction in French', () => {
    renderBlocks([notPeerSupport], { locale: 'fr' });
    expect(text('Sélectionnez chaque carte pour la retourner.')).toBeTruthy();
  });
});
