/**
 * The "Listen" control (issue 16): play, pause, resume, stop and speed, reading the lesson's text
 * in the print edition's order (closed tabs, accordion items and flip cards included), derived
 * from the compiled content rather than the screen. The part being read gets the class
 * `read-aloud-current` (a closed tab, item, slide or card being read opens) and is kept in view (no smooth scrolling under reduced motion); focus never
 * moves: the play button keeps its place and only its words change. Reading stops when the
 * control unmounts (leaving the lesson) or the page is hidden away.
 *
 * Its own chunk, loaded only where `speechSynthesis` exists (ListenSlot).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { checkSpeech, lessonSpeech, type SpeechPart, type SpeechWords } from '../../blocks/print/print-order.ts';
import type { Block, CheckText, CompiledCourse, LessonBody } from '../../content/types.ts';
import { reveal } from '../../blocks/revealRequest.ts';
import { usePrintTranslation } from '../../i18n/print.ts';
import { useCourseRuntime } from '../../ui/course-context.tsx';
import { ReadAloudPlayer, type PlayerState, type SpokenPart } from './player.ts';
import { useSpeechAvailable } from './speech-available.ts';
import './read-aloud.css';

const RATES = [0.75, 1, 1.25, 1.5, 2];
export const CURRENT_CLASS = 'read-aloud-current';


function useSpeechWords(): { words: SpeechWords; contentLang: string; uiLang: string } {
  const { t, i18n } = usePrintTranslation();
  const { course } = useCourseRuntime();
  const contentLang = course.locale;
  return useMemo(() => {
    const percent = new Intl.NumberFormat(contentLang, { style: 'percent', maximumFractionDigits: 1 });
    return {
      words: {
        say: t('blocks.compare.say', { ns: 'translation' }),
        avoid: t('blocks.compare.avoid', { ns: 'translation' }),
        yes: t('check.yes', { ns: 'translation' }),
        no: t('check.no', { ns: 'translation' }),
        percent: (value: number) => percent.format(value / 100),
      },
      contentLang,
      uiLang: i18n.language,
    };
  }, [t, i18n.language, contentLang]);
}

const spoken = (parts: SpeechPart[], contentLang: string, uiLang: string, prefix = ''): SpokenPart[] =>
  parts.map((part) => ({ text: part.text, lang: part.ui ? uiLang : contentLang, target: prefix + part.target }));

/** On a lesson page: the lesson's blocks (and its check's questions), marked in the lesson's DOM. */
export function LessonListen({ blocks, checkId, checkText }: { blocks: Block[]; checkId?: string; checkText?: CheckText }) {
  const { t } = usePrintTranslation();
  const { course } = useCourseRuntime();
  const { words, contentLang, uiLang } = useSpeechWords();
  const check = checkId ? course.checks[checkId] : undefined;
  const parts = useMemo(
    () =>
      spoken(
        [...lessonSpeech(blocks, words), ...(check && checkText ? checkSpeech(check, checkText, words) : [])],
        contentLang,
        uiLang,
      ),
    [blocks, check, checkText, words, contentLang, uiLang],
  );
  const find = (root: Element, target: string): Element | null => {
    const article = root.closest('article') ?? root.ownerDocument.body;
    const [kind, id = '', , panel] = target.split(':');
    if (kind === 'block') {
      const block = article.querySelector('.blocks')?.children[Number(id)];
      if (!block || panel === undefined) return block ?? null;
      // The block's own panels, not those of blocks nested in them.
      const panels = [...block.querySelectorAll('.block-panel')].filter((p) => p.parentElement?.closest('.block') === block);
      return panels[Number(panel)] ?? block;
    }
    if (kind === 'question' && check) {
      return article.querySelectorAll('.kc-question')[check.questions.findIndex((q) => q.id === id)] ?? null;
    }
    return null;
  };
  return <ListenControl parts={parts} find={find} label={t('listen.lesson')} />;
}

/** On the print page: every lesson in order, its title first, marked in the edition. */
export function EditionListen(props: { course: CompiledCourse; bodies: ReadonlyMap<string, LessonBody> }) {
  return useSpeechAvailable() ? <EditionParts {...props} /> : null;
}

