import { useState } from 'react';
import { Button, Input, Modal, Space } from 'antd';
import type { TicketStatus } from '@kefu/shared/ticket-status';
import type { Ticket, TicketUpdateBody } from '../../api/types.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';

interface Props {
  ticket: Ticket;
  disabled: boolean;
  onPatch: (body: TicketUpdateBody) => Promise<boolean>;
}

const NEEDS_RESOLUTION: TicketStatus[] = ['resolved', 'closed'];

function transitionLabel(from: TicketStatus, to: TicketStatus): MessageKey {
  if (to === 'open' && (from === 'resolved' || from === 'closed')) return 'transition.reopen';
  return `transition.${to}`;
}

/** One button per transition the server allows from the current status. */
export function StatusActions({ ticket, disabled, onPatch }: Props) {
  const t = useT();
  const [target, setTarget] = useState<TicketStatus | null>(null);
  const [resolution, setResolution] = useState('');
  const [busy, setBusy] = useState(false);

  const move = async (status: TicketStatus, text?: string) => {
    setBusy(true);
    const ok = await onPatch(text ? { status, resolution: text } : { status });
    setBusy(false);
    if (ok) setTarget(null);
  };

  return (
    <Space wrap>
      {ticket.allowedTransitions.map((to) => (
        <Button
          key={to}
          type={to === 'resolved' ? 'primary' : 'default'}
          danger={to === 'closed'}
          disabled={disabled}
          loading={busy && target === null}
          data-testid={`transition-${to}`}
          onClick={() => {
            if (NEEDS_RESOLUTION.includes(to)) {
              setResolution(ticket.resolution ?? '');
              setTarget(to);
            } else void move(to);
          }}
        >
          {t(transitionLabel(ticket.status, to))}
        </Button>
      ))}
      <Modal
        open={target !== null}
        title={target ? t(transitionLabel(ticket.status, target)) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ disabled: !resolution.trim(), 'data-testid': 'resolution-ok' }}
        onOk={() => target && void move(target, resolution.trim())}
        onCancel={() => setTarget(null)}
        destroyOnHidden
      >
        <Input.TextArea
          autoFocus
          rows={4}
          maxLength={2000}
          showCount
          placeholder={t('ticket.resolutionPlaceholder')}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          data-testid="resolution-input"
        />
      </Modal>
    </Space>
  );
}
