import { Form, Input, Select, Switch, Tag } from 'antd';
import { api, itemsOf } from '../../../api/client.ts';
import type { Role, User } from '../../../api/types.ts';
import { useDirectory } from '../../../api/shared-data.ts';
import { useRequest } from '../../../hooks/use-request.ts';
import { useT } from '../../../i18n/i18n-provider.tsx';
import { CrudPage } from '../../../components/crud/crud-page.tsx';
import { userCreateBody, userUpdateBody } from '../../../api/bodies.ts';

type Values = {
  username: string;
  displayName: string;
  password?: string;
  jobNumber?: string | null;
  email?: string | null;
  mobile?: string | null;
  departmentId?: string | null;
  teamId?: string | null;
  roleIds: string[];
  active: boolean;
};

const USERNAME = /^[a-zA-Z0-9_.-]{2,32}$/;
const MOBILE = /^1[3-9]\d{9}$/;

export function UsersPage() {
  const t = useT();
  const directory = useDirectory();
  const roles = useRequest(() => api.get<{ items: Role[] }>('/roles').then(itemsOf), []);
  const departments = directory?.departments ?? [];
  const teams = directory?.teams ?? [];
  const roleName = (id: string) => roles.data?.find((r) => r.id === id)?.name ?? id;
  return (
    <CrudPage<User, Values>
      testId="settings-users"
      title={t('menu.users')}
      path="/users"
      canDelete={false}
      modalWidth={560}
      columns={[
        { title: t('user.username'), dataIndex: 'username', width: 120 },
        { title: t('user.displayName'), dataIndex: 'displayName', width: 120 },
        { title: t('user.jobNumber'), dataIndex: 'jobNumber', width: 90 },
        {
          title: t('user.contact'),
          key: 'contact',
          render: (_, u) =>
            u.email || u.mobile ? (
              <span style={{ fontSize: 12 }}>
                {u.email ? <div>{u.email}</div> : null}
                {u.mobile ? <div>{u.mobile}</div> : null}
              </span>
            ) : (
              '—'
            ),
        },
        { title: t('org.department'), dataIndex: 'departmentId', render: (id: string | null) => departments.find((d) => d.id === id)?.name ?? '—' },
        { title: t('org.team'), dataIndex: 'teamId', render: (id: string | null) => teams.find((x) => x.id === id)?.name ?? '—' },
        { title: t('user.roles'), dataIndex: 'roleIds', render: (ids: string[]) => ids.map((id) => <Tag key={id}>{roleName(id)}</Tag>) },
        {
          title: t('user.active'),
          dataIndex: 'active',
          width: 80,
          render: (a: boolean) => (a ? <Tag color="green">{t('user.activeYes')}</Tag> : <Tag>{t('user.activeNo')}</Tag>),
        },
      ]}
      toValues={(u) => ({
        username: u.username,
        displayName: u.displayName,
        password: '',
        jobNumber: u.jobNumber,
        email: u.email,
        mobile: u.mobile,
        departmentId: u.departmentId,
        teamId: u.teamId,
        roleIds: u.roleIds,
        active: u.active,
      })}
      toBody={(v, editing) => (editing ? userUpdateBody(v) : userCreateBody(v))}
      renderForm={(_, editing) => (
        <>
          <Form.Item
            name="username"
            label={t('user.username')}
            rules={editing ? [] : [{ required: true, message: t('user.usernameRule') }, { pattern: USERNAME, message: t('user.usernameRule') }]}
          >
            <Input disabled={!!editing} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, whitespace: true, message: t('org.nameRequired') }, { max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('user.password')}
            extra={editing ? t('user.passwordKeep') : undefined}
            rules={[{ required: !editing, message: t('user.passwordRule') }, { min: 8, message: t('user.passwordRule') }, { max: 200 }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="jobNumber" label={t('user.jobNumber')} rules={[{ max: 32 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('user.email')} extra={t('user.emailHint')} rules={[{ type: 'email', message: t('user.emailRule') }, { max: 200 }]}>
            <Input autoComplete="off" data-testid="user-email" />
          </Form.Item>
          <Form.Item
            name="mobile"
            label={t('user.mobile')}
            extra={t('user.mobileHint')}
            rules={[{ pattern: MOBILE, message: t('user.mobileRule') }]}
          >
            <Input autoComplete="off" maxLength={11} data-testid="user-mobile" />
          </Form.Item>
          <Form.Item name="departmentId" label={t('org.department')}>
            <Select allowClear options={departments.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="teamId" label={t('org.team')}>
            <Select allowClear options={teams.map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="roleIds" label={t('user.roles')} initialValue={[]}>
            <Select mode="multiple" allowClear options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))} />
          </Form.Item>
          {editing ? (
            <Form.Item name="active" label={t('user.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </>
      )}
    />
  );
}
