import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Tooltip, Typography, type FormInstance } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { newStep, SPAN_UNITS, type SpanUnit, type StepValues } from './policy-model.ts';

const MAX_STEPS = 12;

/** Largest amount per unit, as the span schema allows. */
const MAX: Record<SpanUnit, number> = { days: 730, hours: 8760, businessDays: 365 };

/** The callbacks a policy creates: a label, an optional start and a deadline each (a Form.List named "steps"). */
export function StepsEditor({ form }: { form: FormInstance }) {
  const t = useT();
  const steps = (Form.useWatch('steps', form) ?? []) as StepValues[];
  const unitOptions = SPAN_UNITS.map((u) => ({ value: u, label: t(`cbPolicy.unit.${u}`) }));
  return (
    <Form.List
      name="steps"
      rules={[{ validator: async (_, v) => (v?.length ? undefined : Promise.reject(new Error(t('cbPolicy.needStep')))) }]}
    >
      {(items, { add, remove, move }, { errors }) => (
        <div data-testid="policy-steps">
          {items.length ? (
            <Row gutter={8}>
              <Col span={6}>
                <Typography.Text type="secondary">{t('cbPolicy.stepLabel')}</Typography.Text>
              </Col>
              <Col span={7}>
                <Typography.Text type="secondary">{t('cbPolicy.startAfter')}</Typography.Text>
              </Col>
              <Col span={7}>
                <Typography.Text type="secondary">{t('cbPolicy.dueWithin')}</Typography.Text>
              </Col>
            </Row>
          ) : null}
          {items.map((item, i) => {
            const step = steps[item.name];
            return (
              <Row gutter={8} key={item.key} align="top" data-testid="policy-step">
                <Col span={6}>
                  <Form.Item name={[item.name, 'label']} style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('cbPolicy.needLabel') }, { max: 40 }]}>
                    <Input placeholder={t('cbPolicy.defaultStepLabel')} data-testid="step-label" />
                  </Form.Item>
                </Col>
                <Col span={7}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={[item.name, 'startAmount']} noStyle>
                      <InputNumber
                        min={0}
                        max={MAX[step?.startUnit ?? 'days']}
                        precision={0}
                        placeholder={t('cbPolicy.startAtOnce')}
                        style={{ width: '45%' }}
                        data-testid="step-start-amount"
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'startUnit']} noStyle>
                      <Select style={{ width: '55%' }} options={unitOptions} data-testid="step-start-unit" />
                    </Form.Item>
                  </Space.Compact>
                </Col>
                <Col span={7}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name={[item.name, 'dueAmount']} noStyle rules={[{ required: true, message: t('cbPolicy.needAmount') }]}>
                      <InputNumber min={1} max={MAX[step?.dueUnit ?? 'businessDays']} precision={0} style={{ width: '45%' }} data-testid="step-due-amount" />
                    </Form.Item>
                    <Form.Item name={[item.name, 'dueUnit']} noStyle>
                      <Select style={{ width: '55%' }} options={unitOptions} data-testid="step-due-unit" />
                    </Form.Item>
                  </Space.Compact>
                </Col>
                <Col span={4}>
                  <Space size={0}>
                    <Tooltip title={t('cbScript.moveUp')}>
                      <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t('cbScript.moveUp')} />
                    </Tooltip>
                    <Tooltip title={t('cbScript.moveDown')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowDownOutlined />}
                        disabled={i === items.length - 1}
                        onClick={() => move(i, i + 1)}
                        aria-label={t('cbScript.moveDown')}
                      />
                    </Tooltip>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={items.length === 1}
                      onClick={() => remove(item.name)}
                      aria-label={t('common.delete')}
                    />
                  </Space>
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={items.length >= MAX_STEPS}
            onClick={() => add(newStep(t('cbPolicy.defaultStepLabel')))}
            data-testid="policy-add-step"
          >
            {t('cbPolicy.addStep')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
