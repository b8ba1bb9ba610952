import { useSyncExternalStore } from 'react';

const never = () => () => undefined;

/**
 * True while the page is being rendered to HTML at build time, false in the browser. The app
 * replaces the pre-rendered page rather than hydrating it, so anything typed or chosen in that
 * HTML would be lost: controls that keep what the learner enters stay disabled in it.
 */
export function usePrerendering(): boolean {
  return useSyncExternalStore(
    never,
    () => false,
    () => true,
  );
}
