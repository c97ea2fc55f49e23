import { Form, Input, Select } from 'antd';
import type { Department } from '../../../api/types.ts';
import { useDirectory } from '../../../api/shared-data.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { CrudPage } from '../../../components/crud/crud-page.tsx';
import { departmentBody } from '../../../api/bodies.ts';
import { formatDateTime } from '../../../utils/time.ts';

type Values = { name: string; parentId?: string | null };

export function DepartmentsPage() {
  const t = useT();
  const directory = useDirectory();
  const departments = directory?.departments ?? [];
  const nameOf = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '—';
  return (
    <CrudPage<Department, Values>
      testId="settings-departments"
      title={t('menu.departments')}
      path="/departments"
      columns={[
        { title: t('org.name'), dataIndex: 'name' },
        { title: t('org.parentDepartment'), dataIndex: 'parentId', render: nameOf },
        { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
      ]}
      toValues={(d) => ({ name: d.name, parentId: d.parentId })}
      toBody={departmentBody}
      renderForm={(_, editing) => (
        <>
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 64 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="parentId" label={t('org.parentDepartment')}>
            <Select
              allowClear
              options={departments.filter((d) => d.id !== editing?.id).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </>
      )}
    />
  );
}
