import { useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { CALLBACK_CHANNELS, CALLBACK_TYPES } from '@kefu/shared/callbacks';
import { api } from '../../../api/client.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { ConditionList } from '../rules/condition-builder.tsx';
import { emptyPolicy, fromPolicy, policyPatch, toPolicyBody, type CallbackPolicy, type PolicyValues } from './policy-model.ts';
import { policyErrorPath, policyInWords } from './policy-words.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { StepsEditor } from './steps-editor.tsx';
import type { PolicyLookups } from './use-policy-lookups.ts';

interface Props {
  /** null: closed; 'new': a new policy; a policy: edit it */
  target: CallbackPolicy | 'new' | null;
  lookups: PolicyLookups;
  onClose: () => void;
  onSaved: (policy: CallbackPolicy) => void;
}

const ASSIGNEE_MODES = ['resolver', 'creator', 'team'] as const;
/** The kinds the editor makes; a campaign is started from the campaigns page. */
const EDITABLE_KINDS = ['event', 'schedule'] as const;

function SectionTitle({ title, hint, first }: { title: string; hint?: string; first?: boolean }) {
  return (
    <Typography.Title level={5} style={{ marginTop: first ? 0 : 20 }}>
      {title}
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </Typography.Title>
  );
}

export function PolicyEditor({ target, lookups, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const editing = target && target !== 'new' ? target : null;
  const { fields, anchors, teams, calendars, scripts, words } = lookups;
  // every value, also of fields not shown (the team while another mode is chosen)
  const values = Form.useWatch((v: PolicyValues) => v, { form, preserve: true });
  const assigneeMode = Form.useWatch('assigneeMode', form);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!target) return;
    setServerError(null);
    form.resetFields();
    form.setFieldsValue(target === 'new' ? emptyPolicy(t('cbPolicy.defaultStepLabel')) : fromPolicy(target));
  }, [target]);

  // the live "in words" line at the foot of the drawer
  const sentence = useMemo(() => {
    if (!values?.steps) return '';
    try {
      return policyInWords(toPolicyBody(values, fields), words);
    } catch {
      return '';
    }
  }, [values, fields, words]);

  const save = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) return;
    const v = form.getFieldsValue(true) as PolicyValues;
    setSaving(true);
    setServerError(null);
    try {
      let saved: CallbackPolicy;
      if (editing) {
        const patch = policyPatch(editing, v, fields);
        if (!Object.keys(patch).length) {
          void message.info(t('cbPolicy.noChanges'));
          onClose();
          return;
        }
        saved = await api.patch<CallbackPolicy>(`/callback-policies/${editing.id}`, patch, { silent: (e) => e.status !== 401 });
      } else {
        saved = await api.post<CallbackPolicy>('/callback-policies', toPolicyBody(v, fields), { silent: (e) => e.status !== 401 });
      }
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setServerError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };

  const kindOptions = [...EDITABLE_KINDS, ...(editing && !(EDITABLE_KINDS as readonly string[]).includes(editing.kind) ? [editing.kind] : [])];
  return (
    <Drawer
      open={!!target}
      size={960}
      title={editing ? t('cbPolicy.editTitle', { name: editing.name }) : t('cbPolicy.newTitle')}
      onClose={onClose}
      forceRender
      footer={
        <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
          <Typography.Paragraph style={{ flex: 1, margin: 0 }} data-testid="policy-in-words">
            <Typography.Text type="secondary">{t('cbPolicy.inWords')}: </Typography.Text>
            {sentence}
          </Typography.Paragraph>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void save()} data-testid="policy-save">
              {t('common.save')}
            </Button>
          </Space>
        </div>
      }
      data-testid="policy-editor"
    >
      <ServerErrorAlert error={serverError} pathLabel={(p) => policyErrorPath(p, t)} testId="policy-server-error" />
      <Form form={form} layout="vertical" initialValues={emptyPolicy(t('cbPolicy.defaultStepLabel'))}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('cbPolicy.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 100 }]}>
              <Input data-testid="policy-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="callbackType" label={t('cbPolicy.callbackType')} rules={[{ required: true }]}>
              <Select options={CALLBACK_TYPES.map((c) => ({ value: c, label: t(`cbPolicy.type.${c}`) }))} data-testid="policy-callback-type" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="enabled" label={t('cbPolicy.enabled')} valuePropName="checked">
              <Switch data-testid="policy-enabled" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('cbPolicy.kind')} tooltip={t('cbPolicy.kindHint')}>
              <Radio.Group
                optionType="button"
                options={kindOptions.map((k) => ({ value: k, label: t(`cbPolicy.kind.${k}`) }))}
                data-testid="policy-kind"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="triggerStatus" label={t('cbPolicy.triggerStatus')}>
              <Select
                options={(['resolved', 'closed'] as const).map((s) => ({ value: s, label: t(`cbPolicy.triggerOpt.${s}`) }))}
                data-testid="policy-trigger"
              />
            </Form.Item>
          </Col>
        </Row>

        <SectionTitle title={t('cbPolicy.conditions')} hint={t('cbPolicy.conditionsHint')} first />
        <ConditionList form={form} fields={fields} testId="policy-conditions" />

        <SectionTitle title={t('cbPolicy.sectionWhen')} hint={kind === 'schedule' ? t('cbPolicy.kindHint') : t('cbPolicy.stepsHint')} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="anchorField" label={t('cbPolicy.anchorField')} tooltip={t('cbPolicy.anchorHint')}>
              <Select
                allowClear
                placeholder={t('cbPolicy.anchorNone')}
                options={[
                  ...anchors.map((a) => ({ value: a.value, label: a.label })),
                  // a field no form has any more stays choosable until it is changed
                  ...(values?.anchorField && !anchors.some((a) => a.value === values.anchorField) ? [{ value: values.anchorField, label: values.anchorField }] : []),
                ]}
                data-testid="policy-anchor"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="calendarId" label={t('cbPolicy.calendar')} tooltip={t('cbPolicy.calendarHint')}>
              <Select
                allowClear
                placeholder={t('cbPolicy.teamCalendar')}
                options={calendars.map((c) => ({ value: c.id, label: c.isDefault ? `${c.name} (${t('calendar.default')})` : c.name }))}
                data-testid="policy-calendar"
              />
            </Form.Item>
          </Col>
        </Row>
        <StepsEditor form={form} />

        <SectionTitle title={t('cbPolicy.sectionHow')} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="assigneeMode" label={t('cbPolicy.assignee')} tooltip={t('cbPolicy.assigneeHint')}>
              <Radio.Group
                optionType="button"
                options={ASSIGNEE_MODES.map((m) => ({ value: m, label: t(`cbPolicy.assignee.${m}`) }))}
                data-testid="policy-assignee"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {assigneeMode === 'team' ? (
              <Form.Item name="assigneeTeamId" label={t('cbPolicy.team')} rules={[{ required: true, message: t('cbPolicy.needTeam') }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={teams.map((x) => ({ value: x.id, label: x.name }))}
                  placeholder={t('cbPolicy.needTeam')}
                  data-testid="policy-team"
                />
              </Form.Item>
            ) : null}
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="scriptId" label={t('cbPolicy.script')}>
              <Select allowClear placeholder={t('cbPolicy.noScript')} options={scripts.map((s) => ({ value: s.id, label: s.name }))} data-testid="policy-script" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="channels" label={t('cbPolicy.channels')} rules={[{ required: true, type: 'array', min: 1, message: t('cbPolicy.needChannel') }]}>
              <Checkbox.Group options={CALLBACK_CHANNELS.map((c) => ({ value: c, label: t(`cbPolicy.channel.${c}`) }))} data-testid="policy-channels" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="targetMinutes" label={t('cbPolicy.targetMinutes')} rules={[{ required: true, message: t('cbPolicy.needAmount') }]}>
              <InputNumber min={1} max={120} precision={0} suffix={t('cbPolicy.minutes')} style={{ width: '100%' }} data-testid="policy-target-minutes" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="coverageRequired" label={t('cbPolicy.coverageRequired')} tooltip={t('cbPolicy.coverageHint')} valuePropName="checked">
              <Switch data-testid="policy-coverage" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sendSurvey" label={t('cbPolicy.sendSurvey')} tooltip={t('cbPolicy.surveyHint')} valuePropName="checked">
              <Switch data-testid="policy-survey" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
