import { useEffect, useRef } from 'react';

export type HotkeyHandler = (e: KeyboardEvent) => boolean | void;

/**
 * Listens on window in the capture phase, so shortcuts work while an input
 * has focus. A handler returns true when it handled the key.
 */
export function useHotkeys(handler: HotkeyHandler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return; // IME is composing Chinese text
      if (ref.current(e)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
