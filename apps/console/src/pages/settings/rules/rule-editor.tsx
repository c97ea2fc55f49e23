import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Drawer, Empty, Form, Input, InputNumber, Row, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CUSTOMER_TRIGGERS, RULE_TRIGGERS, type RuleAction } from '@kefu/shared/rules';
import { SLA_KINDS } from '@kefu/shared/sla';
import { PRIORITIES, TICKET_STATUSES } from '@kefu/shared/ticket-status';
import { api, ApiError, itemsOf } from '../../../api/client.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import { useRequest } from '../../../hooks/use-request.ts';
import type { Rule } from '../../../api/types.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { RecipientSelect } from './recipient-select.tsx';
import { ConditionList } from './condition-builder.tsx';
import { ACTION_TYPES, NOTIFY_TEMPLATES, SLA_UNITS, STRATEGIES, emptyRule, fromRule, newAction, toRuleBody, type ActionType, type ConditionField, type RuleValues } from './rule-model.ts';

interface Props {
  /** null: closed; 'new': a new rule; a rule: edit it */
  target: Rule | 'new' | null;
  fields: ConditionField[];
  /** where a new rule goes: after the last one */
  nextPosition: number;
  onClose: () => void;
  onSaved: (rule: Rule) => void;
}

/** "body.conditions.0.value" -> "条件 1 · value", for the server's validation details. */
export function readablePath(path: string, t: ReturnType<typeof useT>): string {
  const parts = path.replace(/^\/?body[./]?/, '').split(/[./]/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const n = Number(parts[i + 1]);
    if ((p === 'conditions' || p === 'actions' || p === 'targets') && Number.isInteger(n)) {
      out.push(t(p === 'conditions' ? 'rule.conditionN' : p === 'actions' ? 'rule.actionN' : 'slaPolicy.targetN', { n: n + 1 }));
      i++;
    } else out.push(p);
  }
  return out.join(' · ');
}

