import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { ChatPush, ConversationDetail, ConversationMessage } from '../../api/types.ts';
import { serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { useRealtime } from '../../notifications/notifications-provider.tsx';
import { useLiveRefresh } from '../../notifications/use-live-refresh.ts';
import { mergeMessages, TYPING_SHOWN_MS } from './inbox-model.ts';

const reportHere = { silent: (e: ApiError) => e.status !== 401 };

interface State {
  detail: ConversationDetail | null;
  messages: ConversationMessage[];
  moreBefore: boolean;
  loading: boolean;
  error: ServerError | null;
  /** 404: gone from the viewer's sight (transferred away) or never there */
  notFound: boolean;
}

const EMPTY: State = { detail: null, messages: [], moreBefore: false, loading: true, error: null, notFound: false };

/**
 * One open conversation: its detail and messages, kept live from the
 * console's socket — pushed messages appended (once, by id), a change
 * (chat.updated) loads it again, the visitor's typing shown for a few seconds.
 * Callers key the component by conversation id: a new one starts fresh.
 */
export function useConversation(id: string) {
  const [state, setState] = useState<State>(EMPTY);
  const [typingUntil, setTypingUntil] = useState(0);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const detail = await api.get<ConversationDetail>(`/conversations/${id}`, undefined, reportHere);
      if (mine !== seq.current) return;
      setState((s) => ({
        detail,
        // older pages loaded before stay; new ones come with the detail
        messages: mergeMessages(s.messages, detail.messages),
        moreBefore: s.messages.length && s.messages[0].id < (detail.messages[0]?.id ?? '') ? s.moreBefore : detail.moreBefore,
        loading: false,
        error: null,
        notFound: false,
      }));
    } catch (e) {
      if (mine !== seq.current) return;
      // gone from sight (transferred away): say so instead of showing what it was; other failures keep what is shown
      if ((e as ApiError).status === 404) setState({ ...EMPTY, loading: false, notFound: true });
      else setState((s) => ({ ...s, loading: false, error: serverErrorOf(e) }));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  useLiveRefresh('chat.updated', () => void load(), { gapMs: 800, accept: (m) => m.conversationId === id });

  useRealtime('chat.message', (raw) => {
    const push = raw as unknown as Extract<ChatPush, { type: 'chat.message' }>;
    if (push.conversationId !== id || !push.message) return;
    if (push.message.author === 'visitor') setTypingUntil(0);
    setState((s) => ({ ...s, messages: mergeMessages(s.messages, [push.message]) }));
  });

  useRealtime('chat.typing', (raw) => {
    const push = raw as unknown as Extract<ChatPush, { type: 'chat.typing' }>;
    if (push.conversationId === id && push.who === 'visitor') setTypingUntil(Date.now() + TYPING_SHOWN_MS);
  });

  useRealtime('chat.read', (raw) => {
    const push = raw as unknown as Extract<ChatPush, { type: 'chat.read' }>;
    if (push.conversationId !== id || push.by !== 'visitor') return;
    setState((s) => (s.detail ? { ...s, detail: { ...s.detail, visitorReadAt: push.at } } : s));
  });

  // the typing sign goes away on its own a few seconds after the last one
  const typing = typingUntil > Date.now();
  useEffect(() => {
    if (!typingUntil) return;
    const timer = setTimeout(() => setTypingUntil(0), Math.max(0, typingUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [typingUntil]);

  const loadOlder = useCallback(async () => {
    const first = state.messages[0];
    if (!first) return;
    try {
      const page = await api.get<{ items: ConversationMessage[]; moreBefore: boolean }>(`/conversations/${id}/messages`, { before: first.id });
      setState((s) => ({ ...s, messages: mergeMessages(s.messages, page.items), moreBefore: page.moreBefore }));
    } catch {
      // reported by the API client
    }
  }, [id, state.messages]);

  /** an answer of the API (a change, a sent message) shown at once */
  const applyDetail = useCallback((detail: ConversationDetail) => {
    seq.current++;
    setState((s) => ({ ...s, detail, messages: mergeMessages(s.messages, detail.messages), loading: false, error: null, notFound: false }));
  }, []);
  const addMessage = useCallback((m: ConversationMessage) => {
    setState((s) => ({ ...s, messages: mergeMessages(s.messages, [m]) }));
  }, []);

  return { ...state, typing, reload: load, loadOlder, applyDetail, addMessage };
}
