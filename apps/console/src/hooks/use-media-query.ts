import { useCallback, useSyncExternalStore } from 'react';

// Below antd's `md` breakpoint the console lays out for phones: the sidebar
// becomes a drawer, tables give way to stacked rows. Read synchronously from
// matchMedia, so the first render already has the right layout (no flash of
// the desktop sidebar on a phone).
export const PHONE_QUERY = '(max-width: 767.98px)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', onChange);
      return () => mq.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}

export function usePhoneLayout(): boolean {
  return useMediaQuery(PHONE_QUERY);
}
