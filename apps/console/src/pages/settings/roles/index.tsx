import { Form, Input, Select, Tag, Tooltip } from 'antd';
import { DATA_SCOPES, PERMISSIONS } from '@kefu/shared/permissions';
import { api, itemsOf } from '../../../api/client.ts';
import type { Role } from '../../../api/types.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { useLabels } from '../../../i18n/labels.ts';
import { CrudPage } from '../../../components/crud/crud-page.tsx';
import { roleBody } from '../../../api/bodies.ts';
import { PermissionCheckboxes } from './permission-checkboxes.tsx';

type Values = { name: string; description?: string | null; permissions: string[]; dataScope: string };

export function RolesPage() {
  const t = useT();
  const labels = useLabels();
  const perms = useRequest(() => api.get<{ items: string[] }>('/permissions').then(itemsOf), []);
  const all = perms.data?.length ? perms.data : [...PERMISSIONS];
  return (
    <CrudPage<Role, Values>
      testId="settings-roles"
      title={t('menu.roles')}
      path="/roles"
      modalWidth={760}
      columns={[
        { title: t('org.name'), dataIndex: 'name', width: 140 },
        { title: t('role.description'), dataIndex: 'description', ellipsis: true },
        { title: t('role.dataScope'), dataIndex: 'dataScope', width: 110, render: (s: string) => labels.dataScope(s) },
        {
          title: t('role.permissions'),
          dataIndex: 'permissions',
          render: (ps: string[]) => (
            <Tooltip title={ps.map(labels.permission).join('、')}>
              <Tag>{t('role.permissionCount', { n: ps.length })}</Tag>
            </Tooltip>
          ),
        },
      ]}
      toValues={(r) => ({ name: r.name, description: r.description, permissions: r.permissions, dataScope: r.dataScope })}
      toBody={roleBody}
      renderForm={() => (
        <>
          <Form.Item name="name" label={t('org.name')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('role.description')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="dataScope" label={t('role.dataScope')} initialValue="own" rules={[{ required: true }]} extra={t('role.dataScopeHint')}>
            <Select options={DATA_SCOPES.map((s) => ({ value: s, label: labels.dataScope(s) }))} />
          </Form.Item>
          <Form.Item name="permissions" label={t('role.permissions')} initialValue={[]}>
            <PermissionCheckboxes all={all} />
          </Form.Item>
        </>
      )}
    />
  );
}
