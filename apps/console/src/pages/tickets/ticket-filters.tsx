import { useEffect, useState } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import { TICKET_STATUSES } from '@kefu/shared/ticket-status';
import { useDirectory, useForms } from '../../api/shared-data.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import { useLabels } from '../../i18n/labels.ts';
import type { Dayjs } from 'dayjs';
import { dayjs, inZone, ZONE } from '../../utils/time.ts';
import type { TicketFilters } from './use-ticket-filters.ts';

interface Props {
  filters: TicketFilters;
  onChange: (patch: Partial<TicketFilters>) => void;
}

const SORTS = ['created:desc', 'created:asc', 'updated:desc', 'updated:asc'] as const;

export function TicketFilterBar({ filters, onChange }: Props) {
  const t = useT();
  const labels = useLabels();
  const forms = useForms();
  const directory = useDirectory();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  // shown as calendar days in the centre's zone, whatever the browser's zone
  const day = (iso: string, shift = 0) => dayjs(inZone(iso).add(shift, 'day').format('YYYY-MM-DD'));
  const range: [Dayjs, Dayjs] | null = filters.from && filters.to ? [day(filters.from), day(filters.to, -1)] : null;

  return (
    <Space wrap size={8} style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        style={{ width: 210 }}
        placeholder={t('tickets.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        data-testid="ticket-search"
      />
      <Select
        allowClear
        style={{ width: 110 }}
        placeholder={t('ticket.type')}
        value={filters.type}
        onChange={(type) => onChange({ type })}
        options={(forms ?? []).map((f) => ({ value: f.type, label: labels.type(f.type, f.definition.name) }))}
        data-testid="filter-type"
      />
      <Select
        mode="multiple"
        allowClear
        style={{ minWidth: 150 }}
        maxTagCount="responsive"
        placeholder={t('ticket.status')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        data-testid="filter-status"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 130 }}
        placeholder={t('ticket.assignee')}
        value={filters.assigneeId}
        onChange={(assigneeId) => onChange({ assigneeId })}
        options={(directory?.users ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
        data-testid="filter-assignee"
      />
      <DatePicker.RangePicker
        value={range}
        placeholder={[t('tickets.createdFrom'), t('tickets.createdTo')]}
        onChange={(r) =>
          onChange({
            // whole days in the centre's zone; `to` is exclusive
            from: r?.[0] ? dayjs.tz(r[0].format('YYYY-MM-DD'), ZONE).toISOString() : undefined,
            to: r?.[1] ? dayjs.tz(r[1].format('YYYY-MM-DD'), ZONE).add(1, 'day').toISOString() : undefined,
          })
        }
      />
      <Select
        style={{ width: 130 }}
        value={`${filters.sort}:${filters.order}`}
        onChange={(v) => {
          const [sort, order] = v.split(':') as [TicketFilters['sort'], TicketFilters['order']];
          onChange({ sort, order });
        }}
        options={SORTS.map((s) => ({ value: s, label: t(`tickets.sort.${s}`) }))}
        data-testid="filter-sort"
      />
      <Button
        onClick={() =>
          onChange({ type: undefined, status: [], assigneeId: undefined, from: undefined, to: undefined, q: undefined })
        }
      >
        {t('common.reset')}
      </Button>
    </Space>
  );
}