function EditionParts({ course, bodies }: { course: CompiledCourse; bodies: ReadonlyMap<string, LessonBody> }) {
  const { t } = usePrintTranslation();
  const { words, contentLang, uiLang } = useSpeechWords();
  const parts = useMemo(
    () =>
      course.lessons.flatMap((lesson) => {
        const body = bodies.get(lesson.id);
        if (!body) return [];
        const check = lesson.checkId ? course.checks[lesson.checkId] : undefined;
        return [
          { text: lesson.title, lang: contentLang, target: `${lesson.id}|` },
          ...spoken(
            [...lessonSpeech(body.blocks, words), ...(check && body.check ? checkSpeech(check, body.check, words) : [])],
            contentLang,
            uiLang,
            `${lesson.id}|`,
          ),
        ];
      }),
    [course, bodies, words, contentLang, uiLang],
  );
  const find = (root: Element, target: string): Element | null => {
    const [lessonId = '', part = ''] = target.split('|');
    const article = root.ownerDocument.getElementById(`print-lesson-${lessonId}`);
    if (!article || !part) return article;
    const [kind, id = ''] = part.split(':');
    const selector = kind === 'block' ? `[data-block="${id}"]` : `[data-question="${CSS.escape(id)}"]`;
    return article.querySelector(selector) ?? article;
  };
  return <ListenControl parts={parts} find={find} label={t('listen.edition')} />;
}

function ListenControl({ parts, find, label }: { parts: SpokenPart[]; find: (root: Element, target: string) => Element | null; label: string }) {
  const { t, i18n } = usePrintTranslation();
  const [state, setState] = useState<PlayerState>('idle');
  const [rate, setRate] = useState(1);
  const [announcement, setAnnouncement] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<ReadAloudPlayer | null>(null);
  const findRef = useRef(find);
  useEffect(() => {
    findRef.current = find;
  });
  const speedId = `${useId().replace(/:/g, '')}-speed`;

  // A new text (another language) needs a new player; the old one stops. Leaving stops too.
  useEffect(() => {
    let marked: Element | null = null;
    const mark = (target: string | null) => {
      marked?.classList.remove(CURRENT_CLASS);
      marked = target && rootRef.current ? findRef.current(rootRef.current, target) : null;
      if (!marked) return;
      // A closed tab, item, slide or card being read opens, unless the learner is working in that block.
      const block = marked.closest('.blocks > *') ?? marked;
      if (marked instanceof HTMLElement && marked.closest('[hidden]') && !block.contains(document.activeElement)) reveal(marked);
      marked.classList.add(CURRENT_CLASS);
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      marked.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
    };
    const player = new ReadAloudPlayer(window.speechSynthesis, parts, { state: setState, part: mark });
    playerRef.current = player;
    const stop = () => player.stop();
    window.addEventListener('pagehide', stop);
    return () => {
      window.removeEventListener('pagehide', stop);
      player.stop();
      if (playerRef.current === player) playerRef.current = null;
    };
  }, [parts]);

  const toggle = () => {
    const player = playerRef.current;
    if (!player) return;
    player.rate = rate;
    if (player.state === 'idle') player.play();
    else if (player.state === 'playing') player.pause();
    else player.resume();
    setAnnouncement(t(player.state === 'paused' ? 'listen.paused' : 'listen.playing'));
  };
  const stop = () => {
    const player = playerRef.current;
    if (!player || player.state === 'idle') return;
    player.stop();
    setAnnouncement(t('listen.stopped'));
  };
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });

  return (
    <div className="read-aloud no-print" role="group" aria-label={label} ref={rootRef}>
      <button type="button" className="button button--secondary read-aloud__play" onClick={toggle}>
        <span aria-hidden="true" className="read-aloud__icon">
          {state === 'playing' ? '❚❚' : '▶'}
        </span>{' '}
        {t(state === 'idle' ? 'listen.listen' : state === 'playing' ? 'listen.pause' : 'listen.resume')}
      </button>
      {/* Always operable (stopping while stopped does nothing), so it never changes under the pointer or focus. */}
      <button type="button" className="button button--secondary read-aloud__stop" onClick={stop}>
        <span aria-hidden="true" className="read-aloud__icon">
          ■
        </span>{' '}
        {t('listen.stop')}
      </button>
      <label className="read-aloud__speed" htmlFor={speedId}>
        {t('listen.speed')}{' '}
        <select
          id={speedId}
          value={rate}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            setRate(value);
            playerRef.current?.setRate(value);
          }}
        >
          {RATES.map((value) => (
            <option key={value} value={value}>
              {t('listen.rate', { rate: format.format(value) })}
            </option>
          ))}
        </select>
      </label>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </div>
  );
}
