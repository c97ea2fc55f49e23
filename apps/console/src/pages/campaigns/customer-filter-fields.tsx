import { useMemo } from 'react';
import { Col, DatePicker, Form, Row, Select } from 'antd';
import { TICKET_TYPES } from '@kefu/shared/ticket-status';
import { api, itemsOf } from '../../api/client.ts';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import { datePresets } from './customer-filter.ts';

/**
 * The customer selection of a campaign or a survey send, inside the caller's
 * Form under `filter`: customer classes (free tags), work-order types and
 * the days those work orders were created in.
 */
export function CustomerFilterFields({ testId }: { testId?: string }) {
  const t = useT();
  const labels = useLabels();
  // the classes with quiet hours configured are the ones the centre uses: offer them, any other may be typed
  const known = useRequest(
    () =>
      api
        .get<{ items: { customerClass: string | null }[] }>('/quiet-hours', undefined, { silent: true })
        .then((r) => itemsOf(r).flatMap((x) => (x.customerClass ? [x.customerClass] : [])))
        .catch(() => [] as string[]),
    [],
  );
  const presets = useMemo(() => datePresets(new Date()).map((p) => ({ label: t(`campaign.preset.${p.key}`), value: p.value })), [t]);
  return (
    <Row gutter={12} data-testid={testId}>
      <Col xs={24} md={12}>
        <Form.Item name={['filter', 'customerClasses']} label={t('campaign.filter.classes')} tooltip={t('campaign.filter.classesHint')}>
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ']}
            placeholder={t('campaign.filter.any')}
            options={(known.data ?? []).map((c) => ({ value: c, label: c }))}
            data-testid="filter-classes"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['filter', 'ticketTypes']} label={t('campaign.filter.types')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('campaign.filter.any')}
            options={TICKET_TYPES.map((x) => ({ value: x, label: labels.type(x) }))}
            data-testid="filter-types"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={['filter', 'created']} label={t('campaign.filter.created')} tooltip={t('campaign.filter.createdHint')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} presets={presets} style={{ width: '100%' }} data-testid="filter-created" />
        </Form.Item>
      </Col>
    </Row>
  );
}
