import { useEffect, useState } from 'react';
import { Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import { api, ApiError } from '../../api/client.ts';
import { transferBody } from '../../api/bodies.ts';
import type { ConversationDetail } from '../../api/types.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';

interface Props {
  open: boolean;
  conversation: ConversationDetail;
  onClose: () => void;
  /** the conversation as it is now; null when it went out of the viewer's sight */
  onDone: (detail: ConversationDetail | null) => void;
}

type Kind = 'user' | 'team';

/** 转接: to a colleague, or back to a team's queue; the note is kept as an internal note for them. */
export function TransferDialog({ open, conversation, onClose, onDone }: Props) {
  const t = useT();
  const directory = useDirectory();
  const [kind, setKind] = useState<Kind>('user');
  const [target, setTarget] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ServerError | null>(null);
  useEffect(() => {
    if (!open) return;
    setKind('user');
    setTarget(undefined);
    setNote('');
    setError(null);
  }, [open]);

  const teamName = (id: string | null) => directory?.teams.find((x) => x.id === id)?.name;
  // the conversation's team first: the colleagues who work its queue
  const users = (directory?.users ?? [])
    .filter((u) => u.id !== conversation.assigneeId)
    .sort((a, b) => Number(b.teamId === conversation.teamId) - Number(a.teamId === conversation.teamId))
    .map((u) => {
      const team = teamName(u.teamId);
      const who = u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName;
      return { value: u.id, label: team ? `${who} · ${team}` : who };
    });
  const teams = (directory?.teams ?? []).map((x) => ({ value: x.id, label: x.name }));

  const submit = async () => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api.patch<ConversationDetail>(`/conversations/${conversation.id}`, transferBody({ kind, target, note }), { silent: (e) => e.status !== 401 });
      onDone(next);
    } catch (e) {
      // handed to someone outside the viewer's sight: the transfer stands, the answer is 403 and the conversation 404 now
      if (e instanceof ApiError && e.status === 403) {
        const gone = await api.get(`/conversations/${conversation.id}`, undefined, { silent: true }).then(() => false, (g) => g instanceof ApiError && g.status === 404);
        if (gone) {
          onDone(null);
          return;
        }
      }
      setError(serverErrorOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('inbox.transfer.title')}
      okText={t('inbox.transfer.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !target, 'data-testid': 'transfer-submit' }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ServerErrorAlert error={error} pathLabel={(path) => path} testId="transfer-error" />
      <Typography.Paragraph type="secondary">{t('inbox.transfer.hint')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Form.Item style={{ marginBottom: 12 }}>
          <Segmented<Kind>
            value={kind}
            onChange={(v) => {
              setKind(v);
              setTarget(undefined);
            }}
            options={[
              { value: 'user', label: t('inbox.transfer.toUser') },
              { value: 'team', label: t('inbox.transfer.toTeam') },
            ]}
            data-testid="transfer-kind"
          />
        </Form.Item>
        <Form.Item label={kind === 'user' ? t('inbox.transfer.user') : t('inbox.transfer.team')} required>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={target}
            onChange={setTarget}
            placeholder={t('form.selectPlaceholder')}
            options={kind === 'user' ? users : teams}
            data-testid="transfer-target"
          />
        </Form.Item>
        <Form.Item label={t('inbox.transfer.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('inbox.transfer.notePlaceholder')}
            data-testid="transfer-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
