import { Form, Input, Select } from 'antd';
import type { Team } from '../../../api/types.ts';
import { useDirectory } from '../../../api/shared-data.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { CrudPage } from '../../../components/crud/crud-page.tsx';
import { teamBody } from '../../../api/bodies.ts';
import { formatDateTime } from '../../../utils/time.ts';

type Values = { name: string; departmentId?: string | null; leadId?: string | null };

export function TeamsPage() {
  const t = useT();
  const directory = useDirectory();
  const departments = directory?.departments ?? [];
  const users = directory?.users ?? [];
  return (
    <CrudPage<Team, Values>
      testId="settings-teams"
      title={t('menu.teams')}
      path="/teams"
      columns={[
        { title: t('org.name'), dataIndex: 'name' },
        { title: t('org.department'), dataIndex: 'departmentId', render: (id: string | null) => departments.find((d) => d.id === id)?.name ?? '—' },
        { title: t('org.lead'), dataIndex: 'leadId', render: (id: string | null) => users.find((u) => u.id === id)?.displayName ?? '—' },
        { title: t('ticket.createdAt'), dataIndex: 'createdAt', width: 160, render: formatDateTime },
      ]}
      toValues={(x) => ({ name: x.name, departmentId: x.departmentId, leadId: x.leadId })}
      toBody={teamBody}
      renderForm={() => (
        <>
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 64 }]}>
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="departmentId" label={t('org.department')}>
            <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="leadId" label={t('org.lead')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={users.map((u) => ({ value: u.id, label: u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName }))}
            />
          </Form.Item>
        </>
      )}
    />
  );
}
