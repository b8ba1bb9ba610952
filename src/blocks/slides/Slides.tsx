/**
 * Slides (WAI-ARIA APG "Carousel", without auto-rotation): a region with
 * aria-roledescription="carousel", Previous/Next buttons before the slides, and a polite live
 * "Slide 2 of 9" status (role="status"). At the first/last slide the button that cannot move is aria-disabled
 * (not `disabled`, so the focus stays on it instead of falling back to the page). Each slide is a
 * group named by its visible title; the others stay in the DOM, hidden, so print shows them all.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlockScope, type BlockProps } from '../BlockScope.ts';
import { useRevealRequests } from '../revealRequest.ts';
import { BlockIntro } from '../BlockIntro.tsx';

export function Slides({ block, idPrefix }: BlockProps<'slides'>) {
  const { t } = useTranslation();
  const { renderBlocks } = useBlockScope();
  const [chosen, setChosen] = useState(0);
  const total = block.slides.length;
  const current = Math.min(chosen, total - 1);
  const rootRef = useRef<HTMLElement>(null);
  const labelId = `${idPrefix}-label`;
  const slidesId = `${idPrefix}-slides`;
  const slideId = (id: string) => `${idPrefix}-slide-${id}`;
  const titleId = (id: string) => `${idPrefix}-title-${id}`;
  useRevealRequests(rootRef, block.slides.map((slide) => slideId(slide.id)), setChosen);

  const atStart = current === 0;
  const atEnd = current === total - 1;

  const Heading = `h${block.headingLevel ?? 3}` as const;
  return (
    <section
      className="block slides"
      ref={rootRef}
      aria-roledescription={t('blocks.slides.carousel')}
      aria-labelledby={labelId}
    >
      <BlockIntro labelId={labelId} label={block.label} instruction={t('blocks.slides.instruction')} />
      <div className="slides-controls">
        <button
          type="button"
          className="slides-button slides-previous"
          aria-controls={slidesId}
          aria-disabled={atStart}
          onClick={() => !atStart && setChosen(current - 1)}
        >
          {t('blocks.slides.previous')}
        </button>
        <p className="slides-status" role="status">
          {t('blocks.slides.position', { current: current + 1, total })}
        </p>
        <button
          type="button"
          className="slides-button slides-next"
          aria-controls={slidesId}
          aria-disabled={atEnd}
          onClick={() => !atEnd && setChosen(current + 1)}
        >
          {t('blocks.slides.next')}
        </button>
      </div>
      <div className="slides-list" id={slidesId}>
        {block.slides.map((slide, index) => (
          <div
            key={slide.id}
            role="group"
            aria-roledescription={t('blocks.slides.slide')}
            aria-labelledby={titleId(slide.id)}
            className="block-panel slide"
            id={slideId(slide.id)}
            hidden={index !== current}
          >
            <Heading className="slide-title" id={titleId(slide.id)}>
              {slide.title}
            </Heading>
            {renderBlocks(slide.blocks, `${idPrefix}-${slide.id}`)}
          </div>
        ))}
      </div>
    </section>
  );
}
