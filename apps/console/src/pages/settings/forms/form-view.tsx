import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { FieldDef, SectionDef } from '@kefu/shared/forms';
import type { FormRecord } from '../../../api/types.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { formatDateTime } from '../../../utils/time.ts';
import { ResponsiveTable } from '../../../components/responsive-table.tsx';

/** One type's current form, read-only: sections, fields and conditions. */
export function FormView({ form, onEdit }: { form: FormRecord; onEdit?: () => void }) {
  const t = useT();
  const labels = useLabels();
  const all = form.definition.sections.flatMap((s) => s.fields);
  const condition = (s: SectionDef) => {
    if (!s.when) return <Tag>{t('forms.always')}</Tag>;
    const f = all.find((x) => x.key === s.when!.field);
    const values = s.when.in.map((v) => {
      const o = f?.options?.find((x) => x.value === v);
      return o ? labels.pick(o.label) : typeof v === 'boolean' ? (v ? t('common.yes') : t('common.no')) : String(v);
    });
    return (
      <Tag color="blue">
        {t('forms.when', { field: f ? labels.pick(f.label) : s.when.field, values: values.join(' / ') })}
      </Tag>
    );
  };

  return (
    <>
      {onEdit ? (
        <Space style={{ float: 'right' }}>
          <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid={`form-edit-${form.type}`}>
            {t('formEditor.edit')}
          </Button>
        </Space>
      ) : null}
      <Descriptions
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          { key: 'type', label: t('forms.type'), children: <Typography.Text code>{form.type}</Typography.Text> },
          { key: 'version', label: t('forms.version'), children: form.version },
          { key: 'at', label: t('ticket.createdAt'), children: formatDateTime(form.createdAt) },
        ]}
      />
      {form.definition.sections.map((s) => (
        <Card
          key={s.key}
          size="small"
          type="inner"
          style={{ marginBottom: 12 }}
          title={<span>{labels.pick(s.title)} <Typography.Text type="secondary" code>{s.key}</Typography.Text></span>}
          extra={condition(s)}
        >
          <ResponsiveTable<FieldDef>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={s.fields}
            columns={[
              { title: t('forms.fieldKey'), dataIndex: 'key', width: 160, render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
              { title: t('forms.fieldLabel'), key: 'label', width: 180, render: (_, f) => labels.pick(f.label) },
              { title: t('forms.fieldType'), dataIndex: 'type', width: 110, render: (x: string) => t(`forms.fieldTypes.${x as FieldDef['type']}`) },
              { title: t('forms.required'), dataIndex: 'required', width: 70, render: (r?: boolean) => (r ? <Tag color="red">{t('common.yes')}</Tag> : null) },
              {
                title: t('forms.options'),
                key: 'options',
                render: (_, f) => <FieldLimits field={f} />,
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

function FieldLimits({ field }: { field: FieldDef }) {
  const t = useT();
  const labels = useLabels();
  if (field.options) {
    return (
      <Space size={[4, 4]} wrap>
        {field.options.map((o) => <Tag key={o.value}>{labels.pick(o.label)}</Tag>)}
      </Space>
    );
  }
  const parts = [
    field.maxLength ? t('forms.maxLength', { n: field.maxLength }) : null,
    field.min !== undefined || field.max !== undefined ? `${field.min ?? '…'} – ${field.max ?? '…'}` : null,
    field.help ? labels.pick(field.help) : null,
  ].filter(Boolean);
  return <Typography.Text type="secondary">{parts.join(' · ')}</Typography.Text>;
}
