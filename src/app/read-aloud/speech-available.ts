import { useSyncExternalStore } from 'react';

const never = () => () => undefined;
const hasSpeech = () => typeof window.speechSynthesis?.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function';

/** False while pre-rendering and where the browser has no speech synthesis. */
export function useSpeechAvailable(): boolean {
  return useSyncExternalStore(never, hasSpeech, () => false);
}
