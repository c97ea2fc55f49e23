import { Button, Card, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { NUMERIC_OPS, type ClassCondition, type ClassDefinition, type ClassRulesBody } from '@kefu/shared/customer-classes-api';
import { useT } from '../../../i18n/i18n-provider.tsx';

const MEASURES = ['revenueQuarter', 'paymentsQuarter', 'referrals', 'tenureYears', 'tag'] as const;

/** Each class with its conditions, highest first; the fallback last. Edits a copy; the page saves it. */
export function RulesEditor({ value, onChange, disabled }: { value: ClassRulesBody; onChange: (v: ClassRulesBody) => void; disabled?: boolean }) {
  const t = useT();
  const setClass = (i: number, next: ClassDefinition) => onChange({ ...value, classes: value.classes.map((c, j) => (j === i ? next : c)) });
  const move = (i: number, d: -1 | 1) => {
    const classes = [...value.classes];
    [classes[i], classes[i + d]] = [classes[i + d], classes[i]];
    onChange({ ...value, classes });
  };
  const setCondition = (c: ClassDefinition, i: number, j: number, next: ClassCondition) =>
    setClass(i, { ...c, conditions: c.conditions.map((x, k) => (k === j ? next : x)) });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {value.classes.map((c, i) => (
        <Card
          key={i}
          size="small"
          data-testid={`class-${i}`}
          title={
            <Space wrap>
              <Input aria-label={t('cc.key')} value={c.key} disabled={disabled} style={{ width: 64 }} onChange={(e) => setClass(i, { ...c, key: e.target.value })} />
              <Input aria-label={t('cc.name')} value={c.name} disabled={disabled} style={{ width: 140 }} onChange={(e) => setClass(i, { ...c, name: e.target.value })} />
              <Select
                aria-label={t('cc.combine')}
                value={c.combine}
                disabled={disabled}
                style={{ width: 140 }}
                onChange={(combine) => setClass(i, { ...c, combine })}
                options={[{ value: 'any', label: t('cc.combine.any') }, { value: 'all', label: t('cc.combine.all') }]}
                data-testid={`class-${i}-combine`}
              />
            </Space>
          }
          extra={
            <Space>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label="up" />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={disabled || i === value.classes.length - 1} onClick={() => move(i, 1)} aria-label="down" />
              <Button size="small" danger icon={<DeleteOutlined />} disabled={disabled || value.classes.length === 1}
                onClick={() => onChange({ ...value, classes: value.classes.filter((_, j) => j !== i) })} aria-label={t('common.delete')} />
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {c.conditions.map((cond, j) => (
              <Space key={j} wrap>
                <Select
                  value={cond.measure}
                  disabled={disabled}
                  style={{ width: 180 }}
                  onChange={(measure) => setCondition(c, i, j, measure === 'tag' ? { measure, op: 'has', value: '' } : { measure, op: '>=', value: 0 })}
                  options={MEASURES.map((m) => ({ value: m, label: t(`cc.measure.${m}`) }))}
                />
                {cond.measure === 'tag' ? (
                  <>
                    <Typography.Text>{t('cc.op.has')}</Typography.Text>
                    <Input value={cond.value} disabled={disabled} style={{ width: 140 }} onChange={(e) => setCondition(c, i, j, { ...cond, value: e.target.value })} />
                  </>
                ) : (
                  <>
                    <Select value={cond.op} disabled={disabled} style={{ width: 70 }} onChange={(op) => setCondition(c, i, j, { ...cond, op })}
                      options={NUMERIC_OPS.map((o) => ({ value: o, label: o.replace('>=', '≥').replace('<=', '≤') }))} />
                    <InputNumber min={0} value={cond.value} disabled={disabled} style={{ width: 130 }}
                      onChange={(v) => setCondition(c, i, j, { ...cond, value: Number(v ?? 0) })} />
                    <Typography.Text type="secondary">{t(`cc.unit.${cond.measure}`)}</Typography.Text>
                  </>
                )}
                <Button size="small" type="text" icon={<DeleteOutlined />} disabled={disabled || c.conditions.length === 1}
                  onClick={() => setClass(i, { ...c, conditions: c.conditions.filter((_, k) => k !== j) })} aria-label={t('common.delete')} />
              </Space>
            ))}
            <Button size="small" icon={<PlusOutlined />} disabled={disabled}
              onClick={() => setClass(i, { ...c, conditions: [...c.conditions, { measure: 'revenueQuarter', op: '>=', value: 0 }] })}>
              {t('cc.addCondition')}
            </Button>
            <Input.TextArea
              aria-label={t('cc.treatment')}
              placeholder={t('cc.treatment')}
              value={c.treatment}
              disabled={disabled}
              autoSize={{ minRows: 1, maxRows: 3 }}
              onChange={(e) => setClass(i, { ...c, treatment: e.target.value })}
            />
            {!c.treatment.trim() ? <Tag color="warning">{t('cc.treatmentEmpty')}</Tag> : null}
          </Space>
        </Card>
      ))}
      <Button icon={<PlusOutlined />} disabled={disabled || value.classes.length >= 10}
        onClick={() => onChange({ ...value, classes: [...value.classes, { key: '', name: '', combine: 'any', conditions: [{ measure: 'revenueQuarter', op: '>=', value: 0 }], treatment: '' }] })}>
        {t('cc.addClass')}
      </Button>
      <Card size="small" title={t('cc.fallback')}>
        <Space wrap>
          <Input aria-label={t('cc.key')} value={value.fallback.key} disabled={disabled} style={{ width: 64 }} onChange={(e) => onChange({ ...value, fallback: { ...value.fallback, key: e.target.value } })} />
          <Input aria-label={t('cc.name')} value={value.fallback.name} disabled={disabled} style={{ width: 140 }} onChange={(e) => onChange({ ...value, fallback: { ...value.fallback, name: e.target.value } })} />
          <Input aria-label={t('cc.treatment')} placeholder={t('cc.treatment')} value={value.fallback.treatment} disabled={disabled} style={{ width: 260 }}
            onChange={(e) => onChange({ ...value, fallback: { ...value.fallback, treatment: e.target.value } })} />
        </Space>
      </Card>
    </Space>
  );
}
