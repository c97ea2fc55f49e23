import { useRef, useState } from 'react';
import { Button, Tooltip } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ATTACHMENT_TYPES } from '@kefu/shared/conversations-api';
import type { ConversationMessage } from '../../api/types.ts';
import { api, ApiError } from '../../api/client.ts';
import { translate } from '../../i18n/translate.ts';
import { currentLocale } from '../../i18n/locale-store.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';

interface Props {
  conversationId: string;
  onSent: (m: ConversationMessage) => void;
  onError: (e: ServerError | null) => void;
}

/**
 * The agent sends an image or a file to the visitor: the raw bytes go up
 * (POST /conversations/:id/attachments, the server's size and type limits
 * answer 413 / 415 in the agent's language), then a message carries it.
 */
export function AttachButton({ conversationId, onSent, onError }: Props) {
  const t = useT();
  const picker = useRef<HTMLInputElement>(null);
  const [sending, setSending] = useState<string | null>(null);

  const send = async (file: File) => {
    setSending(file.name);
    onError(null);
    try {
      const res = await fetch(`/api/v1/conversations/${conversationId}/attachments?name=${encodeURIComponent(file.name)}`, {
        method: 'POST', credentials: 'same-origin', body: file,
        headers: { 'Content-Type': file.type || 'application/octet-stream', Accept: 'application/json', 'Accept-Language': currentLocale() },
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? translate(currentLocale(), 'error.http', { status: res.status }));
      const m = await api.post<ConversationMessage>(`/conversations/${conversationId}/messages`, { body: '', attachmentIds: [body.id] }, { silent: true });
      onSent(m);
    } catch (e) {
      onError(serverErrorOf(e) ?? { message: translate(currentLocale(), 'error.network') });
    } finally {
      setSending(null);
    }
  };

  return (
    <>
      <input
        ref={picker}
        type="file"
        hidden
        accept={ATTACHMENT_TYPES.join(',')}
        data-testid="composer-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void send(file);
        }}
      />
      <Tooltip title={sending ? t('inbox.attach.sending', { name: sending }) : t('inbox.attach')}>
        <Button icon={<PaperClipOutlined />} aria-label={t('inbox.attach')} loading={!!sending} onClick={() => picker.current?.click()} data-testid="composer-attach" />
      </Tooltip>
    </>
  );
}
