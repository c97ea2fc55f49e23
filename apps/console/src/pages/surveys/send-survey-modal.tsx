import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Modal, Radio, Space } from 'antd';
import { EyeOutlined, SendOutlined } from '@ant-design/icons';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { CustomerFilterFields } from '../campaigns/customer-filter-fields.tsx';
import { filterKey, toCampaignFilter, type FilterValues } from '../campaigns/customer-filter.ts';

interface Props {
  survey: { id: string; name: string } | null;
  onClose: () => void;
  onSent: () => void;
}

interface SendValues {
  filter?: FilterValues;
  channel: 'sms' | 'email';
}

/**
 * 发送问卷 to the customers a filter selects. Every one of them gets a message,
 * so the count is shown first and Send only works for the filter counted.
 */
export function SendSurveyModal({ survey, onClose, onSent }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<SendValues>();
  const [counted, setCounted] = useState<{ key: string; count: number } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'send' | null>(null);
  const key = filterKey(toCampaignFilter(Form.useWatch('filter', form)));
  const count = counted && counted.key === key ? counted.count : null;

  useEffect(() => {
    if (!survey) return;
    form.resetFields();
    setCounted(null);
  }, [survey]);

  const preview = async () => {
    if (!survey) return;
    const filter = toCampaignFilter(form.getFieldValue('filter'));
    setBusy('preview');
    try {
      const res = await api.post<{ count: number }>(`/surveys/${survey.id}/preview-recipients`, { filter });
      setCounted({ key: filterKey(filter), count: res.count });
    } catch {
      // reported by the API client
    } finally {
      setBusy(null);
    }
  };

  const send = () => {
    if (!survey || !count) return;
    const values = form.getFieldsValue(true) as SendValues;
    modal.confirm({
      title: t('survey.sendConfirm', { n: count, name: survey.name }),
      okText: t('survey.send'),
      onOk: async () => {
        setBusy('send');
        try {
          const res = await api.post<{ invited: number; withoutAddress: number }>(`/surveys/${survey.id}/send`, {
            filter: toCampaignFilter(values.filter),
            channel: values.channel,
          });
          void message.success(
            res.withoutAddress ? t('survey.sentSomeWithout', { n: res.invited, m: res.withoutAddress }) : t('survey.sent', { n: res.invited }),
          );
          onSent();
        } catch {
          // reported by the API client
        } finally {
          setBusy(null);
        }
      },
    });
  };

  return (
    <Modal
      open={!!survey}
      title={survey ? t('survey.sendTitle', { name: survey.name }) : ''}
      width={680}
      onCancel={onClose}
      destroyOnHidden
      data-testid="survey-send"
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button icon={<EyeOutlined />} loading={busy === 'preview'} onClick={() => void preview()} data-testid="survey-send-preview">
            {t('survey.countRecipients')}
          </Button>
          <Button type="primary" icon={<SendOutlined />} loading={busy === 'send'} disabled={!count} onClick={send} data-testid="survey-send-go">
            {count ? t('survey.sendN', { n: count }) : t('survey.send')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ channel: 'sms', filter: {} }} preserve={false}>
        <CustomerFilterFields testId="survey-filter" />
        <Form.Item name="channel" label={t('survey.channel')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'sms', label: t('survey.channel.sms') },
              { value: 'email', label: t('survey.channel.email') },
            ]}
            data-testid="survey-channel"
          />
        </Form.Item>
      </Form>
      {count !== null ? (
        <Alert
          type={count ? 'info' : 'warning'}
          showIcon
          title={count ? t('survey.recipients', { n: count }) : t('survey.noRecipients')}
          data-testid="survey-recipients"
        />
      ) : (
        <Alert type="warning" showIcon title={counted ? t('survey.countStale') : t('survey.countFirst')} />
      )}
    </Modal>
  );
}
