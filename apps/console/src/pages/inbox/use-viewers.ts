import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ChatPush } from '../../api/types.ts';
import { useDocumentVisible } from '../../hooks/use-document-visible.ts';
import { useNow } from '../../hooks/use-now.ts';
import { useRealtime } from '../../notifications/notifications-provider.tsx';
import { markOpen } from '../../notifications/open-conversations.ts';
import { useMe } from '../../session/session-provider.tsx';
import { currentViewers, VIEWING_EVERY_MS, withViewer, type SeenViewer } from './live-model.ts';

/**
 * Says "I have this conversation open" while it is open and the tab is in
 * front (every 15 s, and "closed" when it closes), and answers the colleagues
 * who have it open too: those the server names when asked, and those the
 * console's socket announces as they come and go. Having it open also brings
 * its messages live (the server sends them to everyone looking).
 */
export function useViewers(conversationId: string): { id: string; name: string }[] {
  const me = useMe();
  const visible = useDocumentVisible();
  const [seen, setSeen] = useState<SeenViewer[]>([]);
  const now = useNow(5000);

  useEffect(() => markOpen(conversationId), [conversationId]);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    const look = () =>
      api.post<{ viewers: { id: string; name: string }[] }>(`/conversations/${conversationId}/viewing`, {}, { silent: true }).then(
        (r) => {
          if (!live) return;
          const at = Date.now();
          // the server's answer is the whole truth as of now: whoever it no longer names has gone
          setSeen(r.viewers.map((v) => ({ ...v, at })));
        },
        () => {},
      );
    void look();
    const timer = setInterval(look, VIEWING_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
      void api.del(`/conversations/${conversationId}/viewing`, { silent: true }).catch(() => {});
    };
  }, [conversationId, visible]);

  useRealtime('chat.viewers', (raw) => {
    const push = raw as unknown as Extract<ChatPush, { type: 'chat.viewers' }>;
    if (push.conversationId !== conversationId || !push.viewer) return;
    setSeen((list) => withViewer(list, push.viewer, Date.now(), push.left === true));
  });

  return currentViewers(seen, now, me.id);
}
