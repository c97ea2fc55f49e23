import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { api, ApiError } from '../api/client.ts';
import { useT } from '../i18n/i18n-provider.tsx';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** The user changes their own password; the server ends their other sessions. */
export function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await api.post('/me/password', { oldPassword: v.oldPassword, newPassword: v.newPassword }, { silent: true });
      message.success(t('password.changed'));
      form.resetFields();
      onClose();
    } catch (e) {
      const text = e instanceof ApiError ? e.message : String(e);
      const field = e instanceof ApiError && e.code === 'WRONG_PASSWORD' ? 'oldPassword' : 'newPassword';
      form.setFields([{ name: field, errors: [text] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('password.save')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => { form.resetFields(); onClose(); }}
      destroyOnHidden
      data-testid="password-dialog"
    >
      <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item name="oldPassword" label={t('password.old')} rules={[{ required: true, message: t('password.oldRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-old" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, min: 8, max: 200, message: t('password.newRule') }]}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
