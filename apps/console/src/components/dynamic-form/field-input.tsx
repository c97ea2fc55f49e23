import { DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import type { FieldDef } from '@kefu/shared/forms';
import { dayjs } from '../../utils/time.ts';
import { useLabels } from '../../i18n/labels.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

interface Props {
  field: FieldDef;
  value: unknown;
  onChange: (value: unknown) => void;
  status?: 'error';
}

/** One input per field type; values stay in their API form (dates as strings). */
export function FieldInput({ field, value, onChange, status }: Props) {
  const labels = useLabels();
  const t = useT();
  const id = `field-input-${field.key}`;
  const options = field.options?.map((o) => ({ value: o.value, label: labels.pick(o.label) }));
  const str = typeof value === 'string' ? value : '';
  const clear = (v: unknown) => onChange(v === '' || v === null ? undefined : v);

  switch (field.type) {
    case 'text':
      return <Input id={id} status={status} value={str} maxLength={field.maxLength} onChange={(e) => clear(e.target.value)} />;
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          status={status}
          value={str}
          maxLength={field.maxLength}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => clear(e.target.value)}
        />
      );
    case 'number':
    case 'integer':
      return (
        <InputNumber
          id={id}
          status={status}
          style={{ width: '100%' }}
          value={typeof value === 'number' ? value : null}
          min={field.min}
          max={field.max}
          precision={field.type === 'integer' ? 0 : undefined}
          onChange={(v) => clear(v)}
        />
      );
    case 'select':
    case 'multiselect':
      return (
        <Select
          id={id}
          status={status}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          mode={field.type === 'multiselect' ? 'multiple' : undefined}
          value={(value as string | string[] | undefined) ?? undefined}
          options={options}
          placeholder={t('form.selectPlaceholder')}
          onChange={(v) => clear(Array.isArray(v) && v.length === 0 ? undefined : v)}
        />
      );
    case 'date':
      return (
        <DatePicker
          id={id}
          status={status}
          style={{ width: '100%' }}
          format="YYYY-MM-DD"
          value={str ? dayjs(str, 'YYYY-MM-DD') : null}
          onChange={(d) => clear(d ? d.format('YYYY-MM-DD') : undefined)}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          id={id}
          status={status}
          style={{ width: '100%' }}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={str ? dayjs(str) : null}
          onChange={(d) => clear(d ? d.toISOString() : undefined)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          id={id}
          optionType="button"
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => onChange(e.target.value)}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      );
  }
}