export function RuleEditor({ target, fields, nextPosition, onClose, onSaved }: Props) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const editing = target && target !== 'new' ? target : null;

  useEffect(() => {
    if (!target) return;
    setServerError(null);
    form.resetFields();
    form.setFieldsValue(target === 'new' ? emptyRule() : fromRule(target));
  }, [target]);

  const save = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) return;
    // the whole store: also what no input shows (an action of a type this editor cannot edit)
    const values = form.getFieldsValue(true) as RuleValues;
    const body = toRuleBody(values, fields, editing ? editing.position : nextPosition);
    setSaving(true);
    setServerError(null);
    try {
      const saved = editing ? await api.patch<Rule>(`/rules/${editing.id}`, body, { silent: true }) : await api.post<Rule>('/rules', body, { silent: true });
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setServerError(serverErrorOf(e));
      if (e instanceof ApiError && e.status === 401) void message.error(e.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={!!target}
      size={920}
      title={editing ? t('rule.editTitle', { name: editing.name }) : t('rule.newTitle')}
      onClose={onClose}
      forceRender
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="rule-save">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="rule-editor"
    >
      <ServerErrorAlert error={serverError} pathLabel={(p) => readablePath(p, t)} testId="rule-server-error" />
      <Form form={form} layout="vertical" initialValues={emptyRule()}>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="name" label={t('rule.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 100 }]}>
              <Input data-testid="rule-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="trigger" label={t('rule.trigger')} rules={[{ required: true }]}>
              <Select options={RULE_TRIGGERS.map((x) => ({ value: x, label: t(`rule.triggerName.${x}`) }))} data-testid="rule-trigger" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item noStyle shouldUpdate={(a, b) => a.trigger !== b.trigger}>
          {({ getFieldValue }) => (CUSTOMER_TRIGGERS.includes(getFieldValue('trigger'))
            ? <Alert type="info" showIcon message={t('rule.customerTriggerHint')} style={{ marginBottom: 12 }} data-testid="rule-customer-hint" />
            : null)}
        </Form.Item>
        <Form.Item name="description" label={t('rule.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Space size="large" style={{ marginBottom: 8 }}>
          <Form.Item name="enabled" label={t('rule.enabled')} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Switch />
          </Form.Item>
          <Form.Item
            name="stopProcessing"
            label={t('rule.stopProcessing')}
            valuePropName="checked"
            tooltip={t('rule.stopProcessingHint')}
            style={{ marginBottom: 0 }}
          >
            <Switch />
          </Form.Item>
        </Space>

        <Typography.Title level={5} style={{ marginTop: 8 }}>
          {t('rule.conditions')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            {t('rule.conditionsHint')}
          </Typography.Text>
        </Typography.Title>
        <ConditionList form={form} fields={fields} />

        <Typography.Title level={5} style={{ marginTop: 20 }}>
          {t('rule.actions')}
        </Typography.Title>
        <Form.List
          name="actions"
          rules={[{ validator: async (_, v) => (v?.length ? undefined : Promise.reject(new Error(t('rule.needAction')))) }]}
        >
          {(items, { add, remove }, { errors }) => (
            <div data-testid="rule-actions">
              {items.map((item, i) => (
                <ActionCard key={item.key} form={form} name={item.name} index={i} onRemove={() => remove(item.name)} labels={labels} />
              ))}
              <Form.ErrorList errors={errors} />
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(newAction('notify'))} data-testid="rule-add-action">
                {t('rule.addAction')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

// ---------- one action ----------

function ActionCard({
  form,
  name,
  index,
  onRemove,
  labels,
}: {
  form: FormInstance<RuleValues>;
  name: number;
  index: number;
  onRemove: () => void;
  labels: ReturnType<typeof useLabels>;
}) {
  const t = useT();
  const type = Form.useWatch(['actions', name, 'type'], form) as ActionType | undefined;
  const raw = Form.useWatch(['actions', name, 'raw'], form) as RuleAction | undefined;
  const slaUnit = Form.useWatch(['actions', name, 'slaUnit'], form) as string | undefined;
  const known = !type || ACTION_TYPES.includes(type);
  const need = (msg: string) => [{ required: true, message: msg }];
  const needList = [{ validator: async (_: unknown, v: unknown) => (Array.isArray(v) && v.length ? undefined : Promise.reject(new Error(t('rule.needRecipient')))) }];
  const item = (key: string) => [name, key];
  const needChain = [{ validator: async (_: unknown, v: unknown) => (Array.isArray(v) && v.length >= 2 ? undefined : Promise.reject(new Error(t('rule.needChain')))) }];
  const calendars = useRequest(
    () => (type === 'start_sla' ? api.get<{ items: { id: string; name: string }[] }>('/calendars', undefined, { silent: true }).then(itemsOf) : Promise.resolve([])),
    [type === 'start_sla'],
  );
  return (
    <Card
      size="small"
      className="kefu-action-card"
      style={{ marginBottom: 10 }}
      data-testid="rule-action"
      title={
        <Space>
          <Typography.Text type="secondary">{t('rule.actionN', { n: index + 1 })}</Typography.Text>
          <Form.Item name={item('type')} noStyle>
            <Select
              style={{ width: 200 }}
              options={[
                ...ACTION_TYPES.map((x) => ({ value: x as string, label: t(`rule.actionType.${x}`) })),
                ...(known ? [] : [{ value: type as string, label: type as string }]),
              ]}
              onChange={(v: ActionType) => form.setFieldValue(['actions', name], newAction(v))}
              data-testid="action-type"
            />
          </Form.Item>
        </Space>
      }
      extra={<Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />}
    >
      {type === 'assign' ? (
        <Row gutter={12}>
          <Col span={15}>
            <Form.Item name={item('to')} label={t('rule.assignTo')} rules={need(t('rule.needRecipient'))}>
              <RecipientSelect data-testid="action-to" />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name={item('strategy')} label={t('rule.strategy')} tooltip={t('rule.strategyHint')}>
              <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`rule.strategy.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'notify' ? (
        <Row gutter={12}>
          <Col span={24}>
            <Form.Item name={item('recipients')} label={t('rule.recipients')} rules={needList} required>
              <RecipientSelect multiple data-testid="action-recipients" />
            </Form.Item>
          </Col>
          <Col span={15}>
            <Form.Item name={item('template')} label={t('rule.template')}>
              <Select options={NOTIFY_TEMPLATES.map((k) => ({ value: k, label: t(`rule.templateName.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item name={item('urgent')} label={t('rule.urgent')} valuePropName="checked" tooltip={t('rule.urgentHint')}>
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'add_watchers' ? (
        <Form.Item name={item('recipients')} label={t('rule.watchers')} rules={needList} required>
          <RecipientSelect multiple data-testid="action-recipients" />
        </Form.Item>
      ) : null}
      {type === 'set_priority' ? (
        <Form.Item name={item('priority')} label={t('ticket.priority')} rules={[{ required: true }]}>
          <Select style={{ width: 200 }} options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))} />
        </Form.Item>
      ) : null}
      {type === 'set_status' ? (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={item('status')} label={t('ticket.status')} rules={[{ required: true }]}>
              <Select options={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name={item('resolution')} label={t('ticket.resolution')} rules={[{ max: 500 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'create_subtask' ? (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name={item('titleZh')} label={t('rule.subtaskTitleZh')} rules={[...need(t('rule.needTitle')), { max: 500 }]}>
              <Input data-testid="action-title-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={item('titleEn')} label={t('rule.subtaskTitleEn')} rules={[{ max: 500 }]} extra={t('rule.subtaskTitleEnHint')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={item('assignees')} label={t('rule.subtaskAssignees')} rules={needList} required>
              <RecipientSelect multiple />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={item('dueInMinutes')} label={t('rule.dueInMinutes')}>
              <InputNumber min={1} max={525600} precision={0} style={{ width: '100%' }} placeholder={t('rule.noDue')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={item('priority')} label={t('ticket.priority')}>
              <Select options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'hide_from' ? (
        <Form.Item name={item('who')} label={t('rule.hideFrom')} rules={need(t('rule.needRecipient'))} extra={t('rule.hideFromHint')}>
          <RecipientSelect />
        </Form.Item>
      ) : null}
      {type === 'escalate' ? (
        <Row gutter={12}>
          <Col span={19}>
            <Form.Item name={item('chain')} label={t('rule.escalateChain')} extra={t('rule.escalateChainHint')} rules={needChain} required>
              <RecipientSelect multiple data-testid="action-chain" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name={item('urgent')} label={t('rule.urgent')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {type === 'start_sla' || type === 'cancel_sla' ? (
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name={item('slaKind')} label={t('rule.slaKind')} rules={[{ required: true }]}>
              <Select options={SLA_KINDS.map((k) => ({ value: k, label: t(`sla.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          {type === 'start_sla' ? (
            <>
              <Col span={10}>
                <Form.Item label={t('rule.slaAmount')} required style={{ marginBottom: 0 }}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={item('slaAmount')} noStyle rules={[{ required: true, message: t('rule.needValue') }]}>
                      <InputNumber min={slaUnit === 'businessDays' ? 1 : 0.5} max={slaUnit === 'businessDays' ? 365 : 525600} style={{ width: '50%' }} />
                    </Form.Item>
                    <Form.Item name={item('slaUnit')} noStyle>
                      <Select style={{ width: '50%' }} options={SLA_UNITS.map((u) => ({ value: u, label: t(`rule.slaUnit.${u}`) }))} />
                    </Form.Item>
                  </Space.Compact>
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={item('calendarId')} label={t('rule.slaCalendar')}>
                  <Select allowClear placeholder={t('rule.slaTeamCalendar')} options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
      ) : null}
      {!known && raw ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('rule.unknownAction')} description={<code>{JSON.stringify(raw)}</code>} />
      ) : null}
      {!type ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
    </Card>
  );
}
