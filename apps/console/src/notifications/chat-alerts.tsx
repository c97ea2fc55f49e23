import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import type { ChatPush, ConversationDetail } from '../api/types.ts';
import { useT } from '../i18n/i18n-provider.tsx';
import { useMe } from '../session/session-provider.tsx';
import { useRealtime } from './notifications-provider.tsx';
import { alertPlan, alertPrefsKey, readAlertPrefs, type AlertPrefs, type DesktopPermission } from './chat-alerts-model.ts';
import { playChime, unlockChime } from './chime.ts';
import { isOpenHere } from './open-conversations.ts';

// ---- the user's choices, shared by the listener and the inbox's toggle ----
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; prefs: AlertPrefs }>();

function prefsOf(userId: string): AlertPrefs {
  const raw = localStorage.getItem(alertPrefsKey(userId));
  const hit = cache.get(userId);
  if (hit && hit.raw === raw) return hit.prefs;
  const prefs = readAlertPrefs(raw);
  cache.set(userId, { raw, prefs });
  return prefs;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

/** Desktop notice and sound for chats offered to me, as chosen in this browser. */
export function useAlertPrefs(): [AlertPrefs, (next: AlertPrefs) => void] {
  const me = useMe();
  const prefs = useSyncExternalStore(subscribe, () => prefsOf(me.id));
  const set = useCallback(
    (next: AlertPrefs) => {
      localStorage.setItem(alertPrefsKey(me.id), JSON.stringify(next));
      listeners.forEach((l) => l());
    },
    [me.id],
  );
  return [prefs, set];
}

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

const focused = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Listens for chats offered to me (chat.assigned: the distributor, a
 * transfer) and for internal notes left for me (a supervisor's whisper), and
 * tells me — a system notice when the console is behind other windows, a
 * notice inside it otherwise, a chime if I asked for one; nothing while I am
 * looking at that conversation. Mounted once for users of the inbox.
 */
export function ChatAlerts() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const [prefs] = useAlertPrefs();
  /** conversations just offered: their transfer note needs no second notice */
  const offered = useRef(new Map<string, number>());

  // audio may start only after a gesture: the first click of each page load unlocks the chime
  useEffect(() => {
    if (!prefs.sound) return;
    const unlock = () => unlockChime();
    document.addEventListener('pointerdown', unlock, { once: true });
    return () => document.removeEventListener('pointerdown', unlock);
  }, [prefs.sound]);

  const open = useCallback((id: string) => navigate(`/inbox?c=${id}`), [navigate]);

  const offer = async (conversationId: string) => {
    offered.current.set(conversationId, Date.now());
    const plan = alertPlan({ openHere: isOpenHere(conversationId), focused: focused(), prefs: prefsOf(me.id), permission: desktopPermission() });
    if (!plan.desktop && !plan.inApp && !plan.sound) return;
    if (plan.sound) playChime();
    const d = await api.get<ConversationDetail>(`/conversations/${conversationId}`, undefined, { silent: true }).catch(() => null);
    const name = d?.visitorName ?? d?.customer?.name ?? t('inbox.anonymous');
    const title = t('inbox.alerts.assignedTitle', { name });
    const body = t('inbox.alerts.assignedBody', { preview: d?.lastMessagePreview ?? '' });
    if (plan.desktop) {
      const n = new Notification(title, { body, tag: `kefu-chat-${conversationId}` });
      n.onclick = () => {
        window.focus();
        open(conversationId);
        n.close();
      };
    } else if (plan.inApp) {
      notification.info({
        key: `chat-${conversationId}`, title, description: body, placement: 'topRight', duration: 8,
        actions: (
          <Button type="primary" size="small" onClick={() => { notification.destroy(`chat-${conversationId}`); open(conversationId); }} data-testid="chat-alert-open">
            {t('inbox.alerts.open')}
          </Button>
        ),
      });
    }
  };

  useRealtime('chat.assigned', (raw) => {
    const push = raw as unknown as Extract<ChatPush, { type: 'chat.assigned' }>;
    if (push.conversationId) void offer(push.conversationId);
  });

  useRealtime('chat.message', (raw) => {
    const push = raw as unknown as Extract<ChatPush, { type: 'chat.message' }>;
    const m = push.message;
    if (!m?.internal || m.author !== 'agent' || !m.authorId || m.authorId === me.id) return;
    if (Date.now() - (offered.current.get(push.conversationId) ?? 0) < 5000) return;
    // pushed about a conversation not open here: I am its assignee (watchers and colleagues have it open)
    if (isOpenHere(push.conversationId)) return;
    const key = `note-${m.id}`;
    notification.info({
      key, title: t('inbox.alerts.noteTitle', { name: m.authorName ?? '' }), description: m.body, placement: 'topRight', duration: 10,
      actions: (
        <Button size="small" onClick={() => { notification.destroy(key); open(push.conversationId); }}>
          {t('inbox.alerts.open')}
        </Button>
      ),
    });
  });

  return null;
}
