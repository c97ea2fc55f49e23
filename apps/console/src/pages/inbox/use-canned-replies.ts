import { useEffect, useState } from 'react';
import type { CannedReply } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';

/**
 * My team's and everyone's canned replies, most used first: loaded the first
 * time the picker opens in this conversation, then filtered as the agent types.
 */
export function useCannedReplies(wanted: boolean): { items: CannedReply[]; loading: boolean } {
  const [items, setItems] = useState<CannedReply[] | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!wanted || items !== null || loading) return;
    setLoading(true);
    api.get<{ items: CannedReply[] }>('/canned-replies', { limit: 200 }).then(
      (res) => setItems(res.items),
      () => setItems([]),
    ).finally(() => setLoading(false));
  }, [wanted, items, loading]);
  return { items: items ?? [], loading };
}
