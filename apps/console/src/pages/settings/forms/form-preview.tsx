import { useState } from 'react';
import { Alert, Card } from 'antd';
import type { FormDefinition } from '@kefu/shared/forms';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { DynamicForm } from '../../../components/dynamic-form/dynamic-form.tsx';
import type { FieldValues } from '../../../components/dynamic-form/form-values.ts';

/** The draft as an operator will fill it in; conditional sections come and go with the values. */
export function FormPreview({ def }: { def: FormDefinition }) {
  const t = useT();
  const [values, setValues] = useState<FieldValues>({});
  return (
    <Card size="small" data-testid="form-preview">
      <Alert type="info" showIcon title={t('formEditor.previewHint')} style={{ marginBottom: 12 }} />
      <DynamicForm def={def} values={values} onChange={setValues} />
    </Card>
  );
}
