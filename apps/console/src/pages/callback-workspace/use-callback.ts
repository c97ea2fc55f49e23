import { useCallback, useState } from 'react';
import type { AttemptBody } from '@kefu/shared/callbacks';
import { api, ApiError } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import type { AttemptResponse, CallbackDetail, CallbackTask } from '../callbacks/callback-types.ts';

/** What the last recorded attempt did, shown above the form. */
export interface LastRecorded {
  result: string;
  followUp: string | null;
  status: string;
}

/**
 * One callback: loads everything the agent needs, records attempts and (for
 * managers) closes the loop. Every change reloads the detail, so the attempts,
 * the work order's status and the quiet-hours state are the server's.
 */
export function useCallbackTask(id: string) {
  const detail = useRequest(() => api.get<CallbackDetail>(`/callbacks/${id}`), [id]);
  const [saving, setSaving] = useState(false);
  const [last, setLast] = useState<LastRecorded | null>(null);
  /** the server refused because of the customer's rest time: the override must be offered */
  const [quietRefused, setQuietRefused] = useState(false);

  const record = useCallback(
    async (body: AttemptBody): Promise<AttemptResponse | null> => {
      setSaving(true);
      try {
        const res = await api.post<AttemptResponse>(`/callbacks/${id}/attempts`, body);
        setLast({ result: body.result, followUp: res.followUp, status: res.task.status });
        setQuietRefused(false);
        void detail.reload();
        return res;
      } catch (e) {
        // the API client has shown the message; make the way out visible
        if (e instanceof ApiError && e.code === 'QUIET_HOURS') {
          setQuietRefused(true);
          void detail.reload();
        }
        if (e instanceof ApiError && e.code === 'CALLBACK_NOT_OPEN') void detail.reload();
        return null;
      } finally {
        setSaving(false);
      }
    },
    [id, detail.reload],
  );

  const close = useCallback(
    async (reason: string): Promise<CallbackTask | null> => {
      try {
        const task = await api.post<CallbackTask>(`/callbacks/${id}/close`, { reason });
        void detail.reload();
        return task;
      } catch {
        return null;
      }
    },
    [id, detail.reload],
  );

  return { detail, saving, last, quietRefused, record, close };
}
