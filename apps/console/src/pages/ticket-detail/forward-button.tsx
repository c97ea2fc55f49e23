import { useState } from 'react';
import { App, Button, Form, Modal, Segmented, Select, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { forwardBody } from '../../api/bodies.ts';
import type { Ticket } from '../../api/types.ts';
import { useDirectory, usePositions } from '../../api/shared-data.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';

interface Props {
  ticket: Ticket;
  onForwarded: (ticket: Ticket) => void;
}

/** 转交: to whoever holds a position (营销总监) or to a person, who is told at once. */
export function ForwardButton({ ticket, onForwarded }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const positions = usePositions();
  const directory = useDirectory();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'position' | 'user'>('position');
  const [target, setTarget] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const userName = (id: string) => directory?.users.find((u) => u.id === id)?.displayName ?? '?';

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const next = await api.post<Ticket>(`/tickets/${ticket.id}/forward`, forwardBody({ kind, target }));
      void message.success(t('forward.done', { name: next.assigneeName ?? '' }));
      setOpen(false);
      onForwarded(next);
    } catch {
      // reported by the API client
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        icon={<SendOutlined />}
        onClick={() => {
          setTarget(undefined);
          setOpen(true);
        }}
        data-testid="forward-open"
      >
        {t('forward.button')}
      </Button>
      <Modal
        open={open}
        title={t('forward.title', { number: ticket.number })}
        okText={t('forward.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !target, 'data-testid': 'forward-submit' }}
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('forward.hint')}</Typography.Paragraph>
        <Form layout="vertical" component={false}>
          <Form.Item style={{ marginBottom: 12 }}>
            <Segmented
              value={kind}
              onChange={(v) => {
                setKind(v as 'position' | 'user');
                setTarget(undefined);
              }}
              options={[
                { value: 'position', label: t('forward.toPosition') },
                { value: 'user', label: t('forward.toUser') },
              ]}
              data-testid="forward-kind"
            />
          </Form.Item>
          <Form.Item label={kind === 'position' ? t('forward.position') : t('forward.user')}>
            {kind === 'position' ? (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={target}
                onChange={setTarget}
                placeholder={t('form.selectPlaceholder')}
                options={(positions ?? []).map((p) => ({
                  value: p.key,
                  disabled: !p.holderIds.length,
                  label: `${locale === 'en-US' && p.nameEn ? p.nameEn : p.name} — ${p.holderIds.length ? p.holderIds.map(userName).join(t('rule.listSep')) : t('position.nobody')}`,
                }))}
                data-testid="forward-target"
              />
            ) : (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={target}
                onChange={setTarget}
                placeholder={t('form.selectPlaceholder')}
                options={(directory?.users ?? []).map((u) => ({ value: u.id, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName }))}
                data-testid="forward-target"
              />
            )}
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
