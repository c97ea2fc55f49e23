import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Form, Input, Modal, Select, Typography } from 'antd';
import { CANNED_VARIABLES, unknownVariables, type CannedReply, type CannedVariables } from '@kefu/shared/knowledge-api';
import { api } from '../../api/client.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useAccess, useMe } from '../../session/session-provider.tsx';
import { useT } from '../../i18n/i18n-provider.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../components/server-error-alert.tsx';
import { VariableTextArea } from '../../components/variable-text-area.tsx';
import { cannedBody, cannedPatch, type CannedValuesForm } from './canned-body.ts';
import { FilledText } from './filled-text.tsx';

const SHARED = '__shared__';

interface Props {
  /** the reply being edited, {} for a new one, null: closed */
  editing: { reply?: CannedReply } | null;
  /** categories already used, offered while typing */
  categories: string[];
  /** sample values for the preview */
  sample: CannedVariables;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or change a canned reply: whose it is, its /shortcut, title, category and text with variables, previewed filled in. */
export function CannedForm({ editing, categories, sample, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const access = useAccess();
  const directory = useDirectory();
  const [form] = Form.useForm<Omit<CannedValuesForm, 'teamId'> & { teamId: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ServerError | null>(null);
  const body = Form.useWatch('body', form) ?? '';

  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.resetFields();
    const r = editing.reply;
    form.setFieldsValue(
      r
        ? { teamId: r.teamId ?? SHARED, shortcut: r.shortcut, title: r.title, category: r.category ?? undefined, body: r.body }
        : { teamId: access.kbPublish ? SHARED : (me.teamId ?? SHARED), shortcut: '', title: '', category: undefined, body: '' },
    );
  }, [editing, form, access.kbPublish, me.teamId]);

  // kb:publish: everyone's or any team's; an editor: their own team's
  const teamOptions = useMemo(() => {
    const teams = (directory?.teams ?? []).filter((x) => access.kbPublish || x.id === me.teamId);
    return [...(access.kbPublish ? [{ value: SHARED, label: t('canned.shared') }] : []), ...teams.map((x) => ({ value: x.id, label: x.name }))];
  }, [directory, access.kbPublish, me.teamId, t]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    const values: CannedValuesForm = { ...v, teamId: v.teamId === SHARED ? null : v.teamId };
    setSaving(true);
    setError(null);
    try {
      const silent = { silent: (e: { status: number }) => e.status !== 401 };
      if (editing.reply) await api.patch(`/canned-replies/${editing.reply.id}`, cannedPatch(editing.reply, values), silent);
      else await api.post('/canned-replies', cannedBody(values), silent);
      onSaved();
    } catch (e) {
      setError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };

  const unknown = unknownVariables(body);
  return (
    <Modal
      open={!!editing}
      title={editing?.reply ? t('canned.edit') : t('canned.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'canned-save' }}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
      forceRender
    >
      <ServerErrorAlert error={error} pathLabel={(p) => (p === 'body' ? t('canned.body') : p)} testId="canned-error" />
      <Form form={form} layout="vertical">
        <Form.Item name="teamId" label={t('canned.scope')} tooltip={t('canned.scopeHint')}>
          <Select options={teamOptions} data-testid="canned-team" />
        </Form.Item>
        <div className="kefu-canned-form-row">
          <Form.Item
            name="shortcut"
            label={t('canned.shortcut')}
            tooltip={t('canned.shortcutHint')}
            rules={[{ required: true, message: t('canned.shortcutRequired') }, { pattern: /^\/?[\p{L}\p{N}_-]{1,24}$/u, message: t('canned.shortcutRule') }]}
          >
            <Input prefix="/" maxLength={25} data-testid="canned-shortcut" />
          </Form.Item>
          <Form.Item name="title" label={t('canned.title')} rules={[{ required: true, whitespace: true, message: t('canned.titleRequired') }]}>
            <Input maxLength={64} data-testid="canned-title" />
          </Form.Item>
          <Form.Item name="category" label={t('canned.category')}>
            <AutoComplete options={categories.map((c) => ({ value: c }))} maxLength={32} allowClear filterOption />
          </Form.Item>
        </div>
        <Form.Item name="body" label={t('canned.body')} rules={[{ required: true, whitespace: true, message: t('canned.bodyRequired') }]}>
          <VariableTextArea
            rows={4}
            maxLength={2000}
            variables={CANNED_VARIABLES}
            label={t('canned.insertVar')}
            labelOf={(v) => t(`canned.var.${v as (typeof CANNED_VARIABLES)[number]}`)}
            testId="canned-body"
          />
        </Form.Item>
        {unknown.length ? (
          <Typography.Paragraph type="danger">{t('canned.unknownVars', { names: unknown.map((n) => `{${n}}`).join(' ') })}</Typography.Paragraph>
        ) : null}
        <div className="kefu-canned-preview" data-testid="canned-preview">
          <Typography.Text type="secondary">{t('canned.preview')}</Typography.Text>
          <div>{body ? <FilledText text={body} values={sample} /> : <Typography.Text type="secondary">—</Typography.Text>}</div>
        </div>
      </Form>
    </Modal>
  );
}
