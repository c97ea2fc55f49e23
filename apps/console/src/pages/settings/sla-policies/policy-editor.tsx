import { useEffect, useState } from 'react';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SLA_KINDS, type SlaKind } from '@kefu/shared/sla';
import { api } from '../../../api/client.ts';
import { ServerErrorAlert, serverErrorOf, type ServerError } from '../../../components/server-error-alert.tsx';
import type { BusinessCalendar, SlaPolicy } from '../../../api/types.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { ConditionList } from '../rules/condition-builder.tsx';
import { readablePath } from '../rules/rule-editor.tsx';
import type { ConditionField } from '../rules/rule-model.ts';
import { slaKindLabel } from '../../../components/sla/sla-model.ts';
import { emptyPolicy, fromPolicy, newTarget, TARGET_UNITS, toPolicyBody, type PolicyValues, type TargetValues } from './policy-model.ts';

interface Props {
  /** null: closed; 'new': a new policy; a policy: edit it */
  target: SlaPolicy | 'new' | null;
  fields: ConditionField[];
  calendars: BusinessCalendar[];
  nextPosition: number;
  onClose: () => void;
  onSaved: (policy: SlaPolicy) => void;
}

const MAX_TARGETS = SLA_KINDS.length;

export function PolicyEditor({ target, fields, calendars, nextPosition, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<ServerError | null>(null);
  const editing = target && target !== 'new' ? target : null;
  const targets = (Form.useWatch('targets', form) ?? []) as TargetValues[];

  useEffect(() => {
    if (!target) return;
    setServerError(null);
    form.resetFields();
    form.setFieldsValue(target === 'new' ? emptyPolicy() : fromPolicy(target));
  }, [target]);

  const save = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid) return;
    const body = toPolicyBody(form.getFieldsValue(true) as PolicyValues, fields, editing ? editing.position : nextPosition);
    setSaving(true);
    setServerError(null);
    try {
      const saved = editing
        ? await api.patch<SlaPolicy>(`/sla-policies/${editing.id}`, body, { silent: true })
        : await api.post<SlaPolicy>('/sla-policies', body, { silent: true });
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (e) {
      setServerError(serverErrorOf(e));
    } finally {
      setSaving(false);
    }
  };

  const usedKinds = targets.map((x) => x?.kind);
  return (
    <Drawer
      open={!!target}
      size={860}
      title={editing ? t('slaPolicy.editTitle', { name: editing.name }) : t('slaPolicy.newTitle')}
      onClose={onClose}
      forceRender
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="policy-save">
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="policy-editor"
    >
      <ServerErrorAlert error={serverError} pathLabel={(p) => readablePath(p, t)} testId="policy-server-error" />
      <Form form={form} layout="vertical" initialValues={emptyPolicy()}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={t('slaPolicy.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 100 }]}>
              <Input data-testid="policy-name" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="calendarId" label={t('slaPolicy.calendar')} tooltip={t('slaPolicy.calendarHint')}>
              <Select
                allowClear
                placeholder={t('slaPolicy.teamCalendar')}
                options={calendars.map((c) => ({ value: c.id, label: c.isDefault ? `${c.name} (${t('calendar.default')})` : c.name }))}
                data-testid="policy-calendar"
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="enabled" label={t('rule.enabled')} valuePropName="checked">
              <Switch data-testid="policy-enabled" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('rule.conditions')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            {t('slaPolicy.conditionsHint')}
          </Typography.Text>
        </Typography.Title>
        <ConditionList form={form} fields={fields} testId="policy-conditions" />

        <Typography.Title level={5} style={{ marginTop: 20 }}>
          {t('slaPolicy.targets')}
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}>
            {t('slaPolicy.targetsHint')}
          </Typography.Text>
        </Typography.Title>
        <Form.List
          name="targets"
          rules={[{ validator: async (_, v) => (v?.length ? undefined : Promise.reject(new Error(t('slaPolicy.needTarget')))) }]}
        >
          {(items, { add, remove }, { errors }) => (
            <div data-testid="policy-targets">
              {items.length ? (
                <Row gutter={8} className="kefu-target-head">
                  <Col span={6}>
                    <Typography.Text type="secondary">{t('rule.slaKind')}</Typography.Text>
                  </Col>
                  <Col span={10}>
                    <Typography.Text type="secondary">{t('rule.slaAmount')}</Typography.Text>
                  </Col>
                  <Col span={6}>
                    <Typography.Text type="secondary">{t('slaPolicy.warnAt')}</Typography.Text>
                  </Col>
                </Row>
              ) : null}
              {items.map((item) => {
                const unit = targets[item.name]?.unit;
                return (
                  <Row gutter={8} key={item.key} align="top" data-testid="policy-target">
                    <Col span={6}>
                      <Form.Item
                        name={[item.name, 'kind']}
                        style={{ marginBottom: 8 }}
                        rules={[
                          { required: true, message: t('slaPolicy.needKind') },
                          {
                            validator: async (_, v: SlaKind) =>
                              usedKinds.filter((k) => k === v).length > 1 ? Promise.reject(new Error(t('slaPolicy.kindTwice'))) : undefined,
                          },
                        ]}
                      >
                        <Select
                          options={SLA_KINDS.map((k) => ({ value: k, label: slaKindLabel(t, k), disabled: usedKinds.includes(k) && targets[item.name]?.kind !== k }))}
                          data-testid="target-kind"
                        />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item name={[item.name, 'amount']} noStyle rules={[{ required: true, message: t('rule.needValue') }]}>
                          <InputNumber
                            min={unit === 'businessDays' ? 1 : unit === 'hours' ? 0.1 : 0.5}
                            max={unit === 'businessDays' ? 365 : unit === 'hours' ? 8760 : 525600}
                            precision={unit === 'businessDays' ? 0 : undefined}
                            style={{ width: '45%' }}
                            data-testid="target-amount"
                          />
                        </Form.Item>
                        <Form.Item name={[item.name, 'unit']} noStyle>
                          <Select style={{ width: '55%' }} options={TARGET_UNITS.map((u) => ({ value: u, label: t(`slaPolicy.unit.${u}`) }))} data-testid="target-unit" />
                        </Form.Item>
                      </Space.Compact>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[item.name, 'warnAtPercent']} style={{ marginBottom: 8 }} rules={[{ required: true, message: t('rule.needValue') }]}>
                        <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: '100%' }} data-testid="target-warn" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} aria-label={t('common.delete')} />
                    </Col>
                  </Row>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={items.length >= MAX_TARGETS}
                onClick={() => add(newTarget(usedKinds))}
                data-testid="policy-add-target"
              >
                {t('slaPolicy.addTarget')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                {t('slaPolicy.nextResponseHint')}
              </Typography.Paragraph>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
