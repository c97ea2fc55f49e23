import { useState } from 'react';
import { Button, Card, Empty, Result, Spin, Tabs } from 'antd';
import { formsResource, useFormsState } from '../../../api/shared-data.ts';
import { useAccess } from '../../../session/session-provider.tsx';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { FormView } from './form-view.tsx';
import { FormEditor } from './form-editor.tsx';

/**
 * Each work-order type's form: read-only for those who may only view it;
 * managers (form:manage) edit a copy and publish it as the next version.
 */
export function FormsPage() {
  const t = useT();
  const labels = useLabels();
  const access = useAccess();
  const { data: forms, error } = useFormsState();
  const [active, setActive] = useState<string>();
  const [editing, setEditing] = useState<string | null>(null);
  if (!forms && error) {
    return (
      <Result
        status="error"
        title={t('workbench.formsFailed')}
        extra={<Button onClick={() => formsResource.retry()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!forms) return <Spin />;
  if (!forms.length) return <Empty />;

  const editingForm = editing ? forms.find((f) => f.type === editing) : undefined;
  return (
    <div data-testid="settings-forms">
      <PageTitle title={editingForm ? `${t('formEditor.edit')} · ${labels.pick(editingForm.definition.name)}` : t('menu.forms')} />
      {editingForm ? (
        <FormEditor
          key={`${editingForm.type}@${editingForm.version}`}
          form={editingForm}
          onClose={() => setEditing(null)}
          onPublished={() => {
            setEditing(null);
            // the workbench and the lists read forms from here
            formsResource.invalidate();
          }}
        />
      ) : (
        <Card size="small">
          <Tabs
            activeKey={active ?? forms[0].type}
            onChange={setActive}
            items={forms.map((form) => ({
              key: form.type,
              label: <span data-testid={`form-tab-${form.type}`}>{labels.pick(form.definition.name)}</span>,
              children: <FormView form={form} onEdit={access.formManage ? () => setEditing(form.type) : undefined} />,
            }))}
          />
        </Card>
      )}
    </div>
  );
}
