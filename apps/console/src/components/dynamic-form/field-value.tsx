import { Space, Tag, Typography } from 'antd';
import type { FieldDef } from '@kefu/shared/forms';
import { formatDateTime } from '../../utils/time.ts';
import { useLabels } from '../../i18n/labels.ts';
import { useT } from '../../i18n/i18n-provider.tsx';

/** Read-only rendering of one field value. */
export function FieldValue({ field, value }: { field: FieldDef; value: unknown }) {
  const labels = useLabels();
  const t = useT();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) {
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  const optionLabel = (v: unknown) => {
    const o = field.options?.find((x) => x.value === v);
    return o ? labels.pick(o.label) : String(v);
  };
  switch (field.type) {
    case 'select':
      return <>{optionLabel(value)}</>;
    case 'multiselect':
      return (
        <Space size={[4, 4]} wrap>
          {(value as unknown[]).map((v) => <Tag key={String(v)}>{optionLabel(v)}</Tag>)}
        </Space>
      );
    case 'boolean':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'datetime':
      return <>{formatDateTime(String(value))}</>;
    case 'textarea':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}
