import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { EyeOutlined, RocketOutlined } from '@ant-design/icons';
import { CALLBACK_TYPES, type CampaignFilter } from '@kefu/shared/callbacks';
import { api, ApiError, itemsOf } from '../../api/client.ts';
import { useDirectory } from '../../api/shared-data.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { callbackTypeLabel } from './callback-type.ts';
import { CustomerFilterFields } from './customer-filter-fields.tsx';
import { DUE_UNITS, emptyCampaign, filterKey, toCampaignBody, toCampaignFilter, type CampaignValues } from './customer-filter.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onStarted: () => void;
}

export interface CampaignPreview {
  count: number;
  sample: { id: string; name: string; customerClass: string | null }[];
}

/**
 * 新建回访活动: who (a filter over the customer archive), which team makes the
 * calls, by when. Starting creates one callback per customer at once, so the
 * selection is previewed first and Start only works for the filter previewed.
 */
export function CampaignDrawer({ open, onClose, onStarted }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignValues>();
  const directory = useDirectory();
  const scripts = useRequest(() => api.get<{ items: { id: string; name: string }[] }>('/callback-scripts').then(itemsOf), []);
  const [preview, setPreview] = useState<{ key: string; result: CampaignPreview } | null>(null);
  const [busy, setBusy] = useState<'preview' | 'start' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const filterValues = Form.useWatch('filter', form);
  const currentKey = filterKey(toCampaignFilter(filterValues));
  const previewed = preview && preview.key === currentKey ? preview.result : null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(emptyCampaign());
    setPreview(null);
    setError(null);
  }, [open]);

  const runPreview = async () => {
    const filter: CampaignFilter = toCampaignFilter(form.getFieldValue('filter'));
    setBusy('preview');
    setError(null);
    try {
      const result = await api.post<CampaignPreview>('/callback-campaigns/preview', { filter });
      setPreview({ key: filterKey(filter), result });
    } catch {
      // reported by the API client
    } finally {
      setBusy(null);
    }
  };

  const start = async () => {
    const valid = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!valid || !previewed) return;
    const body = toCampaignBody(form.getFieldsValue(true) as CampaignValues);
    setBusy('start');
    setError(null);
    try {
      const res = await api.post<{ id: string; name: string; customerCount: number }>('/callback-campaigns', body, { silent: (e) => e.status !== 401 });
      void message.success(t('campaign.started', { name: res.name, n: res.customerCount }));
      onStarted();
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) setError(e.details?.length ? `${e.message}: ${e.details.map((d) => d.message).join('; ')}` : e.message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer
      open={open}
      size={720}
      title={t('campaign.new')}
      onClose={onClose}
      forceRender
      data-testid="campaign-drawer"
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button icon={<EyeOutlined />} loading={busy === 'preview'} onClick={() => void runPreview()} data-testid="campaign-preview">
            {t('campaign.preview')}
          </Button>
          <Button
            type="primary"
            icon={<RocketOutlined />}
            loading={busy === 'start'}
            disabled={!previewed || previewed.count === 0}
            onClick={() => void start()}
            data-testid="campaign-start"
          >
            {previewed ? t('campaign.startN', { n: previewed.count }) : t('campaign.start')}
          </Button>
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="campaign-error" /> : null}
      <Form form={form} layout="vertical" initialValues={emptyCampaign()}>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={t('campaign.name')} rules={[{ required: true, whitespace: true, message: t('campaign.nameRequired') }, { max: 100 }]}>
              <Input placeholder={t('campaign.namePlaceholder')} data-testid="campaign-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="callbackType" label={t('campaign.callbackType')} rules={[{ required: true }]}>
              <Select options={CALLBACK_TYPES.map((c) => ({ value: c, label: callbackTypeLabel(t, c) }))} data-testid="campaign-type" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('campaign.who')}
        </Typography.Title>
        <CustomerFilterFields testId="campaign-filter" />
        <div style={{ marginBottom: 16 }} data-testid="campaign-preview-result">
          {previewed ? (
            <Alert
              type={previewed.count ? 'info' : 'warning'}
              showIcon
              title={previewed.count ? t('campaign.previewCount', { n: previewed.count }) : t('campaign.previewNone')}
              description={
                previewed.sample.length ? (
                  <div>
                    <Typography.Text type="secondary">{t('campaign.sample')}</Typography.Text>{' '}
                    {previewed.sample.map((c) => (
                      <Tag key={c.id} style={{ marginBottom: 4 }}>
                        {c.name}
                        {c.customerClass ? <Typography.Text type="secondary"> · {c.customerClass}</Typography.Text> : null}
                      </Tag>
                    ))}
                    {previewed.count > previewed.sample.length ? (
                      <Typography.Text type="secondary">{t('campaign.andMore', { n: previewed.count - previewed.sample.length })}</Typography.Text>
                    ) : null}
                  </div>
                ) : undefined
              }
            />
          ) : (
            <Alert type="warning" showIcon title={preview ? t('campaign.previewStale') : t('campaign.previewFirst')} />
          )}
        </div>

        <Typography.Title level={5}>{t('campaign.how')}</Typography.Title>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="teamId" label={t('campaign.team')} tooltip={t('campaign.teamHint')} rules={[{ required: true, message: t('campaign.teamRequired') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={!directory}
                options={(directory?.teams ?? []).map((x) => ({ value: x.id, label: x.name }))}
                data-testid="campaign-team"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scriptId" label={t('campaign.script')}>
              <Select
                allowClear
                placeholder={t('campaign.noScript')}
                loading={scripts.loading}
                options={(scripts.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                data-testid="campaign-script"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('campaign.dueWithin')} required tooltip={t('campaign.dueHint')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="dueAmount" noStyle rules={[{ required: true, message: t('campaign.dueRequired') }]}>
                  <InputNumber min={1} max={365} precision={0} style={{ width: '45%' }} data-testid="campaign-due-amount" />
                </Form.Item>
                <Form.Item name="dueUnit" noStyle>
                  <Select style={{ width: '55%' }} options={DUE_UNITS.map((u) => ({ value: u, label: t(`campaign.unit.${u}`) }))} data-testid="campaign-due-unit" />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="coverageRequired" label={t('campaign.coverageRequired')} tooltip={t('campaign.coverageHint')} valuePropName="checked">
              <Switch data-testid="campaign-coverage" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
