import { useSyncExternalStore, type ComponentType } from 'react';

/**
 * A component from its own chunk, drawn once its code is here and nothing until then (nor when the
 * chunk fails to load: the page around it still works, and the next mount tries again).
 *
 * Unlike `React.lazy` it never suspends. React holds back every Suspense reveal on the page for
 * 300 ms after it shows a fallback, even an empty one, so a lazy Listen control on the first
 * lesson delayed drawing the next lesson ahead after every page load.
 */
export function deferredComponent<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<void> | undefined;
  const listeners = new Set<() => void>();

  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    loading ??= load().then(
      (component) => {
        loaded = component;
        for (const notify of listeners) notify();
      },
      () => {
        loading = undefined;
      },
    );
    return () => listeners.delete(listener);
  };
  const current = () => loaded;
  const notYet = () => undefined;

  function Deferred(props: Props) {
    const Component = useSyncExternalStore(subscribe, current, notYet);
    return Component ? <Component {...props} /> : null;
  }
  return Deferred;
}
