import { useState } from 'react';
import { Button, Input, Modal, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';

const MIN = 2;

interface Props {
  /** resolves true once the server closed it */
  onClose: (reason: string) => Promise<boolean>;
  /** the page's shortcuts stay quiet while the dialog is open */
  onOpenChange: (open: boolean) => void;
}

/**
 * A manager ends the loop (结束回访): no more callbacks for this work order, which
 * is closed. The reason is recorded, so it is asked for.
 */
export function CloseLoopButton({ onClose, onOpenChange }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const tooShort = reason.trim().length < MIN;
  const show = (v: boolean) => {
    setOpen(v);
    onOpenChange(v);
    if (v) {
      setReason('');
      setTouched(false);
    }
  };
  const confirm = async () => {
    setTouched(true);
    if (tooShort) return;
    setBusy(true);
    const ok = await onClose(reason.trim());
    setBusy(false);
    if (ok) show(false);
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => show(true)} data-testid="close-loop">
        {t('callback.close')}
      </Button>
      <Modal
        open={open}
        title={t('callback.close.title')}
        okText={t('callback.close.confirm')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'close-loop-ok' }}
        cancelText={t('common.cancel')}
        onOk={() => void confirm()}
        onCancel={() => show(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('callback.close.hint')}</Typography.Paragraph>
        <Input.TextArea
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={500}
          showCount
          status={touched && tooShort ? 'error' : undefined}
          placeholder={t('callback.close.placeholder')}
          data-testid="close-loop-reason"
        />
        {touched && tooShort ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('callback.close.tooShort', { n: MIN })}</Typography.Text>
        ) : null}
      </Modal>
    </>
  );
}
