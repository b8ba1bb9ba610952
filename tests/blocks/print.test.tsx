// @vitest-environment jsdom
/**
 * The print forms of the blocks and the same order as text for read-aloud: everything a closed
 * tab, accordion item, point, slide or card holds is there, in order, with footnotes last.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintBlockList } from '../../src/blocks/print/PrintBlockList.tsx';
import { shiftHeadings } from '../../src/blocks/prose/print.tsx';
import { checkSpeech, htmlParagraphs, htmlToText, lessonSpeech, printOrder, type SpeechWords } from '../../src/blocks/print/print-order.ts';
import type { Block, CheckText, KnowledgeCheck } from '../../src/content/types.ts';
import { renderWithProviders } from '../render.tsx';

afterEach(cleanup);

const words: SpeechWords = { say: 'Say', avoid: 'Instead of', yes: 'Yes', no: 'No', percent: (v) => `${v}%` };
const prose = (html: string): Block => ({ type: 'prose', html });

const lesson: Block[] = [
  prose('<h2>Start</h2><p>Intro with a note.<sup><a href="#fn-1" class="footnote-ref">1</a></sup></p>'),
  { type: 'footnotes', notes: [{ id: 'fn-1', label: '1', html: '<p>The source &#x26; its date.</p>' }] },
  {
    type: 'tabs',
    label: 'Levels',
    panels: [
      { id: 'a', title: 'First tab', blocks: [prose('<p>Shown at first.</p>')] },
      { id: 'b', title: 'Second tab', blocks: [prose('<p>Hidden on screen.</p>')] },
    ],
  },
  {
    type: 'flipcards',
    label: 'Cards',
    cards: [{ id: 'c', frontHtml: '<strong>Front</strong>', frontText: 'Front', back: [prose('<p>Back of the card.</p>')] }],
  },
  { type: 'table', caption: 'Steps', headHtml: ['Step', 'Goal'], headText: ['Step', 'Goal'], rowsHtml: [['Inform', 'To <em>tell</em>']], rowHeaders: true },
  { type: 'chart', label: 'Ranked', unit: 'percent', items: [{ label: 'Authenticity', value: 30 }, { label: 'Other' }], blocks: [] },
];

describe('print order', () => {
  it('puts footnotes last and keeps the lesson indexes', () => {
    expect(printOrder(lesson).map((b) => b.index)).toEqual([0, 2, 3, 4, 5, 1]);
  });

  it('reads every panel and card, footnote numbers left out, in print order', () => {
    expect(lessonSpeech(lesson, words)).toEqual([
      { target: 'block:0', text: 'Start' },
      { target: 'block:0', text: 'Intro with a note.' },
      { target: 'block:2', text: 'Levels' },
      { target: 'block:2:panel:0', text: 'First tab' },
      { target: 'block:2:panel:0', text: 'Shown at first.' },
      { target: 'block:2:panel:1', text: 'Second tab' },
      { target: 'block:2:panel:1', text: 'Hidden on screen.' },
      { target: 'block:3', text: 'Cards' },
      { target: 'block:3', text: 'Front' },
      { target: 'block:3:panel:0', text: 'Back of the card.' },
      { target: 'block:4', text: 'Steps' },
      { target: 'block:4', text: 'Inform' },
      { target: 'block:4', text: 'Goal: To tell' },
      { target: 'block:5', text: 'Ranked' },
      { target: 'block:5', text: 'Authenticity: 30%' },
      { target: 'block:5', text: 'Other' },
      { target: 'block:1', text: 'The source & its date.' },
    ]);
  });

  it('reads a check’s prompts and choices, never its answers; Yes and No in the interface language', () => {
    const check: KnowledgeCheck = {
      id: 'k',
      lessonId: 'l',
      title: 'Check',
      questions: [
        { id: 'q1', fingerprint: 'x', reviewLessonId: 'l', type: 'yesno', correctAnswer: 'no' },
        { id: 'q2', fingerprint: 'y', reviewLessonId: 'l', type: 'text', acceptedAnswers: ['secret'] },
      ],
    };
    const text: CheckText = {
      checkId: 'k',
      questions: {
        q1: { promptHtml: 'Is it?', promptText: 'Is it?', correctFeedbackHtml: 'Right', incorrectFeedbackHtml: 'No' },
        q2: { promptHtml: 'Fill <em>in</em>', promptText: 'Fill in', correctFeedbackHtml: 'secret', incorrectFeedbackHtml: 'secret' },
      },
    };
    expect(checkSpeech(check, text, words)).toEqual([
      { target: 'question:q1', text: 'Is it?' },
      { target: 'question:q1', text: 'Yes', ui: true },
      { target: 'question:q1', text: 'No', ui: true },
      { target: 'question:q2', text: 'Fill in' },
    ]);
  });

  it('turns build-time HTML into text', () => {
    expect(htmlParagraphs('<ul>\n<li>One &#x26; two</li>\n<li>Three &quot;3&quot;</li>\n</ul>')).toEqual(['One & two', 'Three "3"']);
    expect(htmlToText('a&nbsp;<em>b</em>&#8212;c')).toBe('a b—c');
    expect(shiftHeadings('<h2 id="x">A</h2><h3>B</h3>')).toBe('<h4 id="x">A</h4><h5>B</h5>');
  });
});

describe('PrintBlockList', () => {
  it('shows every panel and card back, the chart as a table, and footnotes at the end', () => {
    const { container } = renderWithProviders(<PrintBlockList blocks={lesson} idPrefix="p" />);
    expect(container.querySelectorAll('[hidden]')).toHaveLength(0);
    expect(container.querySelectorAll('button')).toHaveLength(0);
    expect(screen.getByRole('heading', { name: 'Second tab' }).tagName).toBe('H4');
    expect(screen.getByText('Hidden on screen.')).toBeTruthy();
    expect(screen.getByText('Back of the card.')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Ranked' }).textContent).toContain('no figure given');
    expect(screen.getByRole('heading', { name: 'Start' }).tagName).toBe('H4');
    const order = [...container.querySelectorAll('.print-block')].map((el) => el.getAttribute('data-block'));
    expect(order).toEqual(['0', '2', '3', '4', '5', '1']);
  });
});
