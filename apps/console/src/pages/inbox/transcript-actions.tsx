import { useState } from 'react';
import { App, Button } from 'antd';
import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { serverErrorOf } from '../../components/server-error-alert.tsx';

/** 导出 PDF: the transcript as the customer saw it, for a dispute or a review (QA-02). */
export function TranscriptPdfButton({ conversationId }: { conversationId: string }) {
  const t = useT();
  return (
    <Button
      size="small"
      icon={<FilePdfOutlined />}
      href={`/api/v1/conversations/${conversationId}/transcript?format=pdf`}
      download
      data-testid="conversation-transcript-pdf"
    >
      {t('inbox.transcript.pdf')}
    </Button>
  );
}

/**
 * 保存为工单证据 (AUD-06): the chat kept on the work order just made from it —
 * a note with the transcript and its PDF, for whoever handles the work order.
 */
export function KeepAsEvidenceButton({ conversationId, ticketId }: { conversationId: string; ticketId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const keep = async () => {
    setState('saving');
    try {
      await api.post(`/conversations/${conversationId}/evidence`, { ticketId }, { silent: true });
      setState('saved');
      void message.success(t('inbox.transcript.kept'));
    } catch (e) {
      setState('idle');
      void message.error(serverErrorOf(e)?.message ?? t('error.network'));
    }
  };
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={state === 'saving'} disabled={state === 'saved'} onClick={() => void keep()} data-testid="ticket-dialog-evidence">
      {state === 'saved' ? t('inbox.transcript.kept') : t('inbox.transcript.keep')}
    </Button>
  );
}
