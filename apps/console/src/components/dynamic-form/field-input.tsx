import { useEffect, useRef, type ReactNode } from 'react';
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

// antd renders the clear control of a filled Select or DatePicker as a <button>,
// so Tab would stop on it and Enter/Space there would wipe the value. The mouse
// keeps it; the keyboard goes field to field.
const CLEAR_BUTTONS = '.ant-select-clear, .ant-picker-clear';

function NoTabClear({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const untab = () => root.querySelectorAll<HTMLElement>(CLEAR_BUTTONS).forEach((b) => (b.tabIndex = -1));
    untab();
    // the button comes and goes with the value (and with typed search text)
    const observer = new MutationObserver(untab);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return <div ref={ref}>{children}</div>;
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
        <NoTabClear>
          <Select
            id={id}
            status={status}
            // a required choice is changed, not emptied
            allowClear={!field.required}
            showSearch={{ optionFilterProp: 'label' }}
            mode={field.type === 'multiselect' ? 'multiple' : undefined}
            value={(value as string | string[] | undefined) ?? undefined}
            options={options}
            placeholder={t('form.selectPlaceholder')}
            onChange={(v) => clear(Array.isArray(v) && v.length === 0 ? undefined : v)}
          />
        </NoTabClear>
      );
    case 'date':
      return (
        <NoTabClear>
          <DatePicker
            id={id}
            status={status}
            style={{ width: '100%' }}
            allowClear={!field.required}
            format="YYYY-MM-DD"
            value={str ? dayjs(str, 'YYYY-MM-DD') : null}
            onChange={(d) => clear(d ? d.format('YYYY-MM-DD') : undefined)}
          />
        </NoTabClear>
      );
    case 'datetime':
      return (
        <NoTabClear>
          <DatePicker
            id={id}
            status={status}
            style={{ width: '100%' }}
            allowClear={!field.required}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={str ? dayjs(str) : null}
            onChange={(d) => clear(d ? d.toISOString() : undefined)}
          />
        </NoTabClear>
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
