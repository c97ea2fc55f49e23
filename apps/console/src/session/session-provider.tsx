import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { api, setApiHandlers } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { computeAccess, type Access } from '../access.ts';
import { resetSharedData } from '../api/shared-data.ts';
import { useLocale, useT } from '../i18n/i18n-provider.tsx';
import { storedLocale, type Locale } from '../i18n/locale-store.ts';
import { clearUserDrafts } from './drafts.ts';

type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

interface SessionValue {
  state: SessionState;
  signIn: (me: Me) => void;
  signOut: () => Promise<void>;
  changeLocale: (l: Locale) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [, setLocale] = useLocale();
  const { message } = App.useApp();
  const t = useT();
  const stateRef = useRef(state);
  stateRef.current = state;
  const signedOutUser = useRef<string | null>(null);

  // One place for API errors: show the server's (already localized) message;
  // a lost session sends the user to the login page.
  useEffect(() => {
    setApiHandlers({
      onError: (err) => void message.error(err.message),
      onUnauthorized: (err) => {
        if (stateRef.current.status === 'signed-in') {
          void message.warning(t('error.sessionExpired'));
          setState({ status: 'anonymous' });
        } else {
          void message.error(err.message);
        }
      },
    });
  }, [message, t]);

  const signIn = useCallback(
    (me: Me) => {
      const chosen = storedLocale();
      if (!chosen) setLocale(me.locale);
      else if (chosen !== me.locale) void api.patch('/me', { locale: chosen }, { silent: true }).catch(() => {});
      setState({ status: 'signed-in', me: { ...me, locale: chosen ?? me.locale } });
    },
    [setLocale],
  );

  useEffect(() => {
    // a customer's survey link (/s/:token) is public: no session is looked for there
    if (window.location.pathname.startsWith('/s/')) {
      setState({ status: 'anonymous' });
      return;
    }
    // GET /session answers 200 {user: null} without a session: a fresh page logs no failed request
    api
      .get<{ user: Me | null }>('/session', undefined, { silent: true })
      .then(({ user }) => (user ? signIn(user) : setState({ status: 'anonymous' })))
      .catch(() => setState({ status: 'anonymous' }));
    // once, at start
  }, []);

  const signOut = useCallback(async () => {
    const current = stateRef.current;
    await api.post('/auth/logout', {}, { silent: true }).catch(() => {});
    // the next person at this desk must not find the caller's phone and address
    if (current.status === 'signed-in') {
      clearUserDrafts(current.me.id);
      signedOutUser.current = current.me.id;
    }
    resetSharedData();
    setState({ status: 'anonymous' });
  }, []);

  // once the signed-in screens are gone, clear again: a request that was still
  // running may have saved the draft once more in between
  useEffect(() => {
    if (state.status !== 'anonymous' || !signedOutUser.current) return;
    clearUserDrafts(signedOutUser.current);
    signedOutUser.current = null;
  }, [state]);

  const changeLocale = useCallback(
    (l: Locale) => {
      setLocale(l);
      if (stateRef.current.status === 'signed-in') void api.patch('/me', { locale: l }).catch(() => {});
    },
    [setLocale],
  );

  const value = useMemo(() => ({ state, signIn, signOut, changeLocale }), [state, signIn, signOut, changeLocale]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}

/** The signed-in user; only for pages rendered behind the login guard. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('not signed in');
  return state.me;
}

export function useAccess(): Access {
  const me = useMe();
  return useMemo(() => computeAccess(me.permissions), [me.permissions]);
}
