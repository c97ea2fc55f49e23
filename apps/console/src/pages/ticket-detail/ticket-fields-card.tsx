import { useState } from 'react';
import { App, Button, Card, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { FormRecord, Ticket, TicketUpdateBody } from '../../api/types.ts';
import { useLocale, useT } from '../../i18n/i18n-provider.tsx';
import { DynamicForm } from '../../components/dynamic-form/dynamic-form.tsx';
import {
  applicableValues,
  changedValues,
  dropChangedErrors,
  validateForSubmit,
  type FieldErrors,
  type FieldValues,
} from '../../components/dynamic-form/form-values.ts';

interface Props {
  ticket: Ticket;
  form: FormRecord | undefined;
  canUpdate: boolean;
  onPatch: (body: TicketUpdateBody) => Promise<boolean>;
}

/** The work order's form, read-only with an edit mode that sends only what changed. */
export function TicketFieldsCard({ ticket, form, canUpdate, onPatch }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<FieldValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!form || !editing) return;
    const { clean, errors: errs } = validateForSubmit(form.definition, editing, locale);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const changed = changedValues(applicableValues(form.definition, ticket.fields), clean);
    if (!Object.keys(changed).length) {
      setEditing(null);
      return;
    }
    setSaving(true);
    const ok = await onPatch({ fields: changed });
    setSaving(false);
    if (ok) {
      setEditing(null);
      void message.success(t('common.saved'));
    }
  };

  return (
    <Card
      size="small"
      title={t('ticket.fields')}
      style={{ marginBottom: 12 }}
      extra={
        canUpdate && form ? (
          editing ? (
            <Space>
              <Button size="small" onClick={() => (setEditing(null), setErrors({}))}>{t('common.cancel')}</Button>
              <Button size="small" type="primary" loading={saving} onClick={() => void save()} data-testid="fields-save">
                {t('common.save')}
              </Button>
            </Space>
          ) : (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ ...ticket.fields })} data-testid="fields-edit">
              {t('common.edit')}
            </Button>
          )
        ) : null
      }
    >
      {form ? (
        <DynamicForm
          def={form.definition}
          values={editing ?? ticket.fields}
          readOnly={!editing}
          onChange={(next) => {
            setErrors((errs) => dropChangedErrors(errs, editing ?? {}, next));
            setEditing(next);
          }}
          errors={errors}
        />
      ) : (
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(ticket.fields, null, 2)}</pre>
      )}
    </Card>
  );
}
