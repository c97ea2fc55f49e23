import { useEffect, useState } from 'react';
import { Select, Tooltip } from 'antd';
import { CHAT_AGENT_STATUSES } from '@kefu/shared/conversations-api';
import { api } from '../../api/client.ts';
import type { ChatAgentState, ChatAgentStatus } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

const DOT: Record<ChatAgentStatus, string> = { online: '#52c41a', busy: '#faad14', away: '#bfbfbf', offline: '#d9d9d9' };

/** My chat status: only `online` receives chats from the team's queue, least loaded first up to my cap. */
export function ChatStatus() {
  const t = useT();
  const [state, setState] = useState<ChatAgentState | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    let live = true;
    api.get<ChatAgentState>('/chat-agents/me').then((s) => live && setState(s), () => {});
    return () => { live = false; };
  }, []);
  const change = async (status: ChatAgentStatus) => {
    setSaving(true);
    try {
      setState(await api.put<ChatAgentState>('/chat-agents/me', { status }));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Tooltip title={t('inbox.seat.hint', { max: state?.maxConcurrent ?? 5 })}>
      <Select<ChatAgentStatus>
        size="small"
        value={state?.status}
        loading={!state || saving}
        disabled={!state}
        onChange={(v) => void change(v)}
        aria-label={t('inbox.seat.label')}
        data-testid="chat-status"
        popupMatchSelectWidth={false}
        options={CHAT_AGENT_STATUSES.map((s) => ({
          value: s,
          label: (
            <span>
              <span className="kefu-seat-dot" style={{ background: DOT[s] }} />
              {t(`inbox.seat.${s}`)}
            </span>
          ),
        }))}
      />
    </Tooltip>
  );
}
