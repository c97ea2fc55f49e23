import { Button, Col, Form, Input, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { findField, isListOp, needsValue, opsFor, type ConditionField, type ConditionOp, type ConditionValues } from './rule-model.ts';

// The condition builder of the rule editor, also used by the SLA policy
// editor: a Form.List named "conditions" inside the caller's antd Form.

/** The conditions of any form whose values hold `conditions` (rules, SLA policies). */
export function ConditionList({ form, fields, testId = 'rule-conditions' }: { form: FormInstance; fields: ConditionField[]; testId?: string }) {
  const t = useT();
  return (
    <Form.List name="conditions">
      {(items, { add, remove }) => (
        <div data-testid={testId}>
          {items.length === 0 ? <Typography.Paragraph type="secondary">{t('rule.noConditions')}</Typography.Paragraph> : null}
          {items.map((item) => (
            <ConditionRow key={item.key} form={form} name={item.name} fields={fields} onRemove={() => remove(item.name)} />
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: 'eq' })} data-testid="rule-add-condition">
            {t('rule.addCondition')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function ConditionRow({ form, name, fields, onRemove }: { form: FormInstance; name: number; fields: ConditionField[]; onRemove: () => void }) {
  const t = useT();
  const row = Form.useWatch(['conditions', name], form) as ConditionValues | undefined;
  const field = findField(fields, row?.field);
  const op = row?.op ?? 'eq';
  const fieldOptions = [
    { label: t('rule.fieldGroupTicket'), title: 'ticket', options: fields.filter((f) => f.group === 'ticket').map((f) => ({ value: f.value, label: f.label })) },
    { label: t('rule.fieldGroupForm'), title: 'form', options: fields.filter((f) => f.group === 'form').map((f) => ({ value: f.value, label: f.label })) },
  ];
  if (row?.field && !field) fieldOptions.push({ label: '?', title: 'unknown', options: [{ value: row.field, label: row.field }] });

  return (
    <Row gutter={8} align="top" data-testid="rule-condition">
      <Col span={8}>
        <Form.Item name={[name, 'field']} rules={[{ required: true, message: t('rule.pickField') }]} style={{ marginBottom: 8 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('rule.field')}
            options={fieldOptions}
            onChange={(v: string) => {
              const kind = findField(fields, v)?.kind;
              const ops = opsFor(kind);
              form.setFieldValue(['conditions', name], { field: v, op: ops.includes(op) ? op : ops[0], value: undefined });
            }}
            data-testid="condition-field"
          />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[name, 'op']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
          <Select
            options={opsFor(field?.kind, op).map((o) => ({ value: o, label: t(`rule.op.${o}`) }))}
            onChange={(next: ConditionOp) => {
              // a list operator wants a list, a single-value one a single value
              const v = row?.value;
              if (isListOp(next) && v !== undefined && v !== null && !Array.isArray(v)) form.setFieldValue(['conditions', name, 'value'], [v]);
              if (!isListOp(next) && Array.isArray(v)) form.setFieldValue(['conditions', name, 'value'], v[0]);
            }}
            data-testid="condition-op"
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        {needsValue(op) ? (
          <Form.Item
            name={[name, 'value']}
            rules={[
              {
                validator: async (_, v) =>
                  v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length) ? Promise.reject(new Error(t('rule.needValue'))) : undefined,
              },
            ]}
            style={{ marginBottom: 8 }}
          >
            <ConditionValueInput field={field} op={op} />
          </Form.Item>
        ) : (
          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
            {t('rule.noValueNeeded')}
          </Typography.Text>
        )}
      </Col>
      <Col span={1}>
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.delete')} />
      </Col>
    </Row>
  );
}

type Scalar = string | number | boolean;

function ConditionValueInput({
  field,
  op,
  value,
  onChange,
}: {
  field: ConditionField | undefined;
  op: ConditionOp;
  value?: Scalar | Scalar[] | null;
  onChange?: (v: Scalar | Scalar[] | null | undefined) => void;
}) {
  const t = useT();
  const multi = isListOp(op);
  const kind = field?.kind;
  if (kind === 'boolean') {
    return (
      <Select
        value={value as boolean | undefined}
        onChange={onChange}
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
        data-testid="condition-value"
      />
    );
  }
  if (field?.options?.length) {
    return (
      <Select
        mode={multi ? 'multiple' : undefined}
        showSearch={{ optionFilterProp: 'label' }}
        value={value as Scalar | Scalar[] | undefined}
        onChange={onChange}
        options={field.options.map((o) => ({ value: o.value as string, label: o.label }))}
        placeholder={t('form.selectPlaceholder')}
        data-testid="condition-value"
      />
    );
  }
  if (multi) {
    return (
      <Select
        mode="tags"
        value={(Array.isArray(value) ? value : []).map(String)}
        onChange={(v: string[]) => onChange?.(kind === 'number' ? v.map(Number).filter((n) => !Number.isNaN(n)) : v)}
        placeholder={t('rule.tagsPlaceholder')}
        open={false}
        data-testid="condition-value"
      />
    );
  }
  if (kind === 'number') {
    return <InputNumber style={{ width: '100%' }} value={value as number | undefined} onChange={(v) => onChange?.(v ?? undefined)} data-testid="condition-value" />;
  }
  return <Input value={value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange?.(e.target.value)} data-testid="condition-value" />;
}

