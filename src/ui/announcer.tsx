import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

const AnnounceContext = createContext<(message: string) => void>(() => {});

/** A polite live region for messages screen-reader users must hear (lesson complete, answers submitted). */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback((text: string) => {
    // Clear first so the same message twice is announced twice.
    setMessage('');
    clearTimeout(pending.current);
    pending.current = setTimeout(() => setMessage(text), 50);
  }, []);
  // A message still waiting when the page goes away is dropped, not set on an unmounted tree.
  useEffect(() => () => clearTimeout(pending.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" className="visually-hidden">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
