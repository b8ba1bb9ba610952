/**
 * Where a lesson's Listen control goes. Nothing is shown (or downloaded) until the app runs in a
 * browser that has speech synthesis; the control itself is its own chunk (ReadAloud.tsx).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Block, CheckText } from '../../content/types.ts';

const LessonListen = lazy(() => import('./ReadAloud.tsx').then((m) => ({ default: m.LessonListen })));

export function ListenSlot(props: { blocks: Block[]; checkId?: string; checkText?: CheckText }) {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    setAvailable(typeof window.speechSynthesis?.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function');
  }, []);
  if (!available) return null;
  return (
    <Suspense fallback={null}>
      <LessonListen {...props} />
    </Suspense>
  );
}
