/**
 * Where a lesson's Listen control goes. Nothing is shown (or downloaded) until the app runs in a
 * browser that has speech synthesis; the control itself is its own chunk (ReadAloud.tsx).
 */
import type { Block, CheckText } from '../../content/types.ts';
import { deferredComponent } from '../deferred-component.tsx';
import { useSpeechAvailable } from './speech-available.ts';

const LessonListen = deferredComponent(() => import('./ReadAloud.tsx').then((m) => m.LessonListen));

export function ListenSlot(props: { blocks: Block[]; checkId?: string; checkText?: CheckText }) {
  if (!useSpeechAvailable()) return null;
  return <LessonListen {...props} />;
}
