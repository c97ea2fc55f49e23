import { useEffect, useMemo, useState } from 'react';
import { App, Button, Col, Drawer, Form, Input, Row, Space, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { useLocale, useT } from '../../../i18n/i18n-provider.tsx';
import { useMe } from '../../../session/session-provider.tsx';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { BranchPanels } from './branch-panels.tsx';
import { QuestionList } from './question-list.tsx';
import { SCRIPT_VARIABLES } from '@kefu/shared/callbacks';
import { emptyScript, fromScript, scriptErrorPath, scriptPatch, toScriptBody, type CallbackScript, type ScriptValues, type ScriptVariable } from './script-model.ts';
import { ScriptPreview, type SampleVars } from './script-preview.tsx';
import { VariableTextArea } from '../../../components/variable-text-area.tsx';

interface Props {
  /** null: closed; 'new': a new script; a script: edit it */
  target: CallbackScript | 'new' | null;
  onClose: () => void;
  onSaved: (script: CallbackScript) => void;
}

function SectionTitle({ title, hint }: { title: string; hint?: string }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 8 }}>
      {title}
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </Typography.Title>
  );
}

export function ScriptEditor({ target, onClose, onSaved }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScriptValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const editing = target && target !== 'new' ? target : null;
  const values = Form.useWatch((v: ScriptValues) => v, { form, preserve: true });

  // the signed-in manager stands in for the agent; the rest are samples
  const vars = useMemo<SampleVars>(
    () => ({
      customerName: t('cbScript.sample.customerName'),
      service: t('cbScript.sample.service'),
      date: new Date().toLocaleDateString(locale),
      agentName: me.displayName,
      jobNumber: me.jobNumber ?? '0000',
      company: t('cbScript.sample.company'),
    }),
    [t, locale, me],
  );

  useEffect(() => {
    if (!target) return;
    setServerError(null);
    form.resetFields();
    form.setFieldsValue(target === 'new' ? emptyScript() : fromScript(target));
  }, [target]);

  const save = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) return;
    const v = form.getFieldsValue(true) as ScriptValues;
    setSaving(true);
    setServerError(null);
    try {
      let saved: CallbackScript;
      if (editing) {
        const patch = scriptPatch(editing, v);
        if (!Object.keys(patch).length) {
          void message.info(t('cbScript.noChanges'));
          onClose();
          return;
        }
        saved = await api.patch<CallbackScript>(`/callback-scripts/${editing.id}`, patch, { silent: (e) => e.status !== 401 });
      } else {
        saved = await api.post<CallbackScript>('/callback-scripts', toScriptBody(v), { silent: (e) => e.status !== 401 });
      }
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setServerError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={!!target}
      size={1280}
      title={editing ? t('cbScript.editTitle', { name: editing.name }) : t('cbScript.newTitle')}
      onClose={onClose}
      forceRender
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="script-save">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="script-editor"
    >
      <ServerErrorAlert error={serverError} pathLabel={(p) => scriptErrorPath(p, t)} testId="script-server-error" />
      <Row gutter={20}>
        <Col span={15}>
          <Form form={form} layout="vertical" initialValues={emptyScript()}>
            <Form.Item name="name" label={t('cbScript.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 100 }]}>
              <Input data-testid="script-name" />
            </Form.Item>
            <Form.Item
              name="opening"
              label={t('cbScript.opening')}
              tooltip={t('cbScript.openingHint')}
              rules={[{ required: true, whitespace: true, message: t('cbScript.needOpening') }, { max: 1000 }]}
            >
              <VariableTextArea
                rows={4}
                maxLength={1000}
                testId="script-opening"
                variables={SCRIPT_VARIABLES}
                label={t('cbScript.insertVar')}
                labelOf={(v) => t(`cbScript.var.${v as ScriptVariable}`)}
              />
            </Form.Item>
            <SectionTitle title={t('cbScript.questions')} hint={t('cbScript.questionsHint')} />
            <QuestionList form={form} />
            <SectionTitle title={t('cbScript.branches')} />
            <BranchPanels />
          </Form>
        </Col>
        <Col span={9}>
          <div style={{ position: 'sticky', top: 0 }}>
            <ScriptPreview values={values} vars={vars} />
          </div>
        </Col>
      </Row>
    </Drawer>
  );
}
